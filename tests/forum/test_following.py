"""Following threads and boards, and the quiet-mode home page that shows only followed
boards, through the pages and buttons a member uses."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum import services
from forum.drafts import Draft
from forum.models import BoardFollow, PostStatus, Subscription, Thread
from tests.factories import BoardFactory, UserFactory, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():
    return BoardFactory(name="Feeling low", slug="feeling-low")


def _follows(member, thread):
    return Subscription.objects.filter(member=member, thread=thread).exists()


def test_starting_a_thread_follows_it(member_client, member, board):
    member_client.post("/boards/feeling-low/new/", {"title": "Hard week", "body": "Words"})
    assert _follows(member, Thread.objects.get())


def test_replying_follows_the_thread_once(member_client, member, board):
    thread = make_thread(board=board)
    member_client.post(f"/threads/{thread.pk}/reply/", {"body": "You are not alone."})
    member_client.post(f"/threads/{thread.pk}/reply/", {"body": "Thinking of you."})
    assert Subscription.objects.filter(member=member, thread=thread).count() == 1


def test_a_held_reply_still_follows_the_thread(member):
    thread = make_thread()
    services.post_reply(
        author=member, thread=thread, draft=Draft(body="Held"), status=PostStatus.HELD
    )
    assert _follows(member, thread)


def test_a_member_follows_and_unfollows_a_thread_by_hand(member_client, member, board):
    thread = make_thread(board=board)
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert f'action="/threads/{thread.pk}/follow/"' in page

    response = member_client.post(f"/threads/{thread.pk}/follow/")
    assert response.status_code == 302 and response["Location"] == f"/threads/{thread.pk}/"
    assert _follows(member, thread)
    page = member_client.get(f"/threads/{thread.pk}/").content.decode()
    assert "You are following this thread" in page
    assert f'action="/threads/{thread.pk}/unfollow/"' in page

    member_client.post(f"/threads/{thread.pk}/unfollow/")
    assert not _follows(member, thread)


def test_following_needs_a_post_and_a_signed_in_member(client, settings, member, board):
    thread = make_thread(board=board)
    response = client.post(f"/threads/{thread.pk}/follow/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    settings.PUBLIC_READING = True  # where visitors may read, they still cannot follow
    assert "/follow/" not in client.get(f"/threads/{thread.pk}/").content.decode()
    client.force_login(member)
    assert client.get(f"/threads/{thread.pk}/follow/").status_code == 405
    assert not _follows(member, thread)


def test_a_thread_the_member_cannot_see_cannot_be_followed(member_client, member, board):
    thread = make_thread(board=board, status=PostStatus.HELD)
    assert member_client.post(f"/threads/{thread.pk}/follow/").status_code == 404
    assert not _follows(member, thread)


def test_a_member_follows_and_unfollows_a_board(member_client, member, board):
    page = member_client.get("/boards/feeling-low/").content.decode()
    assert 'action="/boards/feeling-low/follow/"' in page
    response = member_client.post("/boards/feeling-low/follow/")
    assert response["Location"] == "/boards/feeling-low/"
    assert BoardFollow.objects.filter(member=member, board=board).exists()
    page = member_client.get("/boards/feeling-low/").content.decode()
    assert 'action="/boards/feeling-low/unfollow/"' in page

    member_client.post("/boards/feeling-low/unfollow/")
    assert not BoardFollow.objects.filter(member=member, board=board).exists()


def test_quiet_home_shows_only_followed_boards_and_their_threads(member_client, member, board):
    other = BoardFactory(name="Exams", slug="exams")
    make_thread(board=board, title="Followed thread")
    make_thread(board=other, title="Elsewhere thread")
    member_client.post("/boards/feeling-low/follow/")
    member.quiet_mode = True
    member.save()

    page = member_client.get("/").content.decode()
    assert "Followed thread" in page
    assert "Elsewhere thread" not in page
    assert "You are in quiet mode" in page
    assert 'href="/settings/"' in page
    followed_part, other_part = page.split("<summary>Other boards</summary>")
    assert "Feeling low" in followed_part and "Exams" not in followed_part
    assert "Exams" in other_part


def test_quiet_home_with_no_followed_boards_explains_how_to_follow(member_client, member, board):
    make_thread(board=board, title="Some thread")
    member.quiet_mode = True
    member.save()
    page = member_client.get("/").content.decode()
    assert "You do not follow any boards yet" in page
    assert "Some thread" not in page


def test_home_outside_quiet_mode_shows_every_board(member_client, board):
    BoardFactory(name="Exams", slug="exams")
    make_thread(board=board, title="Low thread")
    page = member_client.get("/").content.decode()
    assert "Feeling low" in page and "Exams" in page and "Low thread" in page
    assert "quiet mode" not in page


def test_quiet_home_query_count_does_not_grow(client):
    quiet = UserFactory(username="StillPond", quiet_mode=True)
    client.force_login(quiet)
    boards = [BoardFactory(slug=f"b{n}") for n in range(3)]
    for board in boards:
        BoardFollow.objects.create(board=board, member=quiet)
        make_thread(board=board)
    client.get("/")
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for board in boards:
        for _ in range(5):
            make_thread(board=board, author=UserFactory())
    with CaptureQueriesContext(connection) as many:
        client.get("/")
    assert len(many) == len(few) <= 10
