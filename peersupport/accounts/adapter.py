from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from moderation.permissions import can_moderate
from peersupport.queue import send_to_queue

from .backends import member_named_in
from .tasks import message_fields, send_rendered_email
from .welcome import landing_for

SIGNED_IN_MESSAGE = "account/messages/logged_in.txt"

# Said of a wrong password and of a paused sign-in alike (AccountAdapter.pre_authenticate).
SIGN_IN_REFUSED = (
    "We could not sign you in with those details. Please check them and try again. "
    "After several tries in a row we pause signing in to an account for a few minutes "
    "to keep it safe: if you are sure they are right, please wait a little, or reset "
    "your password."
)


class AccountAdapter(DefaultAccountAdapter):
    # Members never read "invalid" or "failed": the same facts, said kindly.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "invalid_or_expired_key": "That code or link has expired or was already used. "
        "Please ask for a new one.",
        "invalid_login": SIGN_IN_REFUSED,
        "email_password_mismatch": SIGN_IN_REFUSED,
        "username_password_mismatch": SIGN_IN_REFUSED,
        "invalid_password_reset": "That password reset link has expired or was already "
        "used. Please ask for a new one.",
        "too_many_login_attempts": "There have been several sign-in attempts in a row, so "
        "we have paused them for a little while to keep your account safe. Please try "
        "again later, or reset your password.",
        "rate_limited": "That was a lot of requests in a short time. Please wait a moment "
        "and try again.",
    }

    def get_login_redirect_url(self, request):
        # A moderator signs in to work the queue; a "next" address still wins (allauth
        # asks for it before this). A new member lands on the welcome, and one back
        # after a long break on "welcome back".
        if can_moderate(request.user):
            return reverse("moderation:queue")
        return landing_for(request) or super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        return landing_for(request) or super().get_signup_redirect_url(request)

    def add_message(self, request, level, message_template=None, *args, **kwargs):
        # The welcome pages greet the member themselves, more kindly than "Successfully
        # signed in as ...".
        if message_template == SIGNED_IN_MESSAGE and landing_for(request):
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def _get_login_attempts_cache_key(self, request, **credentials):
        # allauth counts failed sign-ins per login as typed, so a member's pseudonym and
        # email address were two counts: twice the guesses. One count per account, and
        # the password reset that clears it (with the address) clears it for both. A
        # login that names no account keeps allauth's own count.
        member = member_named_in(credentials)
        if member is None:
            return super()._get_login_attempts_cache_key(request, **credentials)
        return f"{get_current_site(request).domain}:member:{member.pk}"

    def pre_authenticate(self, request, **credentials):
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            # A pause reads as a wrong password and, with the password hashed all the same,
            # takes as long. Were it told apart, a stranger could pause an account by its
            # pseudonym and then try email addresses: the one answered "paused" is the
            # member's.
            make_password(credentials.get("password"))
            raise self.validation_error("invalid_login") from None

    def send_mail(self, template_prefix, email, context_data):
        # Rendered here, where the request is; sent by the task queue, so a slow mail
        # server never holds up signing up or resetting a password.
        request = context.request
        # Without the sites framework the "site" is whatever host the request named:
        # the emails are from Peer Support, at the address it publishes.
        site = get_current_site(request)
        site.name = "Peer Support"
        message = self.render_mail(
            template_prefix,
            email,
            {
                "request": request,
                "email": email,
                "current_site": site,
                "site_url": settings.SITE_URL,
                "site_contact_email": settings.CONTACT_EMAIL,
                **context_data,
            },
        )
        send_to_queue(send_rendered_email, message_fields(message))

    def save_user(self, request, user, form, commit=True):
        # The sign-up form has already refused anyone who did not tick both boxes; the
        # member keeps a dated record of both agreements.
        user = super().save_user(request, user, form, commit=False)
        now = timezone.now()
        user.age_confirmed_at = now
        user.guidelines_accepted_at = now
        user.welcome_due = True
        if commit:
            user.save()
        return user
