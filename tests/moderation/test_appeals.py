"""A member may appeal a hide or a sanction once; a different moderator decides it."""

import pytest

from moderation.audit import record
from moderation.models import ActionKind, Appeal, Case, CaseReason, ModerationAction
from moderation.permissions import can_decide
from moderation.services import AppealRefused, appeal_decision, open_case
from tests.factories import UserFactory, make_thread
from tests.moderation.case_helpers import in_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def decider():
    return in_group("Moderators", username="FirstModerator")


@pytest.fixture
def post(member):
    return make_thread(author=member, title="My week").opening_post


def decide(post, decider, action=ActionKind.HIDE):
    """A decided case and its decision row, as the decision service leaves them."""
    case = open_case(post=post, reasons=[CaseReason.FLAGGED])
    Case.objects.filter(pk=case.pk).update(status="decided", decided_by=decider, decision=action)
    return record(
        actor=decider,
        action=action,
        target=post,
        case=case,
        member=post.author,
        reason="It named another member.",
    )


def url(decision):
    return f"/moderation/appeal/{decision.pk}/"


def test_the_member_appeals_a_hide_through_the_form(member_client, member, post, decider):
    decision = decide(post, decider)
    page = member_client.get(url(decision)).content.decode()
    assert "It named another member." in page
    assert "FirstModerator" not in page  # who decided stays with the moderators

    response = member_client.post(url(decision), {"text": "I changed the name, please look."})
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    assert (appeal.decision, appeal.member, appeal.text) == (
        decision,
        member,
        "I changed the name, please look.",
    )
    assert appeal.case.status == "open" and appeal.case.post == post
    assert CaseReason.APPEAL in appeal.case.reasons
    row = ModerationAction.objects.get(action=ActionKind.APPEAL)
    assert (row.actor, row.member, row.case) == (member, member, appeal.case)
    assert (
        "A different moderator is looking at it"
        in member_client.get(url(decision)).content.decode()
    )


def test_a_second_appeal_is_refused_kindly(member_client, member, post, decider):
    decision = decide(post, decider)
    member_client.post(url(decision), {"text": "Please look again."})
    response = member_client.post(url(decision), {"text": "And again?"})
    assert response.status_code == 200
    assert "You can ask once for each decision" in response.content.decode()
    assert Appeal.objects.count() == 1
    with pytest.raises(AppealRefused):
        appeal_decision(member=member, decision=decision, text="Once more")
    assert Appeal.objects.count() == 1


def test_a_sanction_is_appealed_on_the_original_cases_post(member, post, decider):
    case = open_case(post=post, reasons=[CaseReason.FLAGGED])
    Case.objects.filter(pk=case.pk).update(status="decided")
    suspension = record(
        actor=decider, action=ActionKind.SUSPEND, target=member, case=case, member=member
    )
    appeal = appeal_decision(member=member, decision=suspension, text="It was a mistake.")
    assert appeal.case.post == post
    assert appeal.case.pk != case.pk


def test_only_the_member_concerned_may_appeal(client, member, post, decider):
    decision = decide(post, decider)
    client.force_login(UserFactory())
    assert client.get(url(decision)).status_code == 404
    assert client.post(url(decision), {"text": "Not mine"}).status_code == 404
    client.logout()
    assert client.get(url(decision))["Location"].startswith("/accounts/login/")
    assert not Appeal.objects.exists()


def test_decisions_that_are_not_a_hide_or_sanction_cannot_be_appealed(member_client, post, decider):
    approval = decide(post, decider, action=ActionKind.APPROVE)
    assert member_client.get(url(approval)).status_code == 404


def test_the_original_decider_may_not_decide_the_appeal(member, post, decider):
    decision = decide(post, decider)
    appeal = appeal_decision(member=member, decision=decision, text="Please look again.")
    another = in_group("Moderators")
    assert can_decide(appeal.case, another)
    assert not can_decide(appeal.case, decider)
    assert not can_decide(appeal.case, member)  # not a moderator at all
