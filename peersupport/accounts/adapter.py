from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.utils import timezone

from peersupport.queue import send_to_queue

from .tasks import message_fields, send_rendered_email


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
        if commit:
            user.save()
        return user
