from allauth.account.adapter import DefaultAccountAdapter
from django.utils import timezone


class AccountAdapter(DefaultAccountAdapter):
    # Members never read "invalid" or "failed": the same facts, said kindly.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "invalid_or_expired_key": "That code or link has expired or was already used. "
        "Please ask for a new one.",
        "invalid_login": "We could not sign you in with those details. Please try again.",
        "invalid_password_reset": "That password reset link has expired or was already "
        "used. Please ask for a new one.",
        "too_many_login_attempts": "There have been several sign-in attempts in a row, so "
        "we have paused them for a little while to keep your account safe. Please try "
        "again later, or reset your password.",
        "rate_limited": "That was a lot of requests in a short time. Please wait a moment "
        "and try again.",
    }

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
