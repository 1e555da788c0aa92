"""forum's services for small circles: their rules, one at a time."""

import pytest

from forum import services
from forum.following import follow_board
from forum.models import Board, BoardFollow, CircleMembership, CircleRequest, Subscription
from forum.services import CircleRefused
from tests.factories import BoardFactory, UserFactory, make_thread
from tests.forum.circle_helpers import make_circle

pytestmark = pytest.mark.django_db


def test_a_new_circle_is_closed_and_its_board_unlisted_and_locked():
    circle = services.create_circle(name="Night owls", theme="For late, wakeful hours.")
    assert not circle.is_open and circle.moderator is None
    assert circle.board.is_locked
    assert "night" not in circle.board.slug
    assert circle.board not in Board.objects.listed()


def test_a_circle_with_no_moderator_cannot_open():
    circle = services.create_circle(name="Night owls", theme="For late hours.")
    with pytest.raises(CircleRefused, match="no moderator assigned cannot open"):
        services.open_circle(circle=circle)
    circle.refresh_from_db()
    assert not circle.is_open


def test_placing_in_a_full_circle_is_refused(settings):
    settings.CIRCLE_SIZE = 2
    circle = make_circle(members=[UserFactory(), UserFactory()])
    circle_request = services.ask_to_join(member=UserFactory(), circle=circle)
    with pytest.raises(CircleRefused, match="full"):
        services.place_member(request=circle_request)
    circle_request.refresh_from_db()
    assert circle_request.status == "waiting"
    assert circle.memberships.count() == 2


def test_placing_in_a_closed_circle_is_refused():
    circle = make_circle()
    circle_request = services.ask_to_join(member=UserFactory(), circle=circle)
    services.close_circle(circle=circle)
    with pytest.raises(CircleRefused, match="not open"):
        services.place_member(request=circle_request)
    assert not CircleMembership.objects.exists()


def test_asking_twice_or_when_inside_is_refused():
    member = UserFactory()
    circle = make_circle()
    services.ask_to_join(member=member, circle=circle)
    with pytest.raises(CircleRefused, match="already asked"):
        services.ask_to_join(member=member, circle=circle)
    services.place_member(request=CircleRequest.objects.get())
    with pytest.raises(CircleRefused, match="already in"):
        services.ask_to_join(member=member, circle=circle)


def test_an_answered_request_is_answered_once():
    circle_request = services.ask_to_join(member=UserFactory(), circle=make_circle())
    services.decline_request(request=circle_request)
    with pytest.raises(CircleRefused, match="already been answered"):
        services.place_member(request=circle_request)
    with pytest.raises(CircleRefused, match="no longer waiting"):
        services.withdraw_request(member=circle_request.member, request=circle_request)


def test_leaving_drops_the_circles_follows_only():
    member = UserFactory()
    circle = make_circle(members=[member])
    inside = make_thread(author=member, board=circle.board)
    outside = make_thread(author=member)
    follow_board(member=member, board=circle.board)
    services.leave_circle(member=member, circle=circle)
    assert list(Subscription.objects.filter(member=member).values_list("thread", flat=True)) == [
        outside.pk
    ]
    assert not Subscription.objects.filter(thread=inside, member=member).exists()
    assert not BoardFollow.objects.filter(member=member).exists()
    with pytest.raises(CircleRefused):
        services.leave_circle(member=member, circle=circle)


def test_a_thread_moved_into_or_out_of_a_circle_takes_its_readers():
    circle = make_circle()
    thread = make_thread()
    assert thread.circle is None
    services.move_thread(thread=thread, board=circle.board)
    thread.refresh_from_db()
    assert thread.circle == circle
    services.move_thread(thread=thread, board=BoardFactory())
    thread.refresh_from_db()
    assert thread.circle is None


def test_a_member_placed_in_a_circle_follows_it_and_finds_it_on_a_quiet_home(client):
    member = UserFactory(low_stimulation=True)
    circle = make_circle(members=[UserFactory()])
    make_thread(board=circle.board, title="Slow evenings")
    services.place_member(request=services.ask_to_join(member=member, circle=circle))
    assert BoardFollow.objects.filter(member=member, board=circle.board).exists()
    client.force_login(member)
    assert "Slow evenings" in client.get("/").content.decode()
