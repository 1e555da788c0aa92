"""The forum's emails: one per reply for members who asked, and the daily digest.

Sent by the task queue (forum/tasks.py), never inside a request. Emails say only that
something happened and link to the site: never the post's text, never anyone's email
address. Each email is locked, sent and marked in its own transaction, so a retry after
a mail-server hiccup sends only what is still waiting, and two workers (or a worker and
the command) never send the same one twice.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from peersupport.signposting.resources import emergency_words

from .models import PEER_SUPPORTER_REPLIED, REPLY_TO_YOU, Notification, NotificationKind

# The digest runs daily; this gap keeps a second run the same day from sending a second
# email, while allowing for a scheduler that runs a little early.
DIGEST_MIN_GAP = datetime.timedelta(hours=20)


def _site_link(path):
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _email_footer(member):
    return (
        "\n\nYou get these emails because you asked for them. You can turn them off "
        f"at any time in your settings: {_site_link(reverse('accounts:settings'))}\n\n"
        "Peer Support is not a crisis service. If you are in danger right now, "
        f"{emergency_words(member.region)}."
    )


def email_reply_notifications(ids):
    """Send one short email per notification, to members who asked for them. Returns
    how many were sent."""
    return sum(_email_reply_notification(pk) for pk in ids)


@transaction.atomic
def _email_reply_notification(pk):
    notification = (
        Notification.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(pk=pk, emailed_at__isnull=True, recipient__email_on_reply=True)
        .select_related("recipient", "post__thread")
        .first()
    )
    if notification is None:
        return 0
    if notification.message == PEER_SUPPORTER_REPLIED:
        subject = "A peer supporter has replied to your thread on Peer Support"
    elif notification.message == REPLY_TO_YOU:
        subject = "Someone replied to you on Peer Support"
    else:
        subject = "Someone replied in a thread you follow on Peer Support"
    send_mail(
        subject,
        f"{subject}.\n\nRead it here: {_site_link(notification.post.get_absolute_url())}"
        + _email_footer(notification.recipient),
        None,
        [notification.recipient.email],
    )
    notification.emailed_at = timezone.now()
    notification.save(update_fields=["emailed_at"])
    return 1


def send_notification_digests():
    """Quiet mode and low stimulation gather reply emails into one a day: how many new
    replies, nothing more. A member on a break gets none until it ends; the replies that
    came meanwhile are in their first digest after it. Returns how many were sent."""
    members = get_user_model().objects.wanting_daily_digest()
    return sum(_send_digest(member_id) for member_id in members.values_list("pk", flat=True))


def _recent_digest(now):
    return Notification.objects.filter(
        recipient=OuterRef("pk"), emailed_at__gt=now - DIGEST_MIN_GAP
    )


@transaction.atomic
def _send_digest(member_id):
    now = timezone.now()
    member = (
        get_user_model()
        .objects.select_for_update(skip_locked=True)
        .filter(~Exists(_recent_digest(now)), pk=member_id)
        .first()
    )
    if member is None:
        return 0
    waiting = (
        Notification.objects.for_member(member)
        .unread()
        .filter(kind=NotificationKind.REPLY, emailed_at__isnull=True)
    )
    count = waiting.count()
    if not count:
        return 0
    replies = "1 new reply" if count == 1 else f"{count} new replies"
    send_mail(
        "Your replies on Peer Support today",
        f"You have {replies} waiting for you on Peer Support.\n\n"
        f"See them here: {_site_link(reverse('forum:notifications'))}" + _email_footer(member),
        None,
        [member.email],
    )
    Notification.objects.filter(pk__in=waiting.values("pk")).update(emailed_at=now)
    return 1
