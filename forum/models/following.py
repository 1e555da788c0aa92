from django.conf import settings
from django.db import models
from django.db.models import Q

from .visibility import PostStatus, thread_visible_q, visible_q


class Subscription(models.Model):
    """A member follows a thread (automatic for their own threads and replies)."""

    thread = models.ForeignKey(
        "forum.Thread", on_delete=models.CASCADE, related_name="subscriptions"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "member"], name="forum_subscription_once")
        ]

    def __str__(self):
        return f"{self.member_id} follows thread {self.thread_id}"


class BoardFollow(models.Model):
    """A member follows a board; in quiet mode the home page shows only these."""

    board = models.ForeignKey("forum.Board", on_delete=models.CASCADE, related_name="follows")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="board_follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["board", "member"], name="forum_board_follow_once")
        ]

    def __str__(self):
        return f"{self.member_id} follows board {self.board_id}"


class NotificationKind(models.TextChoices):
    REPLY = "reply", "A reply to you"
    MODERATION = "moderation", "From the moderators"
    WAITING = "waiting", "A first post waiting for a reply"


# The messages a reply notification carries; reply emails pick their subject by them.
REPLY_TO_YOU = "replied to your post"
REPLY_IN_FOLLOWED_THREAD = "replied in a thread you follow"
PEER_SUPPORTER_REPLIED = "A peer supporter has replied to your thread"


def _unless_missing(field, shown):
    # An empty Q means "everything is visible" (moderators); OR-ing it would narrow it.
    return Q(**{f"{field}__isnull": True}) | shown if shown else Q()


class NotificationQuerySet(models.QuerySet):
    def for_member(self, user):
        """A member's notifications, leaving out any whose post or thread they can no
        longer see (hidden, deleted or held since the notification was made), and any
        about a reply its writer has deleted since: even where its tombstone shows, the
        notification would still name them."""
        return self.filter(
            _unless_missing("post", visible_q(user, prefix="post__")),
            _unless_missing("thread", thread_visible_q(user, prefix="thread__")),
            recipient=user,
        ).exclude(kind=NotificationKind.REPLY, post__status=PostStatus.DELETED)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def replies_to_them(self):
        """Replies to the recipient's own posts (not those in threads they follow)."""
        return self.filter(kind=NotificationKind.REPLY, message=REPLY_TO_YOU)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")

    def with_links(self):
        return self.select_related("thread", "post__thread", "post__author")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    thread = models.ForeignKey("forum.Thread", null=True, blank=True, on_delete=models.CASCADE)
    post = models.ForeignKey("forum.Post", null=True, blank=True, on_delete=models.CASCADE)
    message = models.TextField(blank=True)
    # A next step the notice offers (asking for a decision to be looked at again, say).
    link = models.CharField(max_length=200, blank=True)
    link_label = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["recipient", "read_at", "-created_at"]),
            # The notifications page, newest first: read in order, never sorted whole.
            models.Index(
                fields=["recipient", "-created_at", "-id"], name="forum_notification_newest"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.recipient_id}"

    @property
    def is_from_peer_supporter(self):
        return self.kind == NotificationKind.REPLY and self.message == PEER_SUPPORTER_REPLIED
