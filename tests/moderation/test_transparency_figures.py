"""The transparency page's figures for a month: cases by reason, how soon moderators
first looked and decided, crisis cases looked at within ten minutes, appeals and what
came of them, with small numbers never shown."""

import pytest
from django.core.cache import cache

from forum.models import ContentWarning
from moderation.models import CaseReason
from moderation.services import decide_case, delete_post, open_case
from tests.moderation.case_helpers import make_moderator
from tests.moderation.transparency_helpers import (
    MINUTE,
    appeal_at,
    at,
    case_at,
    claim_at,
    decide_at,
    figures_of,
    last_month,
    moment,
)

pytestmark = pytest.mark.django_db

CRISIS = [CaseReason.CRISIS_LANGUAGE]
CRISIS_AND_FLAGGED = [CaseReason.CRISIS_LANGUAGE, CaseReason.FLAGGED]


@pytest.fixture
def month(moderator):
    """Last month: seven crisis cases (two also flagged), five looked at in five minutes
    and two in thirty, all hidden an hour after opening; five first posts approved
    after two hours; one case about personal details nobody has looked at yet."""
    month = last_month()
    for day in range(1, 8):
        opened = moment(month, day)
        case = case_at(opened, CRISIS_AND_FLAGGED if day <= 2 else CRISIS)
        claim_at(opened + (5 if day <= 5 else 30) * MINUTE, case, moderator)
        decide_at(opened + 60 * MINUTE, case, moderator, action="hide")
    for day in range(10, 15):
        opened = moment(month, day)
        case = case_at(opened, [CaseReason.PREMODERATION])
        decide_at(opened + 120 * MINUTE, case, moderator)
    case_at(moment(month, 20), [CaseReason.PERSONAL_DATA])
    return month


def page_figures(client, month):
    response = client.get("/transparency/")
    assert response.status_code == 200
    return figures_of(response.content.decode(), month)


def test_a_months_figures_are_right(client, month, settings):
    settings.TRANSPARENCY_SMALLEST_SHOWN = 1  # every number shown, to check each one
    figures = page_figures(client, month)
    assert figures["Cases opened"] == "13"
    assert figures["Someone may be in danger"] == "7"
    assert figures["Members raised a worry"] == "2"  # a case counted once per reason
    assert figures["First posts of new members"] == "5"
    assert figures["Personal details"] == "1"
    assert figures["Asked to look again"] == "0"
    # First looks: 5 minutes (x5), 30 (x2), 120 (x5): the middle of twelve is 30.
    assert figures["Time until a moderator first looked"] == "30 minutes"
    assert figures["Cases decided"] == "12"
    # Decisions: 60 minutes (x7), 120 (x5).
    assert figures["Time until a decision"] == "1 hour"
    assert figures["Someone in danger, looked at within 10 minutes"] == "5 of 7 (71%)"
    assert figures["Appeals"] == "0"


def test_small_numbers_are_not_shown(client, month):
    figures = page_figures(client, month)
    assert figures["Cases opened"] == "13"
    assert figures["Someone may be in danger"] == "7"
    assert figures["Members raised a worry"] == "fewer than 5"
    assert figures["Personal details"] == "fewer than 5"
    assert figures["Asked to look again"] == "0"  # nothing to hide about none
    assert figures["Someone in danger, looked at within 10 minutes"] == "5 of 7 (71%)"


def test_medians_and_shares_of_too_few_cases_are_not_shown(client, month, settings):
    settings.TRANSPARENCY_SMALLEST_SHOWN = 8
    figures = page_figures(client, month)
    assert figures["Time until a moderator first looked"] == "30 minutes"  # of 12
    assert figures["Someone in danger, looked at within 10 minutes"] == "too few to say"
    assert figures["Members raised a worry"] == "fewer than 8"
    settings.TRANSPARENCY_SMALLEST_SHOWN = 13
    cache.clear()  # the day's figures were kept with the other setting
    figures = page_figures(client, month)
    assert figures["Time until a moderator first looked"] == "too few to say"
    assert figures["Time until a decision"] == "too few to say"
    assert figures["Cases decided"] == "fewer than 13"
    assert figures["Cases opened"] == "13"


def test_a_crisis_share_hides_a_small_count_of_quick_looks(client, moderator, settings):
    month = last_month()
    for day in range(1, 6):
        opened = moment(month, day)
        case = case_at(opened, CRISIS)
        claim_at(opened + (3 if day == 1 else 45) * MINUTE, case, moderator)
    figures = page_figures(client, month)
    assert figures["Someone in danger, looked at within 10 minutes"] == "fewer than 5 of 5"


def test_a_case_that_became_a_crisis_is_timed_from_then(client, moderator, settings):
    settings.TRANSPARENCY_SMALLEST_SHOWN = 1
    month = last_month()
    opened = moment(month, 3)
    case = case_at(opened, [CaseReason.FLAGGED])
    became_crisis = opened + 180 * MINUTE
    with at(became_crisis):  # the writer's crisis words join the open case
        open_case(post=case.post, reasons=CRISIS)
    claim_at(became_crisis + 4 * MINUTE, case, moderator)
    # One waiting more than ten minutes with nobody looking yet.
    case_at(moment(month, 4), CRISIS)
    figures = page_figures(client, month)
    assert figures["Someone may be in danger"] == "2"
    assert figures["Someone in danger, looked at within 10 minutes"] == "1 of 2 (50%)"
    assert figures["Time until a moderator first looked"] == "3 hours 4 minutes"


def test_appeals_and_their_outcomes(client, moderator, settings):
    settings.TRANSPARENCY_SMALLEST_SHOWN = 1
    month = last_month()
    second = make_moderator("FairLark")
    appeal_cases = []
    for day in range(1, 6):
        opened = moment(month, day)
        case = case_at(opened, [CaseReason.FLAGGED])
        decide_at(opened + MINUTE, case, moderator, action="hide")
        case.refresh_from_db()
        appeal_cases.append(appeal_at(opened + 60 * MINUTE, case))
    shown_again, kept, warned, _waiting, deleted = appeal_cases
    decide_at(moment(month, 10), shown_again, second, action="approve")
    decide_at(moment(month, 10), kept, second, action="hide")
    with at(moment(month, 11)):
        decide_case(
            case=warned,
            moderator=second,
            action="add_warning",
            reason="Shown with a warning",
            content_warning=ContentWarning.OTHER,
            content_warning_text="Talk of a hard day",
        )
    with at(moment(month, 12)):
        delete_post(post=deleted.post)
    figures = page_figures(client, month)
    assert figures["Appeals"] == "5"
    assert figures["Decision changed"] == "2"
    assert figures["Decision kept"] == "1"
    assert figures["Still being looked at"] == "1"
    assert figures["Post deleted by its writer"] == "1"
    assert figures["Asked to look again"] == "5"
    assert figures["Cases opened"] == "10"
    assert figures["Cases decided"] == "8"  # not the one its writer's deleting closed
