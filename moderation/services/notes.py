"""Moderators' notes about a member: append-only, never shown to the member."""

from django.db import transaction

from ..audit import record
from ..models import ActionKind, StaffNote


@transaction.atomic
def add_staff_note(*, author, member, text):
    note = StaffNote.objects.create(author=author, member=member, text=text)
    record(actor=author, action=ActionKind.STAFF_NOTE, target=note, member=member)
    return note
