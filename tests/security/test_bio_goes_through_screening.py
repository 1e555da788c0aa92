"""A bio is read by every member, so it cannot be a way round the screening: it takes the
posts' path (blocked words and personal data refused, crisis held with help shown, new
members' bios held for a moderator) and cannot be changed while posting is suspended."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from moderation.models import Case, CaseReason, Priority
from tests.factories import UserFactory
from tests.test_wording import assert_kind

pytestmark = pytest.mark.django_db

PHONE = "07700 900123"
SNAP = "@lily.rose2010"
SCHOOL = "Oakwood Academy"


@pytest.fixture
def writer():
    return UserFactory(username="BrightWillow", bio="I like drawing.")


@pytest.fixture
def writer_client(writer):
    client = Client()
    client.force_login(writer)
    return client


@pytest.fixture
def reader_client():
    client = Client()
    client.force_login(UserFactory(username="KindReader"))
    return client


def save_bio(client, bio, **extra):
    return client.post("/settings/", {"region": "uk", "bio": bio, **extra})


def profile(client):
    return client.get("/members/BrightWillow/").content.decode()


def test_an_ordinary_bio_shows_at_once_with_no_case(writer_client, reader_client, writer):
    response = save_bio(writer_client, "I like drawing and long walks.")
    assert response.status_code == 302
    assert "I like drawing and long walks." in profile(reader_client)
    assert not Case.objects.exists()


def test_telling_others_to_harm_themselves_is_refused_kindly(writer_client, writer):
    response = save_bio(writer_client, "Go and kill yourself")
    assert_kind(response, 200, "Please never tell anyone to hurt themselves.")
    writer.refresh_from_db()
    assert (writer.bio, writer.pending_bio) == ("I like drawing.", "")
    assert not Case.objects.exists()


def test_personal_data_is_refused_naming_what_looks_personal(writer_client, writer):
    bio = f"Text me on {PHONE}, my snap is {SNAP} and I go to {SCHOOL}."
    response = save_bio(writer_client, bio)
    assert_kind(response, 200, "could help someone find you")
    page = response.content.decode()
    for kind, words in [("phone number", PHONE), ("social media handle", SNAP)]:
        assert kind in page and words in page
    assert "school name" in page and SCHOOL in page
    # Their words stay in the box, ready to change.
    assert PHONE in page.split('name="bio"', 1)[1]
    writer.refresh_from_db()
    assert (writer.bio, writer.pending_bio) == ("I like drawing.", "")
    assert not Case.objects.exists()


def test_crisis_words_are_held_the_writer_sees_help_and_a_crisis_case_opens(
    writer_client, reader_client, writer
):
    response = save_bio(writer_client, "I want to kill myself tonight")
    assert response.status_code == 302
    page = writer_client.get(response["Location"]).content.decode()
    assert 'id="crisis-panel"' in page
    assert "Thank you for telling us" in page
    assert 'href="tel:116123"' in page

    writer.refresh_from_db()
    assert (writer.bio, writer.pending_bio) == ("I like drawing.", "I want to kill myself tonight")
    assert "kill myself" not in profile(reader_client)
    case = Case.objects.get()
    assert (case.member, case.post, case.priority) == (writer, None, Priority.CRISIS)
    assert case.reasons == [CaseReason.CRISIS_LANGUAGE]
    assert any(finding["level"] == "crisis" for finding in case.findings)


def test_crisis_words_with_personal_data_are_still_held_with_help_never_refused(
    writer_client, writer
):
    response = save_bio(writer_client, f"I want to kill myself tonight. Ring me on {PHONE}")
    assert response.status_code == 302
    assert 'id="crisis-panel"' in writer_client.get(response["Location"]).content.decode()
    case = Case.objects.get(member=writer)
    assert case.priority == Priority.CRISIS
    assert CaseReason.PERSONAL_DATA in case.reasons


def test_concern_words_show_with_a_case_for_a_moderator(writer_client, reader_client, writer):
    save_bio(writer_client, "Recovering from self harm, one day at a time.")
    assert "Recovering from self harm" in profile(reader_client)
    case = Case.objects.get(member=writer)
    assert (case.priority, case.reasons) == (Priority.HIGH, [CaseReason.CONCERN_LANGUAGE])


def test_a_new_members_bio_waits_for_a_moderator(writer_client, reader_client, writer, settings):
    settings.PREMODERATION_FIRST_POSTS = 3
    response = save_bio(writer_client, "Here to listen and be listened to.")
    assert response.status_code == 302
    writer.refresh_from_db()
    assert (writer.bio, writer.pending_bio) == (
        "I like drawing.",
        "Here to listen and be listened to.",
    )
    assert "Here to listen" not in profile(reader_client)
    assert "I like drawing." in profile(reader_client)
    # The writer sees theirs, marked as waiting.
    own = writer_client.get("/members/BrightWillow/").content.decode()
    assert "Here to listen and be listened to." in own
    assert "waiting for a moderator" in own
    assert "waiting for a moderator" in writer_client.get("/settings/").content.decode()
    case = Case.objects.get(member=writer)
    assert (case.priority, case.reasons) == (Priority.MEDIUM, [CaseReason.PREMODERATION])


def test_changing_a_waiting_bio_adds_to_the_one_open_case(writer_client, writer, settings):
    settings.PREMODERATION_FIRST_POSTS = 3
    save_bio(writer_client, "Here to listen.")
    save_bio(writer_client, "I want to kill myself tonight")
    case = Case.objects.get(member=writer)
    assert case.priority == Priority.CRISIS
    assert case.reasons == [CaseReason.PREMODERATION, CaseReason.CRISIS_LANGUAGE]


def test_a_suspended_member_cannot_change_their_bio(writer_client, writer):
    writer.posting_suspended_until = timezone.now() + datetime.timedelta(days=3)
    writer.save(update_fields=["posting_suspended_until"])
    response = save_bio(writer_client, "Something new")
    assert_kind(response, 200, "you cannot change your bio")
    writer.refresh_from_db()
    assert (writer.bio, writer.pending_bio) == ("I like drawing.", "")


def test_a_suspended_member_can_still_save_other_preferences_and_remove_their_bio(
    writer_client, writer
):
    writer.posting_suspended_until = timezone.now() + datetime.timedelta(days=3)
    writer.save(update_fields=["posting_suspended_until"])
    assert save_bio(writer_client, "I like drawing.", quiet_mode="on").status_code == 302
    writer.refresh_from_db()
    assert writer.quiet_mode
    assert save_bio(writer_client, "").status_code == 302
    writer.refresh_from_db()
    assert writer.bio == ""


def test_the_bio_service_refuses_a_banned_member(writer):
    from moderation.pipeline import OutcomeKind
    from moderation.services import submit_bio

    writer.is_active = False
    writer.save(update_fields=["is_active"])
    outcome = submit_bio(member=writer, bio="Back again")
    assert outcome.kind == OutcomeKind.REFUSED
    writer.refresh_from_db()
    assert writer.bio == "I like drawing."
