"""A volunteer moderator must not lock out an admin, a lead or another moderator by
flagging their post and deciding the case with a ban. Warning, suspending and banning
reach only someone of lower rank (member < moderator < safeguarding lead < admin): the
case page does not offer the rest, and a decision posted anyway is refused, explained,
changes nothing and is written to the audit log."""

import pytest
from django.test import Client

from forum.models import PostStatus
from moderation.models import ActionKind, ModerationAction, Sanction
from tests.factories import UserFactory, with_two_step_sign_in
from tests.moderation.case_helpers import make_case, make_lead, make_moderator
from tests.test_wording import assert_kind, visible_text

pytestmark = pytest.mark.django_db

PEOPLE = {
    "member": lambda name: UserFactory(username=name),
    "moderator": make_moderator,
    "safeguarding lead": make_lead,
    "admin": lambda name: UserFactory(username=name, is_staff=True, is_superuser=True),
    "admin who moderates": lambda name: make_moderator(name, is_staff=True, is_superuser=True),
}
# (who decides, whose post it is): the decider may not sanction the writer.
OUT_OF_REACH = [
    ("moderator", "moderator"),
    ("moderator", "safeguarding lead"),
    ("moderator", "admin"),
    ("safeguarding lead", "safeguarding lead"),
    ("safeguarding lead", "admin"),
    ("admin who moderates", "admin"),
]
WITHIN_REACH = [
    ("moderator", "member"),
    ("safeguarding lead", "member"),
    ("safeguarding lead", "moderator"),
    ("admin who moderates", "moderator"),
    ("admin who moderates", "safeguarding lead"),
]
SANCTIONS = {
    "warn": {"reason": "Please be gentle"},
    "suspend": {"reason": "A pause", "days": "3"},
    "ban": {"reason": "Trying to lock them out"},
}


def url(case):
    return f"/moderation/cases/{case.pk}/"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def case_between(decider, writer):
    """A case about a post by a `writer`, and a client signed in as a `decider`."""
    case = make_case(author=PEOPLE[writer]("WriterTern"))
    return case, signed_in(PEOPLE[decider]("DeciderDove"))


@pytest.mark.parametrize("action", SANCTIONS)
@pytest.mark.parametrize(("decider", "writer"), OUT_OF_REACH)
def test_a_sanction_out_of_reach_is_refused_explained_and_logged(decider, writer, action):
    case, client = case_between(decider, writer)
    response = client.post(url(case), {"action": action, **SANCTIONS[action]}, follow=True)

    assert_kind(response, 200, "can warn, suspend or ban them")
    assert "Nothing was changed." in visible_text(response)
    target = case.post.author
    target.refresh_from_db()
    assert target.is_active and target.posting_suspended_until is None
    assert not Sanction.objects.filter(member=target).exists()
    case.refresh_from_db()
    assert case.status == "open"
    refused = ModerationAction.objects.get(action=ActionKind.REFUSED)
    assert (refused.actor.username, refused.case, refused.member, refused.after) == (
        "DeciderDove",
        case,
        target,
        {"action": action},
    )
    assert refused.reason in visible_text(response)
    assert not ModerationAction.objects.filter(action=action).exists()


@pytest.mark.parametrize(("decider", "writer"), OUT_OF_REACH)
def test_the_case_page_does_not_offer_a_sanction_out_of_reach_and_says_why(decider, writer):
    case, client = case_between(decider, writer)
    response = client.get(url(case))
    assert_kind(response, 200, "can warn, suspend or ban them")
    page = response.content.decode()
    for action in SANCTIONS:
        assert f'value="{action}"' not in page
    assert 'value="hide"' in page and 'value="escalate"' in page


@pytest.mark.parametrize(("decider", "writer"), WITHIN_REACH)
def test_someone_of_lower_rank_can_still_be_banned(decider, writer):
    case, client = case_between(decider, writer)
    assert 'value="ban"' in client.get(url(case)).content.decode()
    response = client.post(url(case), {"action": "ban", "reason": "Cruelty to members"})
    assert response.status_code == 302
    target = case.post.author
    target.refresh_from_db()
    assert not target.is_active
    assert not ModerationAction.objects.filter(action=ActionKind.REFUSED).exists()


@pytest.mark.parametrize("writer", ["moderator", "safeguarding lead", "admin"])
def test_a_moderator_still_decides_what_happens_to_the_post(writer):
    case, client = case_between("moderator", writer)
    response = client.post(url(case), {"action": "hide", "reason": "It names a school"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.post.status) == ("decided", PostStatus.HIDDEN)


def test_an_admin_who_has_not_set_up_two_step_sign_in_is_still_out_of_reach(settings):
    settings.REQUIRE_MFA_FOR_STAFF = True
    case = make_case(author=PEOPLE["admin"]("WriterTern"))
    client = signed_in(with_two_step_sign_in(make_moderator("DeciderDove")))
    client.post(url(case), {"action": "ban", "reason": "Trying to lock them out"})
    target = case.post.author
    target.refresh_from_db()
    assert target.is_active
    assert ModerationAction.objects.filter(action=ActionKind.REFUSED).count() == 1
