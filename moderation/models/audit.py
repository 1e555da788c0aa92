from django.conf import settings
from django.db import models


class ActionKind(models.TextChoices):
    # Decisions on a case (the `action` field of the decision form).
    APPROVE = "approve", "Approved / kept"
    HIDE = "hide", "Hidden"
    EDIT = "edit", "Edited and approved"
    ADD_WARNING = "add_warning", "Content warning added"
    LOCK = "lock", "Thread locked"
    MOVE = "move", "Thread moved"
    ESCALATE = "escalate", "Escalated to safeguarding leads"
    WARN = "warn", "Member warned"
    SUSPEND = "suspend", "Member suspended"
    BAN = "ban", "Member banned"
    # Everything else that is recorded.
    OPEN_CASE = "open_case", "Case opened"
    CLAIM = "claim", "Case claimed"
    REASSIGN = "reassign", "Case reassigned"
    FLAG = "flag", "Post flagged"
    AUTO_HIDE = "auto_hide", "Hidden pending review (flags)"
    STAFF_NOTE = "staff_note", "Staff note added"
    APPEAL = "appeal", "Appeal made"
    ADMIN_CHANGE = "admin_change", "Changed in the admin"


class ModerationAction(models.Model):
    """The audit log. Append-only: the database refuses updates and deletes (a trigger
    on PostgreSQL), except that erasing an account may blank its identity."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=20, choices=ActionKind.choices)
    target_type = models.CharField(max_length=40)
    target_id = models.CharField(max_length=40)
    target_repr = models.CharField(max_length=200, blank=True)
    case = models.ForeignKey(
        "moderation.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The member the action concerns, if any.",
    )
    reason = models.TextField(blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} {self.target_type} {self.target_id}"
