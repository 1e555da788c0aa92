"""A member's small circles in their data download, and gone with their account."""

import json

import pytest

from forum import services
from forum.models import Circle, CircleMembership, CircleRequest
from peersupport.accounts.deletion import delete_account
from tests.factories import UserFactory
from tests.forum.circle_helpers import make_circle
from tests.moderation.case_helpers import make_moderator

pytestmark = pytest.mark.django_db


def test_the_download_holds_their_circles_and_requests(member_client, member):
    make_circle(name="Quiet evenings", members=[member])
    services.ask_to_join(member=member, circle=make_circle(name="Exam stress"))
    response = member_client.post("/settings/export/")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert [each["circle"] for each in data["circles"]] == ["Quiet evenings"]
    assert [(each["circle"], each["status"]) for each in data["circle_requests"]] == [
        ("Exam stress", "Waiting for a moderator")
    ]


def test_deleting_the_account_removes_their_places_and_requests(member):
    other = UserFactory()
    circle = make_circle(members=[member, other])
    services.ask_to_join(member=member, circle=make_circle(name="Exam stress"))
    delete_account(member, keep_posts=False)
    assert list(CircleMembership.objects.values_list("member", flat=True)) == [other.pk]
    assert not CircleRequest.objects.exists()
    assert Circle.objects.filter(pk=circle.pk).exists()


def test_a_circle_closes_when_its_moderator_leaves():
    moderator = make_moderator("LeavingOwl")
    circle = make_circle(moderator=moderator)
    delete_account(moderator, keep_posts=True)
    circle.refresh_from_db()
    assert circle.moderator is None and not circle.is_open and circle.board.is_locked
