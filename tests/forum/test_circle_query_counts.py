"""The circles' list pages issue a constant number of queries, whatever their size."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from forum import services
from forum.models import CircleMembership
from tests.factories import UserFactory, make_reply, make_thread
from tests.forum.circle_helpers import make_circle
from tests.moderation.case_helpers import make_moderator

pytestmark = pytest.mark.django_db


def _queries(client, url):
    client.get(url)  # the crisis resources are cached after the first page view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _grow(circle, members, threads):
    for _ in range(members):
        CircleMembership.objects.create(circle=circle, member=UserFactory())
    for n in range(threads):
        thread = make_thread(board=circle.board, title=f"Thread {n}")
        make_reply(thread)


def test_the_circles_page(member):
    client = _signed_in(member)
    first = make_circle(name="First", members=[member])
    services.ask_to_join(member=member, circle=make_circle(name="Second"))
    baseline = _queries(client, "/circles/")
    _grow(first, members=5, threads=3)
    for n in range(6):
        circle = make_circle(name=f"More {n}", members=[member] if n % 2 else [])
        services.ask_to_join(member=UserFactory(), circle=circle)
        if n in (0, 4):
            services.ask_to_join(member=member, circle=circle)
    assert _queries(client, "/circles/") == baseline
    assert baseline <= 10


@pytest.mark.parametrize("who", ["member", "moderator"])
def test_the_circle_page(member, who):
    circle = make_circle(members=[member])
    client = _signed_in(member if who == "member" else make_moderator("WatchfulOwl"))
    _grow(circle, members=1, threads=1)
    baseline = _queries(client, f"/circles/{circle.pk}/")
    _grow(circle, members=5, threads=12)
    assert _queries(client, f"/circles/{circle.pk}/") == baseline
    assert baseline <= 10


def test_the_moderators_circles_page():
    client = _signed_in(make_moderator("WatchfulOwl"))
    services.ask_to_join(member=UserFactory(), circle=make_circle(name="First"))
    baseline = _queries(client, "/moderation/circles/")
    for n in range(5):
        circle = make_circle(name=f"More {n}", members=[UserFactory(), UserFactory()])
        for _ in range(3):
            services.ask_to_join(member=UserFactory(), circle=circle)
        make_moderator(f"ExtraOwl{n}")
    assert _queries(client, "/moderation/circles/") == baseline
    assert baseline <= 10
