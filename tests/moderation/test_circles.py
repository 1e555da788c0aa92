"""The moderators' page for small circles: requests oldest first, placing, declining
kindly, assigning a moderator, opening and closing, each with its audit row."""

import datetime

import pytest
from django.utils import timezone

from forum import services as forum_services
from forum.models import CircleMembership, CircleRequest, Notification
from moderation.models import ActionKind, ModerationAction
from moderation.services import CircleDecisionRefused, assign_circle_moderator
from tests.factories import UserFactory
from tests.forum.circle_helpers import make_circle
from tests.moderation.case_helpers import make_lead, make_moderator

pytestmark = pytest.mark.django_db


def ask(circle, username, minutes_ago=0):
    member = UserFactory(username=username)
    circle_request = forum_services.ask_to_join(member=member, circle=circle)
    CircleRequest.objects.filter(pk=circle_request.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )
    return circle_request


def test_the_page_is_for_moderators(member_client):
    assert member_client.get("/moderation/circles/").status_code == 403


def test_requests_wait_oldest_first(moderator_client):
    quiet = make_circle(name="Quiet evenings")
    ask(quiet, "NewerFinch", minutes_ago=5)
    ask(make_circle(name="Exam stress"), "OlderFinch", minutes_ago=50)
    make_circle(name="Nobody waiting")
    page = moderator_client.get("/moderation/circles/").content.decode()
    assert "<title>Small circles" in page
    assert page.index("Exam stress") < page.index("Quiet evenings") < page.index("Nobody waiting")
    assert "OlderFinch" in page and "NewerFinch" in page


def test_placing_a_member_tells_them_and_is_audited(moderator_client, moderator):
    circle = make_circle()
    circle_request = ask(circle, "HopefulWren")
    response = moderator_client.post(
        f"/moderation/circles/requests/{circle_request.pk}/place/", follow=True
    )
    assert "HopefulWren is placed" in response.content.decode()
    assert CircleMembership.objects.filter(circle=circle, member=circle_request.member).exists()
    action = ModerationAction.objects.get(action=ActionKind.CIRCLE_PLACE)
    assert (action.actor, action.member) == (moderator, circle_request.member)
    notice = Notification.objects.get(recipient=circle_request.member)
    assert "placed you in the circle" in notice.message
    assert notice.link == f"/circles/{circle.pk}/"


def test_placing_in_a_full_circle_says_so_and_changes_nothing(moderator_client, settings):
    settings.CIRCLE_SIZE = 1
    circle = make_circle(members=[UserFactory()])
    circle_request = ask(circle, "PatientWren")
    response = moderator_client.post(
        f"/moderation/circles/requests/{circle_request.pk}/place/", follow=True
    )
    assert "This circle is full (1 members)" in response.content.decode()
    assert circle.memberships.count() == 1
    assert not ModerationAction.objects.filter(action=ActionKind.CIRCLE_PLACE).exists()
    assert not Notification.objects.filter(recipient=circle_request.member).exists()


def test_declining_is_kind_and_audited(moderator_client):
    circle_request = ask(make_circle(), "HopefulWren")
    moderator_client.post(f"/moderation/circles/requests/{circle_request.pk}/decline/")
    circle_request.refresh_from_db()
    assert circle_request.status == "declined"
    notice = Notification.objects.get(recipient=circle_request.member)
    assert "not about anything you did" in notice.message
    assert "ask again later" in notice.message
    assert ModerationAction.objects.filter(action=ActionKind.CIRCLE_DECLINE).exists()


def test_only_a_moderator_or_lead_can_be_assigned(moderator_client, moderator):
    circle = forum_services.create_circle(name="Night owls", theme="Late hours.")
    with pytest.raises(CircleDecisionRefused):
        assign_circle_moderator(circle=circle, moderator=moderator, assignee=UserFactory())
    lead = make_lead()
    path = f"/moderation/circles/{circle.pk}/moderator/"
    moderator_client.post(path, {"moderator": lead.username})
    circle.refresh_from_db()
    assert circle.moderator == lead
    action = ModerationAction.objects.get(action=ActionKind.CIRCLE_MODERATOR)
    assert action.after == {"moderator": lead.username}
    # A member is not offered, and not taken if sent anyway.
    someone = UserFactory(username="PlainMember")
    response = moderator_client.post(
        f"/moderation/circles/{circle.pk}/moderator/", {"moderator": someone.username}, follow=True
    )
    assert "Please choose a moderator" in response.content.decode()
    circle.refresh_from_db()
    assert circle.moderator == lead


def test_a_circle_opens_only_with_a_moderator(moderator_client, moderator):
    circle = forum_services.create_circle(name="Night owls", theme="Late hours.")
    response = moderator_client.post(f"/moderation/circles/{circle.pk}/open/", follow=True)
    assert "a circle with no moderator assigned cannot open" in response.content.decode().lower()
    circle.refresh_from_db()
    assert not circle.is_open

    forum_services.assign_circle_moderator(circle=circle, moderator=moderator)
    moderator_client.post(f"/moderation/circles/{circle.pk}/open/")
    circle.refresh_from_db()
    assert circle.is_open and not circle.board.is_locked
    moderator_client.post(f"/moderation/circles/{circle.pk}/close/")
    circle.refresh_from_db()
    assert not circle.is_open and circle.board.is_locked
    assert [row.action for row in ModerationAction.objects.order_by("pk")] == [
        ActionKind.CIRCLE_OPEN,
        ActionKind.CIRCLE_CLOSE,
    ]


def test_members_cannot_place_anyone(member_client):
    circle_request = ask(make_circle(), "HopefulWren")
    response = member_client.post(f"/moderation/circles/requests/{circle_request.pk}/place/")
    assert response.status_code == 403
    assert not CircleMembership.objects.exists()


def test_a_moderator_does_not_place_themself():
    circle = make_circle()
    own = make_moderator("EagerOwl")
    circle_request = forum_services.ask_to_join(member=own, circle=circle)
    from moderation.services import place_member

    with pytest.raises(CircleDecisionRefused):
        place_member(request=circle_request, moderator=own)
