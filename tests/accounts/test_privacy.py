"""Other members see a pseudonym, "member since" and a short bio: nothing else."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory


@pytest.fixture
def other_member(db):
    return UserFactory(
        username="MistyHeron30",
        email="jess.private.address@example.com",
        bio="I like long walks and drawing.",
    )


PAGES_OTHERS_SEE = [
    "/",
    "/help/",
    "/guidelines/",
    "/professionals/",
    "/members/MistyHeron30/",
    "/members/mistyheron30/",
]


@pytest.mark.parametrize("url", PAGES_OTHERS_SEE)
def test_no_email_appears_on_pages_another_member_sees(member_client, other_member, url):
    response = member_client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "jess.private.address" not in content
    assert "@example.com" not in content


def test_a_profile_shows_pseudonym_month_joined_and_bio_only(member_client, other_member):
    content = member_client.get("/members/MistyHeron30/").content.decode()
    assert "MistyHeron30" in content
    assert f"Member since {other_member.date_joined:%B %Y}" in content
    assert "I like long walks and drawing." in content
    assert "last_login" not in content


def test_profiles_are_for_signed_in_members_only(client, other_member):
    response = client.get("/members/MistyHeron30/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_member_sees_their_own_email_only_where_they_manage_it(member_client, member):
    assert member.email not in member_client.get("/settings/").content.decode()
    assert member.email in member_client.get("/accounts/email/").content.decode()


def test_role_groups_exist_from_the_migration(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Moderators", "Safeguarding leads"} <= names


def test_preferences_refuse_bad_input_and_change_nothing(member_client, member):
    response = member_client.post("/settings/", {"region": "mars", "bio": "x" * 281})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Select a valid choice" in content
    assert "at most 280 characters" in content
    member.refresh_from_db()
    assert (member.region, member.bio) == ("uk", "")
