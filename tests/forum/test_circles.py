"""Small circles through the pages: who may see a circle and its threads (a member, a
non-member, a visitor, a moderator), asking to join, withdrawing and leaving."""

import pytest
from django.test import Client

from forum.models import (
    CircleMembership,
    CircleRequest,
    CircleRequestStatus,
    Notification,
    Subscription,
    Thread,
)
from moderation.models import Case, Priority, RiskLevel, WatchedPhrase
from tests.factories import UserFactory, make_committed_reply, make_thread
from tests.forum.circle_helpers import make_circle
from tests.moderation.case_helpers import make_moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def inside():
    return UserFactory(username="InsideWren")


@pytest.fixture
def circle(inside):
    return make_circle(members=[inside])


@pytest.fixture
def circle_thread(circle, inside):
    return make_thread(author=inside, board=circle.board, title="Sunday dread", body="Hmm zebra")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_circles_page_explains_and_offers_open_circles(member_client, circle):
    make_circle(name="Not yet", is_open=False)
    page = member_client.get("/circles/").content.decode()
    assert "<title>Small circles" in page
    assert "at most 8 members" in page
    assert "Quiet evenings" in page and "For evenings that feel long." in page
    assert "There is room in this circle." in page
    assert f'action="/circles/{circle.pk}/join/"' in page
    assert "Not yet" not in page
    # Who is in it, and how many, is for its members.
    assert "InsideWren" not in page


def test_the_header_links_to_circles_for_members_only(member_client):
    assert 'href="/circles/"' in member_client.get("/").content.decode()
    client = Client()
    assert 'href="/circles/"' not in client.get("/").content.decode()
    assert client.get("/circles/").status_code == 302


def test_asking_to_join_then_withdrawing(member_client, member, circle):
    response = member_client.post(f"/circles/{circle.pk}/join/", follow=True)
    assert "A moderator will read your request" in response.content.decode()
    circle_request = CircleRequest.objects.get(member=member)
    assert circle_request.status == CircleRequestStatus.WAITING
    page = member_client.get("/circles/").content.decode()
    assert "You have asked to join this circle." in page
    assert f'action="/circles/requests/{circle_request.pk}/withdraw/"' in page

    member_client.post(f"/circles/requests/{circle_request.pk}/withdraw/")
    circle_request.refresh_from_db()
    assert circle_request.status == CircleRequestStatus.WITHDRAWN
    assert not CircleMembership.objects.filter(member=member).exists()


def test_another_members_request_cannot_be_withdrawn(member_client, circle):
    other = CircleRequest.objects.create(circle=circle, member=UserFactory())
    assert member_client.post(f"/circles/requests/{other.pk}/withdraw/").status_code == 404
    other.refresh_from_db()
    assert other.status == CircleRequestStatus.WAITING


def test_a_closed_circle_takes_no_requests(member_client):
    closed = make_circle(is_open=False)
    assert member_client.post(f"/circles/{closed.pk}/join/").status_code == 404
    assert not CircleRequest.objects.exists()


def test_the_circle_page_is_for_members_and_moderators(circle, circle_thread, inside, client):
    page = signed_in(inside).get(f"/circles/{circle.pk}/").content.decode()
    assert "<title>A small circle" in page and "Sunday dread" not in page.split("</title>")[0]
    assert "InsideWren" in page and "Sunday dread" in page
    assert f'href="/boards/{circle.board.slug}/new/"' in page
    assert f'href="/circles/{circle.pk}/leave/"' in page
    moderator_page = signed_in(make_moderator("WatchfulOwl")).get(f"/circles/{circle.pk}/")
    assert "Sunday dread" in moderator_page.content.decode()
    assert signed_in(UserFactory()).get(f"/circles/{circle.pk}/").status_code == 404
    assert client.get(f"/circles/{circle.pk}/").status_code == 302


def test_a_circles_board_is_hidden_from_non_members(circle, inside, member_client):
    board = circle.board
    for path in (f"/boards/{board.slug}/", f"/boards/{board.slug}/new/"):
        assert member_client.get(path).status_code == 404
        assert signed_in(inside).get(path).status_code == 200
    assert member_client.post(f"/boards/{board.slug}/follow/").status_code == 404
    assert board.name not in member_client.get("/").content.decode()
    response = member_client.post(f"/boards/{board.slug}/new/", {"title": "In", "body": "Me"})
    assert response.status_code == 404 and not Thread.objects.exists()


def test_a_member_starts_a_thread_in_their_circle(circle, inside):
    client = signed_in(inside)
    response = client.post(
        f"/boards/{circle.board.slug}/new/", {"title": "Small steps", "body": "Kind words"}
    )
    thread = Thread.objects.get()
    assert response["Location"] == f"/threads/{thread.pk}/"
    assert thread.circle == circle
    assert "Small steps" in client.get(f"/circles/{circle.pk}/").content.decode()


