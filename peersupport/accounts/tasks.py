"""Accounts' work for the task queue: sending the emails allauth renders (address
confirmation, password reset), so a slow mail server never holds up a request, and
the nightly removal of data past its keeping time."""

from celery import shared_task
from django.core.mail import EmailMultiAlternatives

from . import retention


def message_fields(message):
    """What the worker needs to send a rendered message again: plain, serialisable."""
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [alternative.content, alternative.mimetype]
            for alternative in getattr(message, "alternatives", [])
        ],
    }


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def send_rendered_email(fields):
    EmailMultiAlternatives(**fields).send()


@shared_task
def apply_retention():
    retention.apply_retention()
