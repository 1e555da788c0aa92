"""A member's notifications: replies to them or in threads they follow, and messages
from the moderators. One transaction each. (Peer supporters' notices about first posts
that wait: forum/peer_support.py.)

Telling a thread's followers about a reply (hundreds of them in a busy thread) is the
task queue's work (forum/tasks.py), queued once the reply is committed.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import (
    PEER_SUPPORTER_REPLIED,
    REPLY_IN_FOLLOWED_THREAD,
    REPLY_TO_YOU,
    Mute,
    Notification,
    NotificationKind,
    Post,
    PostStatus,
)
from .unread import forget_unread_counts


def _can_see(user, post):
    return Post.objects.readable_by(user).filter(pk=post.pk).exists()


def _active_mute_of(author):
    return Mute.objects.active().filter(muter=OuterRef("pk"), muted=author)


def _by_peer_supporter(post):
    return (
        post.author_id is not None
        and get_user_model().objects.peer_supporters().filter(pk=post.author_id).exists()
    )


def _reply_message(member_id, *, parent_author_id, peer_told_id):
    if member_id == peer_told_id:
        return PEER_SUPPORTER_REPLIED
    return REPLY_TO_YOU if member_id == parent_author_id else REPLY_IN_FOLLOWED_THREAD


@transaction.atomic
def send_reply_notifications(post_id):
    """Tell the parent post's writer and the thread's followers about a published reply:
    once each, never the writer themself, never someone who has muted the writer, and
    never someone who cannot see the reply. A peer supporter's reply tells the thread's
    writer that a peer supporter has answered them, in that one notice. Safe to run
    again (a retried task): nobody is told twice. Returns the notifications made."""
    post = Post.objects.select_related("thread", "parent").filter(pk=post_id).first()
    # Deleted or hidden between the reply and now: there is nothing to tell.
    if post is None or post.status != PostStatus.PUBLISHED:
        return []
    parent_author_id = post.parent.author_id if post.parent_id else None
    peer_told_id = post.thread.author_id if _by_peer_supporter(post) else None
    candidate_ids = set(post.thread.subscriptions.values_list("member_id", flat=True))
    candidate_ids |= {parent_author_id, peer_told_id}
    candidate_ids -= {None, post.author_id}
    already_told = Notification.objects.filter(
        recipient=OuterRef("pk"), post=post, kind=NotificationKind.REPLY
    )
    # Only what deciding and emailing need: a busy thread has hundreds of followers.
    candidates = (
        get_user_model()
        .objects.filter(pk__in=candidate_ids, is_active=True)
        .filter(~Exists(already_told))
        .only("pk", "email_on_reply", "quiet_mode", "low_stimulation", "break_until")
    )
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
            message=_reply_message(
                member.pk, parent_author_id=parent_author_id, peer_told_id=peer_told_id
            ),
        )
        for member in recipients
    )
    forget_unread_counts(member.pk for member in recipients)
    return notifications


def to_email_at_once(notifications):
    """The reply notifications whose recipients asked for an email about each. Quiet
    mode and low stimulation gather them into a daily digest instead; a member on a
    break is sent nothing, and finds them waiting on the site when they come back."""
    now = timezone.now()
    return [
        notification.pk
        for notification in notifications
        if notification.recipient.email_on_reply
        and not notification.recipient.is_quiet
        and not notification.recipient.is_on_break(now)
    ]


@transaction.atomic
def notify_member(*, recipient, message, post=None, thread=None, link="", link_label=""):
    """A message from the moderators (the outcome of a flag or a decision), with an
    optional next step for the member to take. About a post, there is one notice per
    post, brought up to date at each step (held, then approved) and unread again, so
    the member reads the latest rather than a pile of near-identical ones."""
    forget_unread_counts([recipient.pk])
    fields = {
        "thread": thread or (post.thread if post else None),
        "message": message,
        "link": link,
        "link_label": link_label,
    }
    earlier = None
    if post is not None:
        # The newest, should older data hold several.
        earlier = (
            Notification.objects.select_for_update()
            .filter(recipient=recipient, kind=NotificationKind.MODERATION, post=post)
            .order_by("-created_at", "-pk")
            .first()
        )
    if earlier is None:
        return Notification.objects.create(
            recipient=recipient, kind=NotificationKind.MODERATION, post=post, **fields
        )
    for name, value in fields.items():
        setattr(earlier, name, value)
    earlier.created_at = timezone.now()
    earlier.read_at = earlier.emailed_at = None
    earlier.save()
    return earlier


@transaction.atomic
def mark_notifications_read(*, member):
    """Mark all of a member's unread notifications read, when they ask to."""
    unread = Notification.objects.filter(recipient=member, read_at__isnull=True)
    forget_unread_counts([member.pk])
    return unread.update(read_at=timezone.now())
