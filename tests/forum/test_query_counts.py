"""List pages issue a constant number of queries, whatever their size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum.drafts import Draft
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread

pytestmark = pytest.mark.django_db


def _queries(client, url):
    client.get(url)  # the crisis resources are cached after the first page view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _fill_board(board, threads, replies_each):
    for n in range(threads):
        thread = make_thread(author=UserFactory(), board=board, title=f"Thread {n}")
        parent = None
        for _ in range(replies_each):
            parent = make_reply(thread, author=UserFactory(), parent=parent)


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "member"])
def test_home_and_board_pages(client, member, settings, signed_in):
    if signed_in:
        client.force_login(member)
    else:
        settings.PUBLIC_READING = True  # visitors read only where a deployment allows it
    small, large = BoardFactory(slug="small"), BoardFactory(slug="large")
    _fill_board(small, threads=2, replies_each=1)
    baseline_home = _queries(client, "/")
    baseline_board = _queries(client, "/boards/small/")
    _fill_board(large, threads=12, replies_each=2)
    assert _queries(client, "/") == baseline_home
    assert _queries(client, "/boards/large/") == baseline_board
    assert baseline_home <= 10 and baseline_board <= 10


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "member"])
def test_thread_page(client, member, settings, signed_in):
    if signed_in:
        client.force_login(member)
    else:
        settings.PUBLIC_READING = True  # visitors read only where a deployment allows it
    board = BoardFactory(slug="talk")
    short = make_thread(board=board)
    make_reply(short)
    long = make_thread(board=board)
    for _ in range(15):
        reply = make_reply(long, author=UserFactory())
        make_reply(long, author=UserFactory(), parent=reply)
    baseline = _queries(client, f"/threads/{short.pk}/")
    assert _queries(client, f"/threads/{long.pk}/") == baseline
    assert baseline <= 10


def test_thread_page_for_a_moderator_with_revisions(client):
    from django.contrib.auth.models import Group

    from forum import services

    moderator = UserFactory()
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    client.force_login(moderator)
    board = BoardFactory(slug="talk")
    short = make_thread(board=board)
    make_reply(short)
    long = make_thread(board=board)
    for n in range(8):
        reply = make_reply(long, author=UserFactory())
        services.edit_post(post=reply, editor=reply.author, draft=Draft(body=f"edit {n}"))
    baseline = _queries(client, f"/threads/{short.pk}/")
    assert _queries(client, f"/threads/{long.pk}/") == baseline
