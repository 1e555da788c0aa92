"""Moderators keep append-only notes about a member on the member's moderation page."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from moderation.models import ActionKind, ModerationAction, Sanction, SanctionKind, StaffNote
from moderation.services import add_staff_note, open_case
from tests.factories import UserFactory, make_thread
from tests.moderation.case_helpers import in_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    return in_group("Moderators", username="SteadyHeron")


@pytest.fixture
def person():
    return UserFactory(username="BraveFinch")


URL = "/moderation/members/BraveFinch/"


def test_only_moderators_see_a_members_page(client, person, moderator):
    assert client.get(URL)["Location"].startswith("/accounts/login/")
    client.force_login(UserFactory())
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"text": "sneaky"}).status_code == 403
    assert not StaffNote.objects.exists()
    client.force_login(moderator)
    assert client.get(URL).status_code == 200
    assert client.get("/moderation/members/NoSuchPerson/").status_code == 404


def test_the_page_shows_cases_sanctions_and_notes(client, person, moderator):
    case = open_case(
        post=make_thread(author=person, title="Tough day").opening_post, reasons=["flagged"]
    )
    Sanction.objects.create(member=person, kind=SanctionKind.WARN, reason="Unkind replies")
    add_staff_note(author=moderator, member=person, text="Seems to be struggling at school.")
    client.force_login(moderator)
    page = client.get(URL).content.decode()
    assert f'data-case-id="{case.pk}"' in page
    assert "Tough day" in page
    assert "Warning" in page and "Unkind replies" in page
    assert "Seems to be struggling at school." in page


def test_a_moderator_adds_a_note_through_the_form(client, person, moderator):
    client.force_login(moderator)
    response = client.post(URL, {"text": "Asked for a check-in next week."})
    assert response.status_code == 302
    assert response["Location"] == URL
    note = StaffNote.objects.get()
    assert (note.member, note.author, note.text) == (
        person,
        moderator,
        "Asked for a check-in next week.",
    )
    assert "Asked for a check-in next week." in client.get(URL).content.decode()


def test_an_empty_note_is_asked_for_again(client, person, moderator):
    client.force_login(moderator)
    response = client.post(URL, {"text": ""})
    assert response.status_code == 200
    assert "Please write the note first." in response.content.decode()
    assert not StaffNote.objects.exists()


def test_adding_a_note_writes_one_audit_row(person, moderator):
    note = add_staff_note(author=moderator, member=person, text="Kind and helpful to others.")
    row = ModerationAction.objects.get()
    assert (row.action, row.actor, row.member) == (ActionKind.STAFF_NOTE, moderator, person)
    assert row.target_id == str(note.pk)


def test_notes_cannot_be_changed(person, moderator):
    note = add_staff_note(author=moderator, member=person, text="First words.")
    with pytest.raises(DatabaseError), transaction.atomic():
        StaffNote.objects.filter(pk=note.pk).update(text="Other words.")
    note.refresh_from_db()
    assert note.text == "First words."


def test_the_members_page_query_count_does_not_grow(client, person, moderator):
    client.force_login(moderator)

    def add(n):
        for _ in range(n):
            open_case(post=make_thread(author=person).opening_post, reasons=["flagged"])
            Sanction.objects.create(
                member=person, kind=SanctionKind.WARN, reason="r", created_by=moderator
            )
            add_staff_note(author=moderator, member=person, text="note")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    add(2)
    count()
    few = count()
    add(18)
    assert count() == few
