"""The public transparency page: open to anyone, linked from every page, naming no one,
a constant number of queries, and its figures worked out once a day."""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from moderation.models import CaseReason
from moderation.transparency import duration_words, shown_count, shown_share
from tests.factories import BoardFactory, UserFactory
from tests.moderation.case_helpers import make_moderator
from tests.moderation.transparency_helpers import (
    MINUTE,
    appeal_at,
    case_at,
    claim_at,
    decide_at,
    figures_of,
    last_month,
    moment,
)

pytestmark = pytest.mark.django_db
URL = "/transparency/"


def seed(month, count, moderator, board=None):
    """`count` decided crisis cases, one appealed, and one flagged case left open."""
    for day in range(1, count + 1):
        opened = moment(month, day)
        case = case_at(opened, [CaseReason.CRISIS_LANGUAGE], board=board)
        claim_at(opened + 5 * MINUTE, case, moderator)
        decide_at(opened + 30 * MINUTE, case, moderator, action="hide")
    case.refresh_from_db()
    appeal_at(moment(month, count, hour=12), case)
    case_at(moment(month, count, hour=15), [CaseReason.FLAGGED], board=board)


def queries_of_a_visit(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return [query["sql"] for query in queries]


def figure_queries(client):
    """The queries a visit makes that read cases, appeals or the audit log."""
    tables = ("moderation_case", "moderation_appeal", "moderation_moderationaction")
    return [sql for sql in queries_of_a_visit(client) if any(table in sql for table in tables)]


def test_a_visitor_sees_the_figures_without_public_reading(client, settings):
    settings.PUBLIC_READING = False
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>How we moderate: the figures" in page
    assert 'id="crisis-support"' in page
    assert f"{timezone.localdate():%B %Y} (so far)" in page
    assert f"{last_month():%B %Y}</h2>" in page  # a whole month, not "so far"
    assert page.count('class="transparency-month"') == 12
    assert f"worked out on {timezone.localdate():%-d %B %Y}" in page
    # Never indexed, like every page.
    assert "noindex" in response["X-Robots-Tag"]


def test_every_page_links_to_it_and_help_explains_it(client):
    for url in ("/", "/help/", "/guidelines/"):
        assert f'href="{URL}"' in client.get(url).content.decode(), url


def test_no_pseudonym_or_board_is_ever_named(client, settings):
    settings.TRANSPARENCY_SMALLEST_SHOWN = 1
    moderator = make_moderator("WatchfulHeron")
    board = BoardFactory(name="Exam stress corner", slug="exam-stress-corner")
    writer = UserFactory(username="MistyLantern")
    month = last_month()
    opened = moment(month, 2)
    case = case_at(opened, [CaseReason.FLAGGED], author=writer, board=board, title="Worried")
    decide_at(opened + MINUTE, case, moderator, action="hide")
    case.refresh_from_db()
    appeal_at(opened + 2 * MINUTE, case)
    page = client.get(URL).content.decode()
    assert figures_of(page, month)["Appeals"] == "1"
    for private in ("WatchfulHeron", "MistyLantern", "Exam stress corner", "exam-stress-corner"):
        assert private not in page
    assert "/boards/" not in page and "/members/" not in page and "/threads/" not in page


def test_the_queries_do_not_grow_with_the_cases(client, moderator):
    month = last_month()
    seed(month, 2, moderator)
    few = queries_of_a_visit(client)
    cache.clear()  # both visits the first of their day
    seed(month - datetime.timedelta(days=40), 8, moderator)
    seed(month, 8, moderator)
    assert len(queries_of_a_visit(client)) == len(few)
    cache.clear()
    assert len(figure_queries(client)) == 2  # the cases with their looks, and the appeals


def test_the_figures_are_worked_out_once_a_day(client, moderator, settings):
    settings.TRANSPARENCY_SMALLEST_SHOWN = 1
    month = last_month()
    seed(month, 2, moderator)
    first = client.get(URL).content.decode()
    assert figures_of(first, month)["Cases opened"] == "4"
    case_at(moment(month, 20), [CaseReason.PERSONAL_DATA])
    assert figure_queries(client) == []  # the day's copy, no queries for the figures
    assert figures_of(client.get(URL).content.decode(), month)["Cases opened"] == "4"

    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        assert len(figure_queries(client)) == 2
        page = client.get(URL).content.decode()
    assert figures_of(page, month)["Cases opened"] == "5"
    assert f"worked out on {timezone.localdate(tomorrow):%-d %B %Y}" in page


def test_counts_shares_and_times_in_plain_words(settings):
    assert settings.TRANSPARENCY_SMALLEST_SHOWN == 5
    assert [shown_count(n) for n in (0, 1, 4, 5, 1234)] == [
        "0",
        "fewer than 5",
        "fewer than 5",
        "5",
        "1,234",
    ]
    assert shown_share(0, 4) == "too few to say"
    assert shown_share(0, 5) == "0 of 5 (0%)"
    assert shown_share(4, 40) == "fewer than 5 of 40"
    assert shown_share(9, 10) == "9 of 10 (90%)"
    assert [duration_words(s) for s in (20, 60, 61 * 60, 120 * 60, 47 * 3600, 49 * 3600)] == [
        "under a minute",
        "1 minute",
        "1 hour 1 minute",
        "2 hours",
        "47 hours",
        "2 days",
    ]
