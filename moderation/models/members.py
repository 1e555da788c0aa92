from django.conf import settings
from django.db import models


class SanctionKind(models.TextChoices):
    WARN = "warn", "Warning"
    SUSPEND = "suspend", "Suspension from posting"
    BAN = "ban", "Ban"


class SanctionQuerySet(models.QuerySet):
    def for_member(self, member):
        """A member's sanctions, newest first, with who gave each."""
        return self.filter(member=member).select_related("created_by")


class Sanction(models.Model):
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions"
    )
    kind = models.CharField(max_length=20, choices=SanctionKind.choices)
    reason = models.TextField()
    until = models.DateTimeField(null=True, blank=True, help_text="For suspensions.")
    case = models.ForeignKey(
        "moderation.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SanctionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.member_id}"


class StaffNoteQuerySet(models.QuerySet):
    def for_member(self, member):
        """The moderators' notes about a member, newest first, with who wrote each."""
        return self.filter(member=member).select_related("author")


class StaffNote(models.Model):
    """Moderators' notes about a member. Append-only; members never see them."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StaffNoteQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Note on {self.member_id}"


class AppealQuerySet(models.QuerySet):
    def outcomes_since(self, since):
        """Appeals made at or after `since`, as dicts for the public transparency page:
        when each was made, and the status and decision of the case that looks again."""
        return (
            self.filter(created_at__gte=since)
            .order_by()
            .values("created_at", "case__status", "case__decision")
        )


class Appeal(models.Model):
    """A member asks for a decision to be looked at again, once per decision. The
    appeal opens a case that the moderator who decided may not take."""

    decision = models.OneToOneField(
        "moderation.ModerationAction", on_delete=models.PROTECT, related_name="appeal"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appeals"
    )
    text = models.TextField(max_length=2000)
    case = models.ForeignKey("moderation.Case", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AppealQuerySet.as_manager()

    def __str__(self):
        return f"Appeal by {self.member_id}"
