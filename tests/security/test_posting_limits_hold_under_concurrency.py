"""Sending many posts at the same moment cannot overshoot a posting limit: one member's
posts are counted and stored one at a time (their account row is locked meanwhile), on
however many app servers."""

import threading
import time

import pytest
from django.db import connections
from django.test import Client

from forum.models import Post
from moderation import pipeline
from tests.factories import BoardFactory, UserFactory, make_thread

# Each sender commits on its own connection, as real requests do.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# More than either short-window limit (5 threads, 10 replies).
AT_ONCE = 14


@pytest.fixture
def limits_on(settings):
    settings.RATE_LIMITS_ENABLED = True
    return settings.POSTING_RATE_LIMITS


@pytest.fixture
def slow_count(monkeypatch):
    """Each request waits a moment after counting the writer's posts, so that without a
    lock every request has counted before any has stored its post."""
    count = pipeline.posting_pause

    def counted_slowly(*args, **kwargs):
        pause = count(*args, **kwargs)
        time.sleep(0.2)
        return pause

    monkeypatch.setattr(pipeline, "posting_pause", counted_slowly)


def send_at_once(cookies, path, data):
    """POST `data` to `path` AT_ONCE times in parallel, each on its own database
    connection, all released together; returns the status codes."""
    start = threading.Barrier(AT_ONCE)
    statuses = []

    def send(n):
        client = Client()
        client.cookies = cookies
        try:
            start.wait()
            statuses.append(client.post(path, {**data, "body": f"{data['body']} {n}"}).status_code)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=send, args=(n,)) for n in range(AT_ONCE)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return statuses


def signed_in(member):
    client = Client()
    client.force_login(member)
    return client.cookies


def test_replies_sent_at_once_stop_at_the_reply_limit(limits_on, slow_count):
    limit = limits_on["reply"][0][0]
    member = UserFactory(username="HurriedWren")
    thread = make_thread(title="A busy evening")

    statuses = send_at_once(
        signed_in(member), f"/threads/{thread.pk}/reply/", {"body": "One more thought"}
    )

    assert sorted(statuses) == [302] * limit + [429] * (AT_ONCE - limit)
    assert Post.objects.filter(author=member).count() == limit


def test_threads_sent_at_once_stop_at_the_thread_limit(limits_on, slow_count):
    limit = limits_on["thread"][0][0]
    member = UserFactory(username="HurriedWren")
    board = BoardFactory(slug="feeling-low")

    statuses = send_at_once(
        signed_in(member), f"/boards/{board.slug}/new/", {"title": "Again", "body": "A thought"}
    )

    assert sorted(statuses) == [302] * limit + [429] * (AT_ONCE - limit)
    assert Post.objects.filter(author=member).count() == limit