@pytest.mark.parametrize("reader", ["member", "visitor"])
def test_lists_and_search_never_show_a_circles_thread_to_others(
    circle_thread, inside, member, settings, reader
):
    settings.PUBLIC_READING = True
    client = signed_in(member) if reader == "member" else Client()
    make_thread(title="Open to all", body="Hmm zebra")
    home = client.get("/").content.decode()
    assert "Open to all" in home and "Sunday dread" not in home
    results = client.post("/search/", {"q": "zebra"}).content.decode()
    assert "Open to all" in results and "Sunday dread" not in results
    assert "Sunday dread" in signed_in(inside).post("/search/", {"q": "zebra"}).content.decode()
    assert "Sunday dread" in signed_in(inside).get("/").content.decode()


def test_a_circle_threads_page_is_not_found_for_others_even_once_cached(
    circle_thread, inside, member, settings
):
    settings.PUBLIC_READING = True
    path = f"/threads/{circle_thread.pk}/"
    for _ in range(2):
        assert signed_in(inside).get(path).status_code == 200
    assert signed_in(member).get(path).status_code == 404
    assert Client().get(path).status_code == 404
    assert signed_in(member).get(f"/posts/{circle_thread.opening_post_id}/").status_code == 404
    assert signed_in(member).get(f"{path}reply/").status_code == 404


def test_nobody_outside_hears_of_a_circles_replies(circle_thread, inside, member):
    # A follow left from before the rules: still, only those who can see are told.
    Subscription.objects.create(thread=circle_thread, member=member)
    make_committed_reply(circle_thread, author=UserFactory(), body="Thinking of you")
    assert not Notification.objects.filter(recipient=member).exists()
    assert Notification.objects.filter(recipient=inside).exists()


def test_leaving_asks_first_then_tells_nobody(circle, circle_thread, inside):
    friend = UserFactory(username="GentleMoth")
    CircleMembership.objects.create(circle=circle, member=friend)
    make_committed_reply(circle_thread, author=friend, body="Here with you")
    client = signed_in(inside)
    confirm = client.get(f"/circles/{circle.pk}/leave/").content.decode()
    assert "Nobody in the circle is told why" in confirm and "ask to join again" in confirm
    told_before = Notification.objects.count()

    response = client.post(f"/circles/{circle.pk}/leave/", follow=True)
    assert "you can ask again whenever you are ready" in response.content.decode()
    assert not CircleMembership.objects.filter(member=inside).exists()
    assert not Subscription.objects.filter(member=inside).exists()
    assert Notification.objects.count() == told_before
    assert client.get(f"/circles/{circle.pk}/").status_code == 404
    assert client.get(f"/threads/{circle_thread.pk}/").status_code == 404
    # What they heard before leaving is gone from their notifications too.
    assert "Here with you" not in client.get("/notifications/").content.decode()
    assert "replied" not in client.get("/notifications/").content.decode()


def test_only_members_can_leave(circle, member_client):
    assert member_client.get(f"/circles/{circle.pk}/leave/").status_code == 404


def test_a_crisis_post_in_a_circle_is_held_and_opens_a_case(circle, inside):
    WatchedPhrase.objects.create(phrase="end it all tonight", level=RiskLevel.CRISIS)
    response = signed_in(inside).post(
        f"/boards/{circle.board.slug}/new/",
        {"title": "Tonight", "body": "I want to end it all tonight."},
    )
    post = Thread.objects.get().opening_post
    assert response["Location"] == f"/posts/{post.pk}/waiting/"
    assert post.status == "held"
    assert Case.objects.get(post=post).priority == Priority.CRISIS


def test_a_closed_circle_keeps_its_threads_but_takes_no_posts(circle, circle_thread, inside):
    from forum import services

    services.close_circle(circle=circle)
    client = signed_in(inside)
    page = client.get(f"/circles/{circle.pk}/").content.decode()
    assert "closed for now" in page and "Sunday dread" in page
    response = client.post(f"/boards/{circle.board.slug}/new/", {"title": "T", "body": "B"})
    assert "closed to new threads" in response.content.decode()
    assert Thread.objects.count() == 1


def test_admins_create_circles_closed_with_their_own_board(admin_client):
    from forum.models import Circle

    response = admin_client.post(
        "/admin/forum/circle/add/", {"name": "Night owls", "theme": "For late, wakeful hours."}
    )
    assert response.status_code == 302
    circle = Circle.objects.get()
    assert (circle.name, circle.is_open, circle.moderator) == ("Night owls", False, None)
    assert circle.board.name == "Night owls" and circle.board.is_locked
    admin_client.post(
        f"/admin/forum/circle/{circle.pk}/change/", {"name": "Owls", "theme": "Late hours."}
    )
    circle.refresh_from_db()
    assert circle.board.name == "Owls" and circle.board.description == "Late hours."
