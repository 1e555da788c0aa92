"""Following threads and boards, and the notifications and emails that come of it.

One transaction each, like forum.services. Emails say only that something happened and
link to the site: never the post's text, never anyone's email address.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from .models import (
    BoardFollow,
    Mute,
    Notification,
    NotificationKind,
    Post,
    PostStatus,
    Subscription,
)

REPLY_TO_YOU = "replied to your post"
REPLY_IN_FOLLOWED_THREAD = "replied in a thread you follow"
# The digest command runs daily; this gap keeps a second run the same day from
# sending a second email, while allowing for a scheduler that runs a little early.
DIGEST_MIN_GAP = datetime.timedelta(hours=20)


@transaction.atomic
def follow_thread(*, member, thread):
    Subscription.objects.get_or_create(thread=thread, member=member)


@transaction.atomic
def unfollow_thread(*, member, thread):
    Subscription.objects.filter(thread=thread, member=member).delete()


@transaction.atomic
def follow_board(*, member, board):
    BoardFollow.objects.get_or_create(board=board, member=member)


@transaction.atomic
def unfollow_board(*, member, board):
    BoardFollow.objects.filter(board=board, member=member).delete()


def _can_see(user, post):
    return Post.objects.readable_by(user).filter(pk=post.pk).exists()


def _active_mute_of(author):
    return Mute.objects.active().filter(muter=OuterRef("pk"), muted=author)


@transaction.atomic
def notify_reply(post):
    """Tell the parent post's writer and the thread's followers about a published reply:
    once each, never the writer themself, never someone who has muted the writer, and
    never someone who cannot see the reply. Returns the notifications made."""
    if post.status != PostStatus.PUBLISHED:
        return []
    parent_author_id = post.parent.author_id if post.parent_id else None
    candidate_ids = set(post.thread.subscriptions.values_list("member_id", flat=True))
    candidate_ids.add(parent_author_id)
    candidate_ids -= {None, post.author_id}
    candidates = get_user_model().objects.filter(pk__in=candidate_ids, is_active=True)
    if post.author_id is not None:
        candidates = candidates.filter(~Exists(_active_mute_of(post.author_id)))
    recipients = list(candidates)
    # A published reply in a visible thread is seen by everyone; otherwise (the thread's
    # opening post is held, say) check each recipient in turn.
    if not _can_see(AnonymousUser(), post):
        recipients = [member for member in recipients if _can_see(member, post)]
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient=member,
            kind=NotificationKind.REPLY,
            thread=post.thread,
            post=post,
            message=REPLY_TO_YOU if member.pk == parent_author_id else REPLY_IN_FOLLOWED_THREAD,
        )
        for member in recipients
    )
    to_email = [
        notification.pk
        for notification in notifications
        if notification.recipient.email_on_reply and not notification.recipient.quiet_mode
    ]
    if to_email:
        transaction.on_commit(lambda: email_reply_notifications(to_email))
    return notifications


@transaction.atomic
def notify_member(*, recipient, message, post=None, thread=None, link="", link_label=""):
    """A message from the moderators (the outcome of a flag or a decision), with an
    optional next step for the member to take."""
    return Notification.objects.create(
        recipient=recipient,
        kind=NotificationKind.MODERATION,
        thread=thread or (post.thread if post else None),
        post=post,
        message=message,
        link=link,
        link_label=link_label,
    )


@transaction.atomic
def mark_notifications_read(*, member, ids=None):
    """Mark a member's unread notifications read: those in `ids`, or all of them."""
    unread = Notification.objects.filter(recipient=member, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())


def _site_link(path):
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _email_footer():
    return (
        "\n\nYou get these emails because you asked for them. You can turn them off "
        f"at any time in your settings: {_site_link(reverse('settings'))}\n\n"
        "Peer Support is not a crisis service. If you are in danger right now, call 999."
    )


@transaction.atomic
def email_reply_notifications(ids):
    """Send one short email per notification, to members who asked for them."""
    notifications = Notification.objects.filter(
        pk__in=ids, emailed_at__isnull=True, recipient__email_on_reply=True
    ).select_related("recipient", "post__thread")
    for notification in notifications:
        if notification.message == REPLY_TO_YOU:
            subject = "Someone replied to you on Peer Support"
        else:
            subject = "Someone replied in a thread you follow on Peer Support"
        send_mail(
            subject,
            f"{subject}.\n\nRead it here: {_site_link(notification.post.get_absolute_url())}"
            + _email_footer(),
            None,
            [notification.recipient.email],
        )
    return notifications.update(emailed_at=timezone.now())


@transaction.atomic
def send_notification_digests():
    """Quiet mode gathers reply emails into one a day: how many new replies, nothing
    more. Returns how many emails were sent."""
    now = timezone.now()
    recent_digest = Notification.objects.filter(
        recipient=OuterRef("pk"), emailed_at__gt=now - DIGEST_MIN_GAP
    )
    members = get_user_model().objects.filter(
        ~Exists(recent_digest), quiet_mode=True, email_on_reply=True, is_active=True
    )
    sent = 0
    for member in members:
        waiting = (
            Notification.objects.for_member(member)
            .unread()
            .filter(kind=NotificationKind.REPLY, emailed_at__isnull=True)
        )
        count = waiting.count()
        if not count:
            continue
        replies = "1 new reply" if count == 1 else f"{count} new replies"
        send_mail(
            "Your replies on Peer Support today",
            f"You have {replies} waiting for you on Peer Support.\n\n"
            f"See them here: {_site_link(reverse('notifications'))}" + _email_footer(),
            None,
            [member.email],
        )
        Notification.objects.filter(pk__in=waiting.values("pk")).update(emailed_at=now)
        sent += 1
    return sent
