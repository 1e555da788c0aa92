"""The forum's slow work, run by the Celery worker (or at once when there is no broker)."""

from celery import shared_task
from django.db import OperationalError

from peersupport.queue import run_after_commit

from . import emails, notifications, peer_support
from .models import PostStatus

# A mail server that is briefly away (smtplib's errors are OSErrors) is tried again
# later; emails already sent are marked, so a retry sends only the rest.
RETRY_ON_MAIL_TROUBLE = {"autoretry_for": (OSError,), "retry_backoff": 30, "max_retries": 5}


def queue_reply_notifications(post):
    """Queue telling people about a published reply, once it is committed."""
    if post.status == PostStatus.PUBLISHED:
        run_after_commit(notify_reply, post.pk)


# A database that is briefly away is tried again; nobody is told twice
# (notifications.send_reply_notifications).
@shared_task(autoretry_for=(OperationalError,), retry_backoff=5, max_retries=5)
def notify_reply(post_id):
    made = notifications.send_reply_notifications(post_id)
    to_email = notifications.to_email_at_once(made)
    if to_email:
        run_after_commit(email_reply_notifications, to_email)
    return len(made)


@shared_task(**RETRY_ON_MAIL_TROUBLE)
def email_reply_notifications(notification_ids):
    return emails.email_reply_notifications(notification_ids)


@shared_task(**RETRY_ON_MAIL_TROUBLE)
def send_notification_digests():
    return emails.send_notification_digests()


@shared_task(autoretry_for=(OperationalError,), retry_backoff=5, max_retries=5)
def tell_peer_supporters():
    return peer_support.tell_peer_supporters_about_waiting_threads()
