"""After several distressing cases decided in a row, the moderator's next page gently
suggests a break: once, never as pressure, and not after a calmer case or time away."""

import datetime
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from moderation.breaks import hard_cases_in_a_row
from moderation.models import CaseReason
from tests.moderation.case_helpers import make_case, make_moderator

pytestmark = pytest.mark.django_db

PROMPT = "A moment for you"


@pytest.fixture(autouse=True)
def _every_three(settings):
    settings.MODERATION_BREAK_AFTER = 3


def hard_case():
    return make_case(reasons=[CaseReason.CONCERN_LANGUAGE])


def calm_case():
    return make_case(reasons=[CaseReason.PREMODERATION])


def decide(client, case):
    """Decide as a moderator does: the form, then the page it leads to."""
    return client.post(
        f"/moderation/cases/{case.pk}/", {"action": "approve", "reason": "Fine"}, follow=True
    ).content.decode()


def test_after_n_hard_cases_the_next_page_suggests_a_break(moderator_client):
    first, second, third = hard_case(), hard_case(), hard_case()
    assert PROMPT not in decide(moderator_client, first)
    assert PROMPT not in decide(moderator_client, second)
    page = decide(moderator_client, third)
    assert PROMPT in page
    assert "take five minutes away from the screen" in page
    assert 'href="/moderation/shift-note/"' in page


def test_the_prompt_shows_once_and_can_be_hidden(moderator_client):
    for case in [hard_case() for _ in range(3)]:
        page = decide(moderator_client, case)
    assert PROMPT in page
    assert 'href="/moderation/">Hide this message' in page
    assert PROMPT not in moderator_client.get("/moderation/").content.decode()


def test_it_comes_again_only_after_as_many_hard_cases_more(moderator_client):
    shown = [PROMPT in decide(moderator_client, hard_case()) for _ in range(7)]
    assert shown == [False, False, True, False, False, True, False]


def test_a_calmer_case_starts_the_count_again(moderator_client):
    decide(moderator_client, hard_case())
    decide(moderator_client, hard_case())
    decide(moderator_client, calm_case())
    assert PROMPT not in decide(moderator_client, hard_case())
    decide(moderator_client, hard_case())
    assert PROMPT in decide(moderator_client, hard_case())


def test_half_an_hour_away_starts_the_count_again(moderator_client):
    decide(moderator_client, hard_case())
    decide(moderator_client, hard_case())
    later = timezone.now() + datetime.timedelta(minutes=31)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert PROMPT not in decide(moderator_client, hard_case())


def test_crisis_cases_and_escalations_count(moderator_client):
    decide(moderator_client, make_case(reasons=[CaseReason.CRISIS_LANGUAGE]))
    decide(moderator_client, hard_case())
    page = moderator_client.post(
        f"/moderation/cases/{hard_case().pk}/",
        {"action": "escalate", "reason": "For the leads"},
        follow=True,
    ).content.decode()
    assert PROMPT in page


def test_a_flag_alone_is_not_a_hard_case(moderator_client):
    decide(moderator_client, hard_case())
    decide(moderator_client, hard_case())
    assert PROMPT not in decide(moderator_client, make_case(reasons=[CaseReason.FLAGGED]))


def test_nought_turns_the_prompt_off(moderator_client, settings):
    settings.MODERATION_BREAK_AFTER = 0
    assert not any(PROMPT in decide(moderator_client, hard_case()) for _ in range(4))


def test_the_run_counts_only_this_moderators_decisions(moderator_client, moderator):
    other = Client()
    other.force_login(make_moderator("KindWren"))
    for _ in range(3):
        decide(other, hard_case())
    assert hard_cases_in_a_row(moderator) == 0
    decide(moderator_client, hard_case())
    assert hard_cases_in_a_row(moderator) == 1
