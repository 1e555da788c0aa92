"""End-of-shift notes: a moderator's words for the safeguarding leads, read only by them."""

import datetime
import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum.models import Notification
from moderation.models import ActionKind, ModerationAction, Shift, ShiftNote
from moderation.services import leave_shift_note
from peersupport.accounts.deletion import delete_account
from peersupport.accounts.export import build_export
from tests.moderation.case_helpers import make_lead, make_moderator

pytestmark = pytest.mark.django_db

WORDS = "A hard evening: two crisis posts, both with the leads now. I am fine, just tired."


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_moderator_leaves_a_note_for_the_leads(moderator_client, moderator):
    lead = make_lead()
    form = moderator_client.get("/moderation/shift-note/")
    assert form.status_code == 200
    assert "<title>End-of-shift note" in form.content.decode()
    response = moderator_client.post("/moderation/shift-note/", {"text": f"  {WORDS}  "})
    assert response["Location"] == "/moderation/"
    note = ShiftNote.objects.get()
    assert (note.author, note.text) == (moderator, WORDS)
    told = Notification.objects.get(recipient=lead)
    assert "end-of-shift note" in told.message
    assert told.link == "/moderation/escalated/#shift-notes"
    thanks = moderator_client.get("/moderation/").content.decode()
    assert "Your note is with the safeguarding leads." in thanks


def test_the_log_records_the_note_but_not_its_words(moderator):
    note = leave_shift_note(moderator=moderator, text=WORDS)
    logged = ModerationAction.objects.get(action=ActionKind.SHIFT_NOTE)
    assert (logged.actor, logged.target_id) == (moderator, str(note.pk))
    assert WORDS not in json.dumps([logged.target_repr, logged.reason, logged.before, logged.after])


def test_a_lead_writing_a_note_is_not_told_about_their_own(moderator):
    writer, other = make_lead("SteadyOak"), make_lead("WiseElm")
    leave_shift_note(moderator=writer, text=WORDS)
    assert list(Notification.objects.values_list("recipient", flat=True)) == [other.pk]


def test_an_empty_note_is_asked_for_kindly(moderator_client):
    page = moderator_client.post("/moderation/shift-note/", {"text": ""}).content.decode()
    assert "Please write your note first." in page
    assert not ShiftNote.objects.exists()


def test_the_leads_read_the_notes_newest_first(moderator):
    leave_shift_note(moderator=moderator, text="The first note.")
    leave_shift_note(moderator=make_moderator("KindWren"), text="The second note.")
    page = signed_in(make_lead()).get("/moderation/escalated/").content.decode()
    assert page.index("The second note.") < page.index("The first note.")
    assert "KindWren" in page and moderator.username in page


@pytest.mark.parametrize("who", ["member", "moderator"])
def test_only_leads_read_the_notes(who, member, moderator):
    leave_shift_note(moderator=moderator, text=WORDS)
    reader = signed_in(member if who == "member" else make_moderator("KindWren"))
    assert reader.get("/moderation/escalated/").status_code == 403


def test_only_moderators_write_notes(member_client, client):
    assert member_client.get("/moderation/shift-note/").status_code == 403
    assert member_client.post("/moderation/shift-note/", {"text": WORDS}).status_code == 403
    assert not ShiftNote.objects.exists()


def test_visitors_are_asked_to_sign_in(client, db):
    assert client.get("/moderation/shift-note/")["Location"].startswith("/accounts/login/")


def test_an_admin_without_the_lead_role_sees_the_cases_but_not_the_notes(admin_client, moderator):
    leave_shift_note(moderator=moderator, text=WORDS)
    page = admin_client.get("/moderation/escalated/").content.decode()
    assert "Escalated and crisis cases" in page
    assert WORDS not in page and "End-of-shift notes" not in page


def test_a_moderator_who_leaves_keeps_their_note_without_their_name(moderator):
    leave_shift_note(moderator=moderator, text=WORDS)
    name = moderator.username
    delete_account(moderator, keep_posts=True)
    note = ShiftNote.objects.get()
    assert (note.author, note.text) == (None, WORDS)
    page = signed_in(make_lead()).get("/moderation/escalated/").content.decode()
    assert WORDS in page and "A former moderator" in page and name not in page


def test_the_writers_data_export_has_their_shifts_and_when_they_left_notes_not_the_words(
    moderator,
):
    start = timezone.now()
    Shift.objects.create(moderator=moderator, start=start, end=start + datetime.timedelta(hours=2))
    leave_shift_note(moderator=moderator, text=WORDS)
    exported = build_export(moderator)
    assert WORDS not in json.dumps(exported, default=str)
    assert len(exported["moderation_shifts"]) == 1
    assert len(exported["end_of_shift_notes_written_at"]) == 1


def test_the_leads_page_costs_the_same_however_many_notes(moderator):
    lead_client = signed_in(make_lead())

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert lead_client.get("/moderation/escalated/").status_code == 200
        return len(queries)

    leave_shift_note(moderator=moderator, text="One")
    count()  # the first view fills the caches
    with_one = count()
    for n in range(10):
        leave_shift_note(moderator=make_moderator(f"Helper{n}"), text=f"Note {n}")
    count()  # each note told the lead, so their cached count of unread notices refills
    assert count() == with_one
