from django.conf import settings
from django.db import models
from django.db.models import Q


class CheckInQuerySet(models.QuerySet):
    def about_case(self, case):
        """The conversation a case page shows: this case's, and for a post case, that of
        every case about the same post (a reply to a decided case opens a new one)."""
        if case.post_id is None:
            return self.filter(case=case).in_order()
        return self.filter(Q(case=case) | Q(case__post_id=case.post_id)).in_order()

    def in_order(self):
        return self.select_related("sender").order_by("created_at", "pk")


class CheckIn(models.Model):
    """One message of a private check-in between the moderators and the writer a crisis
    or concern case is about. Append-only: nothing changes a message once it is sent.
    It is not messaging between members: one side is always "the moderators"."""

    case = models.ForeignKey("moderation.Case", on_delete=models.CASCADE, related_name="check_ins")
    # The moderator who sent it, or the writer who answered; the writer never sees which
    # moderator it was.
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_moderators = models.BooleanField()
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        side = "the moderators" if self.from_moderators else "the writer"
        return f"Check-in from {side} on case {self.case_id}"
