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
    ACCOUNT_DELETED = "account_deleted", "Account deleted by its member"
    CHECK_IN = "check_in", "Private check-in sent to the writer"
    CHECK_IN_REPLY = "check_in_reply", "Writer answered a check-in"
    POST_DELETED = "post_deleted", "Closed: the writer deleted the post"
    SHIFT_NOTE = "shift_note", "End-of-shift note left for the leads"
    # Small circles (forum.models.circles): the moderators' verbs.
    CIRCLE_PLACE = "circle_place", "Member placed in a circle"
    CIRCLE_DECLINE = "circle_decline", "Request to join a circle declined"
    CIRCLE_MODERATOR = "circle_moderator", "Circle's moderator assigned"
    CIRCLE_OPEN = "circle_open", "Circle opened"
    CIRCLE_CLOSE = "circle_close", "Circle closed"
    # An attempt that was not the actor's to make (moderation.permissions.decision_limits):
    # `after` says what was tried, `reason` why it was refused.
    REFUSED = "refused", "Refused: not theirs to decide"


# Rows the site writes by itself: with no actor they are "the system", not a member
# whose account has since been erased.
AUTOMATIC_ACTIONS = {ActionKind.OPEN_CASE, ActionKind.AUTO_HIDE, ActionKind.POST_DELETED}

# Decisions a member may ask to be looked at again, once each.
APPEALABLE_ACTIONS = {ActionKind.HIDE, ActionKind.WARN, ActionKind.SUSPEND, ActionKind.BAN}

# A moderator's decisions on a case (the decision form's `action`). All but escalating
# close it; the site's own closings (a deleted post or account) are not among them.
DECISIONS = {
    ActionKind.APPROVE,
    ActionKind.HIDE,
    ActionKind.EDIT,
    ActionKind.ADD_WARNING,
    ActionKind.LOCK,
    ActionKind.MOVE,
    ActionKind.ESCALATE,
    ActionKind.WARN,
    ActionKind.SUSPEND,
    ActionKind.BAN,
}
CLOSING_DECISIONS = DECISIONS - {ActionKind.ESCALATE}
# The rows that show a moderator has looked at a case: taking it, or deciding it.
LOOKS = DECISIONS | {ActionKind.CLAIM}


class ModerationActionQuerySet(models.QuerySet):
    def for_log(self):
        return self.select_related("actor", "member").order_by("-created_at", "-pk")

    def matching(self, *, action="", actor="", member="", date_from=None, date_to=None):
        """The log filters: each one left empty matches everything."""
        rows = self
        if action:
            rows = rows.filter(action=action)
        if actor:
            rows = rows.filter(actor__username__iexact=actor)
        if member:
            rows = rows.filter(member__username__iexact=member)
        if date_from:
            rows = rows.filter(created_at__date__gte=date_from)
        if date_to:
            rows = rows.filter(created_at__date__lte=date_to)
        return rows

    def looks(self):
        """Rows where a moderator took or decided a case (LOOKS)."""
        return self.filter(action__in=LOOKS, case__isnull=False)

    def decisions_by(self, moderator):
        """The moderator's decisions on cases, newest first, with each case."""
        return (
            self.filter(actor=moderator, action__in=DECISIONS, case__isnull=False)
            .select_related("case")
            .order_by("-created_at", "-pk")
        )

    def appealable_by(self, member):
        """Decisions about this member's content or account that they may appeal."""
        return self.filter(member=member, action__in=APPEALABLE_ACTIONS)


class ModerationAction(models.Model):
    """The audit log. Append-only: the database refuses updates and deletes (a trigger
    on PostgreSQL), except that erasing an account may blank its identity: who acted,
    whom a row concerned, the name it was about and, where they hold the member's words
    or name, the before and after values."""

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

    objects = ModerationActionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} {self.target_type} {self.target_id}"

    @property
    def is_automatic(self):
        return self.actor_id is None and self.action in AUTOMATIC_ACTIONS

    @property
    def changes(self):
        """(field, before, after) for each field whose value differs."""
        fields = dict.fromkeys([*self.before, *self.after])
        return [
            (field, self.before.get(field), self.after.get(field))
            for field in fields
            if self.before.get(field) != self.after.get(field)
        ]
