"""A moderator must not judge their own cause: approve their own held post, bury a flag
about it, or decide their own appeal. Nobody decides or takes a case about their own
post, account or appeal, nor an appeal of their own decision; the case page says so, a
decision posted anyway is refused and logged, and the queue marks such cases."""

import pytest
from django.test import Client

from forum.models import PostStatus
from moderation.models import ActionKind, Appeal, FlagReason, ModerationAction
from moderation.services import appeal_decision, flag_post
from tests.factories import UserFactory
from tests.moderation.case_helpers import make_case, make_lead, make_moderator
from tests.test_wording import assert_kind, visible_text

pytestmark = pytest.mark.django_db

ABOUT_THEIR_POST = "This case is about your own post"
THEIR_DECISION = "You made the decision this appeal is about"


def url(case):
    return f"/moderation/cases/{case.pk}/"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def refused_row():
    return ModerationAction.objects.filter(action=ActionKind.REFUSED).latest("pk")


def assert_refused_and_logged(response, case, who, action, explanation):
    assert_kind(response, 200, explanation)
    assert "Nothing was changed." in visible_text(response)
    case.refresh_from_db()
    assert case.is_open and case.claimant() in (None, case.claimed_by)
    refused = refused_row()
    assert (refused.actor, refused.case, refused.after["action"]) == (who, case, action)
    assert explanation in refused.reason


@pytest.mark.parametrize("action", ["approve", "hide", "escalate", "ban"])
def test_a_moderator_cannot_decide_a_case_about_their_own_post(moderator_client, moderator, action):
    case = make_case(author=moderator, held=True)
    response = moderator_client.post(url(case), {"action": action, "reason": "Mine"}, follow=True)
    assert_refused_and_logged(response, case, moderator, action, ABOUT_THEIR_POST)
    case.refresh_from_db()
    assert case.post.status == PostStatus.HELD
    assert not case.is_escalated
    assert moderator.is_active


def test_the_case_page_offers_no_decision_and_no_claim_on_their_own_post(
    moderator_client, moderator
):
    case = make_case(author=moderator)
    flag_post(
        flagger=UserFactory(username="WatchfulOwl"),
        post=case.post,
        reason=FlagReason.OTHER,
        note="",
    )
    response = moderator_client.get(url(case))
    assert_kind(response, 200, ABOUT_THEIR_POST)
    page = response.content.decode()
    assert 'class="decision-form"' not in page
    assert "Take this case" not in page
    # The writer never learns who flagged: a moderator writing is no exception.
    assert "WatchfulOwl" not in page


def test_a_moderator_cannot_take_a_case_about_their_own_post(moderator_client, moderator):
    case = make_case(author=moderator)
    response = moderator_client.post(f"{url(case)}take/", follow=True)
    assert_refused_and_logged(response, case, moderator, "claim", ABOUT_THEIR_POST)
    case.refresh_from_db()
    assert case.claimed_by is None


def test_a_lead_cannot_give_a_case_to_the_moderator_it_is_about(moderator):
    case = make_case(author=moderator)
    lead = make_lead()
    response = signed_in(lead).post(
        f"{url(case)}reassign/", {"username": moderator.username}, follow=True
    )
    explanation = "This case is about that moderator's own post"
    assert_refused_and_logged(response, case, lead, "reassign", explanation)
    assert refused_row().after == {"action": "reassign", "claimed_by": "CalmHeron"}
    case.refresh_from_db()
    assert case.claimed_by is None


def test_a_lead_cannot_decide_about_their_own_post_either():
    lead = make_lead()
    case = make_case(author=lead)
    response = signed_in(lead).post(url(case), {"action": "approve", "reason": ""}, follow=True)
    assert_refused_and_logged(response, case, lead, "approve", ABOUT_THEIR_POST)


def test_another_moderator_decides_it(moderator):
    case = make_case(author=moderator, held=True)
    client = signed_in(make_moderator("KindWren"))
    assert 'class="decision-form"' in client.get(url(case)).content.decode()
    assert client.post(url(case), {"action": "approve", "reason": ""}).status_code == 302
    case.refresh_from_db()
    assert case.post.status == PostStatus.PUBLISHED


@pytest.fixture
def appeal(moderator):
    """KindWren hid a post of CalmHeron's; CalmHeron, a moderator too, appeals."""
    decider = make_moderator("KindWren")
    case = make_case(author=moderator)
    signed_in(decider).post(url(case), {"action": "hide", "reason": "It names a school"})
    decision = ModerationAction.objects.get(action=ActionKind.HIDE)
    return appeal_decision(member=moderator, decision=decision, text="I took the name out.")


def test_a_moderator_cannot_decide_their_own_appeal(moderator_client, moderator, appeal):
    page = moderator_client.get(url(appeal.case))
    assert_kind(page, 200, ABOUT_THEIR_POST)
    assert 'class="decision-form"' not in page.content.decode()
    response = moderator_client.post(
        url(appeal.case), {"action": "approve", "reason": ""}, follow=True
    )
    assert_refused_and_logged(response, appeal.case, moderator, "approve", ABOUT_THEIR_POST)
    assert appeal.case.post.status == PostStatus.HIDDEN


def test_whoever_made_the_appealed_decision_cannot_decide_the_appeal(appeal):
    decider = appeal.decision.actor
    client = signed_in(decider)
    page = client.get(url(appeal.case))
    assert_kind(page, 200, THEIR_DECISION)
    assert 'class="decision-form"' not in page.content.decode()
    response = client.post(url(appeal.case), {"action": "approve", "reason": ""}, follow=True)
    assert_refused_and_logged(response, appeal.case, decider, "approve", THEIR_DECISION)

    third = signed_in(make_moderator("SteadyFern"))
    assert third.post(url(appeal.case), {"action": "approve", "reason": ""}).status_code == 302
    appeal.case.refresh_from_db()
    assert appeal.case.post.status == PostStatus.PUBLISHED
    assert Appeal.objects.get().case.status == "decided"


def test_the_queue_still_shows_such_a_case_marked_as_about_them(moderator_client, moderator):
    own = make_case(author=moderator)
    other = make_case()
    page = moderator_client.get("/moderation/").content.decode()
    assert f'data-case-id="{own.pk}"' in page and f'data-case-id="{other.pk}"' in page
    entries = page.split("data-case-id=")
    mine = next(entry for entry in entries if entry.startswith(f'"{own.pk}"'))
    theirs = next(entry for entry in entries if entry.startswith(f'"{other.pk}"'))
    assert "about you" in mine and "about you" not in theirs
