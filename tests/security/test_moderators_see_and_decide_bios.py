"""Moderators cannot act on what they cannot see: a bio, published or waiting, shows on
the moderators' member page, and a case about a profile is queued and decided like a
post's, every decision logged and nothing the member wrote lost."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.test import Client
from django.test.utils import CaptureQueriesContext

from forum.models import Notification
from moderation.models import ActionKind, Case, CaseReason, CaseStatus, Flag, ModerationAction
from moderation.services import DecisionRefused, decide_case, open_case, open_profile_case
from moderation.services import flags as flagging
from tests.factories import PASSWORD, UserFactory, make_thread
from tests.moderation.case_helpers import make_case, make_moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer():
    return UserFactory(username="BrightWillow", bio="I like drawing.")


@pytest.fixture
def moderator():
    return make_moderator()


@pytest.fixture
def moderator_client(moderator):
    client = Client()
    client.force_login(moderator)
    return client


@pytest.fixture
def waiting(writer, settings):
    """The writer, a new member, wrote a bio that waits for a moderator."""
    settings.PREMODERATION_FIRST_POSTS = 3
    client = Client()
    client.force_login(writer)
    client.post("/settings/", {"region": "uk", "bio": "Here to listen and be listened to."})
    return Case.objects.get(member=writer)


def test_the_member_page_shows_the_published_and_the_waiting_bio(moderator_client, waiting):
    page = moderator_client.get("/moderation/members/BrightWillow/").content.decode()
    assert "I like drawing." in page
    assert "Here to listen and be listened to." in page
    assert "waiting for a moderator" in page
    assert f'data-case-id="{waiting.pk}"' in page


def test_the_queue_and_the_case_page_show_a_profile_case(moderator_client, waiting):
    queue = moderator_client.get("/moderation/").content.decode()
    assert f'data-case-id="{waiting.pk}"' in queue
    assert "Here to listen and be listened to." in queue
    page = moderator_client.get(f"/moderation/cases/{waiting.pk}/").content.decode()
    assert "BrightWillow" in page
    assert "Here to listen and be listened to." in page
    assert "I like drawing." in page
    # Only the decisions a bio can take.
    assert 'value="approve"' in page and 'value="hide"' in page and 'value="warn"' in page
    assert 'value="lock"' not in page and 'value="move"' not in page


def test_approving_publishes_the_waiting_bio_and_is_logged(moderator_client, waiting, writer):
    response = moderator_client.post(
        f"/moderation/cases/{waiting.pk}/", {"action": "approve", "reason": ""}
    )
    assert response.status_code == 302
    writer.refresh_from_db()
    assert (writer.bio, writer.pending_bio) == ("Here to listen and be listened to.", "")
    waiting.refresh_from_db()
    assert (waiting.status, waiting.decision) == (CaseStatus.DECIDED, ActionKind.APPROVE)
    row = ModerationAction.objects.get(action=ActionKind.APPROVE)
    assert (row.case, row.member) == (waiting, writer)
    assert row.after["bio"] == "Here to listen and be listened to."
    assert Notification.objects.filter(recipient=writer, message__icontains="bio").exists()


def test_hiding_takes_the_bio_out_of_view_but_the_log_keeps_it(moderator_client, waiting, writer):
    moderator_client.post(
        f"/moderation/cases/{waiting.pk}/", {"action": "hide", "reason": "Please keep it kind."}
    )
    writer.refresh_from_db()
    assert (writer.bio, writer.pending_bio) == ("", "")
    reader = Client()
    reader.force_login(UserFactory())
    assert "I like drawing." not in reader.get("/members/BrightWillow/").content.decode()
    row = ModerationAction.objects.get(action=ActionKind.HIDE)
    assert row.before == {
        "bio": "I like drawing.",
        "pending_bio": "Here to listen and be listened to.",
    }
    assert row.after == {"bio": "", "pending_bio": ""}
    notice = Notification.objects.get(recipient=writer)
    assert "bio" in notice.message and "Please keep it kind." in notice.message


def test_a_member_can_appeal_a_hidden_bio(moderator, waiting, writer):
    decide_case(case=waiting, moderator=moderator, action=ActionKind.HIDE, reason="Not kind.")
    decision = ModerationAction.objects.get(action=ActionKind.HIDE)
    client = Client()
    client.force_login(writer)
    response = client.post(f"/moderation/appeal/{decision.pk}/", {"text": "It was a joke."})
    assert response.status_code == 302
    appeal_case = Case.objects.open().get(member=writer)
    assert appeal_case.reasons == [CaseReason.APPEAL]


def test_warning_the_member_from_a_profile_case(moderator, waiting, writer):
    decide_case(case=waiting, moderator=moderator, action=ActionKind.WARN, reason="Be kind.")
    assert writer.sanctions.get().kind == "warn"
    assert ModerationAction.objects.get(action=ActionKind.WARN).member == writer


def test_post_only_decisions_are_refused_on_a_profile_case(moderator, waiting, writer):
    with pytest.raises(DecisionRefused):
        decide_case(case=waiting, moderator=moderator, action=ActionKind.LOCK, reason="No.")
    waiting.refresh_from_db()
    assert waiting.is_open


def test_one_open_case_per_profile_and_a_case_is_about_a_post_or_a_profile(writer):
    first = open_profile_case(member=writer, reasons=[CaseReason.FLAGGED])
    assert open_profile_case(member=writer, reasons=[CaseReason.CONCERN_LANGUAGE]) == first
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(member=writer, priority=3, reasons=[CaseReason.FLAGGED])
    post = make_thread(author=writer).opening_post
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(post=post, member=writer, priority=3, reasons=[CaseReason.FLAGGED])
    assert open_case(post=post, reasons=[CaseReason.FLAGGED]).member is None


def test_the_queue_costs_the_same_queries_with_profile_cases(moderator_client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert moderator_client.get("/moderation/").status_code == 200
        return len(captured)

    make_case()
    open_profile_case(member=UserFactory(bio="One"), reasons=[CaseReason.FLAGGED])
    queries()  # the first view fills the caches
    few = queries()
    for n in range(5):
        open_profile_case(member=UserFactory(bio=f"Bio {n}"), reasons=[CaseReason.FLAGGED])
    assert queries() == few


def test_deleting_the_account_takes_the_bio_out_of_the_moderators_records(
    moderator_client, moderator, waiting, writer
):
    flagging.flag_profile(flagger=UserFactory(), member=writer, reason="spam", note="")
    decide_case(case=waiting, moderator=moderator, action=ActionKind.HIDE, reason="Not now.")
    client = Client()
    client.force_login(writer)
    client.post("/settings/", {"region": "uk", "bio": "I want to kill myself tonight"})
    crisis_case = Case.objects.open().get(member=writer)

    client.post("/settings/delete/", {"password": PASSWORD, "posts": "keep"})
    as_text = ModerationAction.objects.annotate(
        b=Cast("before", TextField()), a=Cast("after", TextField())
    )
    for words in ("I like drawing", "Here to listen", "kill myself"):
        assert not as_text.filter(Q(b__icontains=words) | Q(a__icontains=words)).exists()
    crisis_case.refresh_from_db()
    assert (crisis_case.status, crisis_case.member) == (CaseStatus.DECIDED, None)
    assert "kill myself" not in str(crisis_case.findings)
    assert not Flag.objects.open().exists()
    page = moderator_client.get(f"/moderation/cases/{crisis_case.pk}/").content.decode()
    assert "kill myself" not in page
    assert "BrightWillow" not in page
