"""A moderator's own moderation record holds notes other moderators wrote candidly about
them: opening it, or adding a note to it, would be judging their own cause. The member
page answers 403 for one's own account; everyone else's stays open to moderators."""

import pytest
from django.test import Client

from moderation.models import StaffNote
from tests.factories import UserFactory
from tests.moderation.case_helpers import make_moderator

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_moderator_cannot_open_their_own_record():
    moderator = make_moderator("CalmHeron")
    StaffNote.objects.create(member=moderator, author=make_moderator("KindWren"), text="Tired")

    response = signed_in(moderator).get("/moderation/members/CalmHeron/")

    assert response.status_code == 403
    assert "Tired" not in response.content.decode()


def test_a_moderator_cannot_add_a_note_about_themselves():
    moderator = make_moderator("CalmHeron")

    response = signed_in(moderator).post("/moderation/members/CalmHeron/", {"text": "All fine"})

    assert response.status_code == 403
    assert not StaffNote.objects.exists()


def test_other_members_records_stay_open_to_moderators():
    UserFactory(username="QuietFern")

    response = signed_in(make_moderator("CalmHeron")).get("/moderation/members/QuietFern/")

    assert response.status_code == 200
