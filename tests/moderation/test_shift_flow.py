"""A shift that flows: after a decision the moderator goes on to the next case they may
decide, the decision form shows only what the chosen decision needs, and problems are
summed up at the top of the form."""

import datetime

import pytest
from django.utils import timezone

from moderation.decisions import claim_case

from .case_helpers import make_case, make_moderator

pytestmark = pytest.mark.django_db


def url(case):
    return f"/moderation/cases/{case.pk}/"


def test_after_a_decision_the_next_open_case_follows(moderator_client):
    first = make_case(held=True, opened_at=timezone.now() - datetime.timedelta(hours=3))
    second = make_case(held=True, opened_at=timezone.now() - datetime.timedelta(hours=2))
    response = moderator_client.post(url(first), {"action": "approve", "reason": ""})
    assert response.status_code == 302 and response["Location"] == url(second)
    page = moderator_client.get(response["Location"]).content.decode()
    assert "Your decision is saved" in page
    assert 'href="/moderation/"' in page and "Back to the queue" in page


def test_the_next_case_skips_cases_others_hold_and_cases_about_oneself(moderator_client, moderator):
    hour = datetime.timedelta(hours=1)
    now = timezone.now()
    first = make_case(held=True, opened_at=now - 5 * hour)
    held_by_other = make_case(held=True, opened_at=now - 4 * hour)
    claim_case(case=held_by_other, moderator=make_moderator("KindWren"))
    make_case(held=True, opened_at=now - 3 * hour, author=moderator)
    expired = make_case(held=True, opened_at=now - 2 * hour)
    claim_case(case=expired, moderator=make_moderator("QuietLark"))
    expired.claimed_until = now - datetime.timedelta(seconds=1)
    expired.save(update_fields=["claimed_until"])

    response = moderator_client.post(url(first), {"action": "approve", "reason": ""})
    assert response["Location"] == url(expired)


def test_with_no_case_left_the_moderator_goes_back_to_the_queue(moderator_client):
    case = make_case(held=True)
    response = moderator_client.post(url(case), {"action": "approve", "reason": ""})
    assert response["Location"] == "/moderation/"
