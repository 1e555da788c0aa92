"""Caring for the carers: the moderators' rota, and the notes a moderator leaves for the
safeguarding leads at the end of a shift."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from peersupport.accounts.permissions import holds_role_in_force


class ShiftQuerySet(models.QuerySet):
    def in_force(self):
        """Shifts whose moderator can moderate now: an active account whose role is in
        force. A shift kept on the rota for someone who has since left the role, or has
        not set up two-step sign-in yet, promises nobody."""
        in_role = holds_role_in_force(models.OuterRef("moderator"))
        return self.filter(in_role, moderator__is_active=True)

    def between(self, start, end):
        """Shifts that overlap the time from `start` to `end`, earliest first."""
        return self.filter(start__lt=end, end__gt=start).order_by("start", "pk")


class Shift(models.Model):
    """One moderator on the rota from `start` to `end`. Admins edit the rota."""

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shifts"
    )
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField()
    note = models.CharField(
        max_length=200, blank=True, help_text="For the admins only, e.g. “covering for Sam”."
    )

    objects = ShiftQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="shift_ends_after_it_starts"
            )
        ]

    def __str__(self):
        return f"Shift {self.pk}"


class ShiftNoteQuerySet(models.QuerySet):
    def for_leads(self):
        """The leads' reading: newest first, with who wrote each."""
        return self.select_related("author").order_by("-created_at", "-pk")


class ShiftNote(models.Model):
    """A moderator's note for the safeguarding leads at the end of a shift: how it went,
    what stays with them. Staff text, never shown to members nor in their exports; when
    its writer deletes their account the note stays without their name."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ShiftNoteQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        # Never the text: this names the note in the audit log, which moderators read.
        return f"End-of-shift note {self.pk}"
