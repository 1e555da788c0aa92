"""A link (a prefetch, a crawler, a click on the wrong case) must not change anything.
Reading a moderation page is a GET that changes nothing; a case is claimed only by a
POST: the "Take this case" button, or the first decision."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from forum.models import PostStatus
from moderation.models import ActionKind, ModerationAction
from moderation.services import CLAIM_LENGTH
from tests.moderation.case_helpers import make_case, make_lead, make_moderator
from tests.security.walker import routes_under, snapshot, url_for

pytestmark = pytest.mark.django_db


def url(case):
    return f"/moderation/cases/{case.pk}/"


def take(case):
    return f"/moderation/cases/{case.pk}/take/"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_opening_a_case_neither_claims_it_nor_logs_anything(moderator_client):
    case = make_case()
    before = snapshot()
    page = moderator_client.get(url(case)).content.decode()
    assert snapshot() == before
    case.refresh_from_db()
    assert (case.claimed_by, case.claimed_until) == (None, None)
    assert "Nobody is working on this case." in page
    assert f'action="{take(case)}"' in page
    assert "Take this case" in page


def test_every_moderation_page_read_by_a_lead_and_admin_changes_nothing(world):
    lead = make_lead(is_staff=True, is_superuser=True)
    client = signed_in(lead)
    before = snapshot()
    for route in routes_under("moderation/"):
        client.get(url_for(route, world))
    assert snapshot() == before


def test_taking_a_case_claims_it_for_15_minutes_with_one_audit_row(moderator_client, moderator):
    case = make_case()
    response = moderator_client.post(take(case), follow=True)
    assert response.redirect_chain == [(url(case), 302)]
    assert "You are working on this case" in response.content.decode()
    case.refresh_from_db()
    assert case.claimed_by == moderator
    left = case.claimed_until - timezone.now()
    assert CLAIM_LENGTH - datetime.timedelta(minutes=1) < left <= CLAIM_LENGTH
    claims = ModerationAction.objects.filter(case=case, action=ActionKind.CLAIM)
    assert list(claims.values_list("actor", flat=True)) == [moderator.pk]

    # Taking it again renews the claim, still with one row.
    page = moderator_client.post(take(case), follow=True).content.decode()
    assert "Keep this case for 15 more minutes" in page
    assert claims.count() == 1


def test_a_case_someone_holds_cannot_be_taken_until_the_claim_expires(moderator_client, moderator):
    case = make_case(held=True)
    moderator_client.post(take(case))
    other = signed_in(make_moderator("KindWren"))
    page = other.get(url(case)).content.decode()
    assert "CalmHeron is working on this case" in page
    assert f'action="{take(case)}"' not in page

    response = other.post(take(case), follow=True)
    assert "CalmHeron is working on this case" in response.content.decode()
    assert "nothing was changed" in response.content.decode()
    case.refresh_from_db()
    assert case.claimed_by == moderator

    case.claimed_until = timezone.now() - datetime.timedelta(seconds=1)
    case.save(update_fields=["claimed_until"])
    other.post(take(case))
    case.refresh_from_db()
    assert case.claimed_by.username == "KindWren"


def test_a_decided_case_cannot_be_taken(moderator_client):
    case = make_case(held=True)
    moderator_client.post(url(case), {"action": "approve", "reason": ""})
    other = signed_in(make_moderator("KindWren"))
    response = other.post(take(case), follow=True)
    assert "already decided" in response.content.decode()
    case.refresh_from_db()
    assert case.claimed_by.username == "CalmHeron"


def test_taking_is_a_post_a_get_changes_nothing(moderator_client):
    case = make_case()
    assert moderator_client.get(take(case)).status_code == 405
    case.refresh_from_db()
    assert case.claimed_by is None


def test_members_cannot_take_a_case(member_client):
    case = make_case()
    assert member_client.post(take(case)).status_code == 403
    case.refresh_from_db()
    assert case.claimed_by is None


def test_deciding_an_unclaimed_case_still_claims_it_in_the_same_step(moderator_client, moderator):
    case = make_case(held=True)
    moderator_client.get(url(case))
    response = moderator_client.post(url(case), {"action": "hide", "reason": "Unkind words"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.decided_by, case.claimed_by) == ("decided", moderator, moderator)
    assert case.post.status == PostStatus.HIDDEN
