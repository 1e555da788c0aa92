"""The forum's slow work, run by the Celery worker (or at once when there is no broker)."""

from celery import shared_task
from django.db import OperationalError

from . import emails, following

# A mail server that is briefly away (smtplib's errors are OSErrors) is tried again
# later; emails already sent are marked, so a retry sends only the rest.
RETRY_ON_MAIL_TROUBLE = {"autoretry_for": (OSError,), "retry_backoff": 30, "max_retries": 5}


# A database that is briefly away is tried again; nobody is told twice (following.py).
@shared_task(autoretry_for=(OperationalError,), retry_backoff=5, max_retries=5)
def notify_reply(post_id):
    return len(following.send_reply_notifications(post_id))


@shared_task(**RETRY_ON_MAIL_TROUBLE)
def email_reply_notifications(notification_ids):
    return emails.email_reply_notifications(notification_ids)


@shared_task(**RETRY_ON_MAIL_TROUBLE)
def send_notification_digests():
    return emails.send_notification_digests()
