from django.conf import settings
from django.db import models


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


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    thread = models.ForeignKey("forum.Thread", null=True, blank=True, on_delete=models.CASCADE)
    post = models.ForeignKey("forum.Post", null=True, blank=True, on_delete=models.CASCADE)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.recipient_id}"
