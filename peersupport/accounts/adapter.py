from allauth.account.adapter import DefaultAccountAdapter
from django.utils import timezone


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # The sign-up form has already refused anyone who did not tick both boxes; the
        # member keeps a dated record of both agreements.
        user = super().save_user(request, user, form, commit=False)
        now = timezone.now()
        user.age_confirmed_at = now
        user.guidelines_accepted_at = now
        if commit:
            user.save()
        return user
