"""End-of-shift notes: a moderator's words for the safeguarding leads."""

from django.db import transaction
from django.urls import reverse

from forum.notifications import notify_member

from ..alerts import active_leads
from ..audit import record
from ..models import ActionKind, ShiftNote

NOTE_LEFT = "A moderator has left an end-of-shift note for the safeguarding leads."


@transaction.atomic
def leave_shift_note(*, moderator, text):
    """Keep the note, log that it was left (never its words: moderators read the log),
    and tell every active lead but its writer in their notifications."""
    note = ShiftNote.objects.create(author=moderator, text=text)
    record(actor=moderator, action=ActionKind.SHIFT_NOTE, target=note)
    for lead in active_leads().exclude(pk=moderator.pk):
        notify_member(
            recipient=lead,
            message=NOTE_LEFT,
            link=reverse("moderation:escalated") + "#shift-notes",
            link_label="Read the end-of-shift notes",
        )
    return note
