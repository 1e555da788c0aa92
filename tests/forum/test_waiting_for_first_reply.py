"""Peer supporters' list of first posts waiting for a reply: who may open it, what is on
it and in which order, and that it costs the same few queries however long it is."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum import services
from forum.models import PostStatus, Thread
from forum.templatetags.moments import time_waiting
from peersupport.accounts.permissions import PEER_SUPPORTERS
from tests.factories import BoardFactory, make_reply, make_thread
from tests.moderation.case_helpers import in_group, make_moderator

pytestmark = pytest.mark.django_db

URL = "/peer-support/waiting/"


@pytest.fixture
def peer(db):
    return in_group(PEER_SUPPORTERS, username="GentleHarbour")


@pytest.fixture
def peer_client(peer):
    # A client of its own: member_client is the `client` fixture signed in.
    client = Client()
    client.force_login(peer)
    return client


def waited(thread, delta):
    """`thread` as if it were started `delta` ago."""
    Thread.objects.filter(pk=thread.pk).update(created_at=timezone.now() - delta)
    return thread


def listed_ids(client, url=URL):
    page = client.get(url).content.decode()
    return [int(pk) for pk in re.findall(r'data-thread-id="(\d+)"', page)]


def test_visitors_are_asked_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_members_may_not_open_it(member_client):
    assert member_client.get(URL).status_code == 403


def test_peer_supporters_and_moderators_may(peer_client, client):
    assert peer_client.get(URL).status_code == 200
    client.force_login(make_moderator())
    assert client.get(URL).status_code == 200


def test_the_header_links_to_it_for_peer_supporters_only(peer_client, member_client):
    assert f'href="{URL}"' in peer_client.get("/").content.decode()
    assert f'href="{URL}"' not in member_client.get("/").content.decode()


def test_the_header_link_is_not_for_moderators(client):
    client.force_login(make_moderator())
    assert f'href="{URL}"' not in client.get("/").content.decode()


def test_oldest_first(peer_client):
    board = BoardFactory()
    newest = waited(make_thread(board=board, title="Newest"), datetime.timedelta(minutes=5))
    oldest = waited(make_thread(board=board, title="Oldest"), datetime.timedelta(days=3))
    middle = waited(make_thread(board=board, title="Middle"), datetime.timedelta(hours=4))
    assert listed_ids(peer_client) == [oldest.pk, middle.pk, newest.pk]


def test_only_published_unanswered_threads_that_take_replies(peer_client, member):
    board = BoardFactory()
    waiting = make_thread(board=board, title="Still waiting")
    with_a_held_reply = make_thread(board=board, title="Reply held")
    make_reply(with_a_held_reply, status=PostStatus.HELD)
    answered = make_thread(board=board, title="Answered")
    make_reply(answered)
    held = make_thread(board=board, title="Held", status=PostStatus.HELD)
    hidden = make_thread(board=board, title="Hidden")
    services.set_post_status(post=hidden.opening_post, status=PostStatus.HIDDEN)
    deleted = make_thread(board=board, title="Deleted")
    services.delete_post(post=deleted.opening_post)
    locked = services.lock_thread(thread=make_thread(board=board, title="Locked"))
    closed = services.close_thread(thread=make_thread(board=board, title="Closed"))
    locked_board = BoardFactory()
    on_a_locked_board = make_thread(board=locked_board, title="Locked board")
    locked_board.is_locked = True
    locked_board.save()

    listed = listed_ids(peer_client)
    assert set(listed) == {waiting.pk, with_a_held_reply.pk}
    for thread in (answered, held, hidden, deleted, locked, closed, on_a_locked_board):
        assert thread.pk not in listed


def test_a_thread_drops_off_once_answered(peer_client, member_client):
    thread = make_thread(title="Anyone else?")
    assert listed_ids(peer_client) == [thread.pk]
    member_client.post(f"/threads/{thread.pk}/reply/", {"body": "Yes, me too. You're not alone."})
    assert listed_ids(peer_client) == []
    assert "Every thread has had a reply for now" in peer_client.get(URL).content.decode()


def test_it_says_how_long_in_calm_words(peer_client):
    waited(make_thread(title="A quiet one"), datetime.timedelta(hours=5))
    page = peer_client.get(URL).content.decode()
    assert "<title>Waiting for a first reply · Peer Support</title>" in page
    assert "waiting for a few hours" in page
    assert "A quiet one" in page
    assert 'id="crisis-support"' in page


@pytest.mark.parametrize(
    ("delta", "words"),
    [
        (datetime.timedelta(minutes=20), "posted in the last hour"),
        (datetime.timedelta(minutes=90), "waiting for about an hour or two"),
        (datetime.timedelta(hours=10), "waiting for a few hours"),
        (datetime.timedelta(hours=30), "waiting for about a day"),
        (datetime.timedelta(days=9), "waiting for a few days"),
    ],
)
def test_time_waiting_words(delta, words):
    now = timezone.now()
    assert time_waiting(now - delta, now) == words


def test_it_pages_without_counting(peer_client):
    board = BoardFactory()
    threads = [
        waited(make_thread(board=board, title=f"T{n}"), datetime.timedelta(hours=30 - n))
        for n in range(21)
    ]
    first = peer_client.get(URL).content.decode()
    assert len(re.findall(r"data-thread-id=", first)) == 20
    assert "Page 1</span>" in first and " of " not in re.search(r"Page 1[^<]*", first).group()
    assert listed_ids(peer_client, f"{URL}?page=2") == [threads[-1].pk]


def _queries(client):
    client.get(URL)  # the crisis resources are cached after the first view
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured)


def test_the_query_count_stays_the_same_however_many_wait(peer_client):
    board = BoardFactory()
    for n in range(2):
        make_thread(board=board, title=f"Small {n}")
    baseline = _queries(peer_client)
    other = BoardFactory()
    for n in range(25):
        make_thread(board=other if n % 2 else board, title=f"Large {n}")
    assert _queries(peer_client) == baseline
    assert baseline <= 10


def test_the_role_needs_no_two_step_sign_in(peer_client, settings):
    """Peer supporters see nothing a member cannot, so their role is theirs at once."""
    settings.REQUIRE_MFA_FOR_STAFF = True
    page = peer_client.get(URL)
    assert page.status_code == 200
    assert "two-step sign-in" not in page.content.decode()
    assert f'href="{URL}"' in peer_client.get("/").content.decode()
