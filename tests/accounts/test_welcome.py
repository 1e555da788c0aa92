"""The welcome after joining: once, skippable at every step, each step saving."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import override_settings

from forum.models import BoardFollow
from peersupport.accounts.models import User
from tests.factories import PASSWORD, BoardFactory, UserFactory

pytestmark = pytest.mark.django_db

STEPS = ["/welcome/", "/welcome/boards/", "/welcome/comfort/", "/welcome/introduce/"]


def join(client, **changes):
    return client.post(
        "/accounts/signup/",
        {
            "username": "GentleFern21",
            "email": "gentle.fern@example.com",
            "password1": "a long calm password",
            "password2": "a long calm password",
            "age_confirmed": "on",
            "accept_guidelines": "on",
            **changes,
        },
        follow=True,
    )


@override_settings(ACCOUNT_EMAIL_VERIFICATION="optional")
def test_joining_lands_on_the_welcome_once_without_allauths_signed_in_message(client):
    response = join(client)
    assert response.redirect_chain[-1][0] == "/welcome/"
    content = response.content.decode()
    assert "Welcome, GentleFern21" in content
    assert "Successfully signed in" not in content
    assert not User.objects.get(username="GentleFern21").welcome_due

    # Never again: the home page is the home page, and so is signing in again.
    assert client.get("/").status_code == 200
    client.logout()
    again = client.post(
        "/accounts/login/", {"login": "GentleFern21", "password": "a long calm password"}
    )
    assert again["Location"] == "/"


def test_with_email_confirmation_the_first_sign_in_lands_on_the_welcome(client):
    join(client)
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mail.outbox[0].body)
    confirmed = client.post(link.group(1))
    assert confirmed.status_code == 302
    response = client.post(
        "/accounts/login/",
        {"login": "GentleFern21", "password": "a long calm password"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/welcome/"
    assert "Successfully signed in" not in response.content.decode()
    client.logout()
    later = client.post(
        "/accounts/login/", {"login": "GentleFern21", "password": "a long calm password"}
    )
    assert later["Location"] == "/"


def test_a_member_who_joined_before_the_welcome_is_not_sent_to_it(client):
    member = UserFactory(username="OldOak")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    response = client.post("/accounts/login/", {"login": "OldOak", "password": PASSWORD})
    assert response["Location"] == "/"
    assert not User.objects.get(pk=member.pk).welcome_due


def test_a_new_member_who_goes_elsewhere_first_meets_the_welcome_on_the_home_page(client):
    member = UserFactory(welcome_due=True)
    client.force_login(member)
    assert client.get("/")["Location"] == "/welcome/"
    client.get("/welcome/")
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("number", range(len(STEPS)))
def test_every_step_can_be_skipped_gone_back_from_and_the_whole_welcome_left(member_client, number):
    content = member_client.get(STEPS[number]).content.decode()
    assert 'href="/">Skip the welcome</a>' in content
    if number + 1 < len(STEPS):
        assert f'href="{STEPS[number + 1]}">Skip this step</a>' in content
    if number > 0:
        assert f'href="{STEPS[number - 1]}">Back</a>' in content
    assert 'id="crisis-support"' in content
    assert "<title>Welcome" in content


def test_choosing_boards_follows_those_ticked_and_only_those(member_client, member):
    low, calm, school = (BoardFactory(name=name) for name in ("Feeling low", "Calm", "School"))
    BoardFollow.objects.create(board=school, member=member)
    page = member_client.get("/welcome/boards/").content.decode()
    assert f'value="{school.pk}" id="board-{school.pk}" checked' in page
    response = member_client.post("/welcome/boards/", {"boards": [low.pk, calm.pk]})
    assert response["Location"] == "/welcome/comfort/"
    followed = set(BoardFollow.objects.filter(member=member).values_list("board", flat=True))
    assert followed == {low.pk, calm.pk}


def test_quiet_mode_and_content_warnings_are_saved_from_the_welcome(member_client, member):
    response = member_client.post(
        "/welcome/comfort/",
        {"quiet_mode": "on", "warning_self_harm": "hide", "warning_eating": "show"},
    )
    assert response["Location"] == "/welcome/introduce/"
    member.refresh_from_db()
    assert member.quiet_mode
    assert member.warning_preferences["self-harm"] == "hide"
    assert member.warning_preferences["eating"] == "show"
    assert member.warning_preferences["suicide"] == "collapse"


@override_settings(PREMODERATION_FIRST_POSTS=3)
def test_introducing_yourself_says_honestly_that_first_posts_are_read_first(member_client):
    BoardFactory(name="Feeling low", slug="feeling-low", order=1)
    BoardFactory(name="Introductions", slug="introductions", order=5)
    content = member_client.get("/welcome/introduce/").content.decode()
    assert 'href="/boards/introductions/new/"' in content
    assert "a moderator reads your first 3 posts before others see them" in content


@override_settings(PREMODERATION_FIRST_POSTS=0)
def test_without_pre_moderation_nothing_is_said_about_waiting(member_client):
    BoardFactory(name="Feeling low", slug="feeling-low", order=1)
    content = member_client.get("/welcome/introduce/").content.decode()
    # No introductions board: the first board.
    assert 'href="/boards/feeling-low/new/"' in content
    assert "moderator reads" not in content
    assert "waiting for a moderator" not in content


def test_the_welcome_can_be_opened_again_from_settings(member_client):
    assert 'href="/welcome/"' in member_client.get("/settings/").content.decode()
    assert member_client.get("/welcome/").status_code == 200


def test_the_welcome_is_for_members(client):
    for path in STEPS:
        assert client.get(path)["Location"].startswith("/accounts/login/")
