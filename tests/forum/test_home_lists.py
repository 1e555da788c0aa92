"""Home's two lists page through the whole forum without ever counting it."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum.models import Thread
from tests.factories import BoardFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def threads():
    """25 threads, none answered yet: "Thread 00" is the most recent."""
    board = BoardFactory()
    now = timezone.now()
    made = [make_thread(board=board, title=f"Thread {n:02}") for n in range(25)]
    for n, thread in enumerate(made):
        Thread.objects.filter(pk=thread.pk).update(
            last_activity_at=now - datetime.timedelta(minutes=n)
        )
    return made


def _lists(client, query=""):
    page = client.get(f"/{query}").content.decode()
    unanswered = page[page.index('id="unanswered"') : page.index('id="recent"')]
    recent = page[page.index('id="recent"') :]
    return unanswered, recent


def _titles(section):
    return re.findall(r"Thread (\d\d)", section)


def test_recent_threads_page_by_ten_with_previous_and_next(member_client, threads):
    _, first = _lists(member_client)
    assert _titles(first) == [f"{n:02}" for n in range(10)]
    assert "Page 1</span>" in first and 'href="?recent=2#recent"' in first
    assert "Previous" not in first

    _, second = _lists(member_client, "?recent=2")
    assert _titles(second) == [f"{n:02}" for n in range(10, 20)]
    assert 'href="?recent=1#recent"' in second and 'href="?recent=3#recent"' in second

    _, last = _lists(member_client, "?recent=3")
    assert _titles(last) == [f"{n:02}" for n in range(20, 25)]
    assert "Page 3</span>" in last and "?recent=4" not in last


def test_the_two_lists_page_separately(member_client, threads):
    unanswered, recent = _lists(member_client, "?unanswered=2")
    assert _titles(unanswered) == [f"{n:02}" for n in range(10, 20)]
    assert _titles(recent) == [f"{n:02}" for n in range(10)]


def test_an_answered_thread_leaves_the_unanswered_list_only(member_client, threads):
    make_reply(threads[0])
    unanswered, recent = _lists(member_client)
    assert "00" not in _titles(unanswered) and "00" in _titles(recent)


def test_a_page_past_the_end_shows_the_last_page(member_client, threads):
    _, recent = _lists(member_client, "?recent=9")
    assert _titles(recent) == [f"{n:02}" for n in range(20, 25)]
    assert "Page 3</span>" in recent


@pytest.mark.parametrize("number", ["nonsense", "0", "-2", ""])
def test_a_page_that_is_not_a_page_number_shows_the_first(member_client, threads, number):
    _, recent = _lists(member_client, f"?recent={number}")
    assert _titles(recent) == [f"{n:02}" for n in range(10)]


def test_a_short_list_has_no_page_links(member_client):
    make_thread(title="Thread 00")
    _, recent = _lists(member_client)
    assert _titles(recent) == ["00"] and "pagination" not in recent


@pytest.mark.parametrize("query", ["", "?recent=2&unanswered=3"])
def test_home_never_counts_the_forum(member_client, threads, query):
    # A count reads every thread on the forum, and home is the busiest page.
    member_client.get(f"/{query}")
    with CaptureQueriesContext(connection) as captured:
        assert member_client.get(f"/{query}").status_code == 200
    assert not [query for query in captured if "COUNT(" in query["sql"]]
