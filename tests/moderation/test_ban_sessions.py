"""A ban ends every session the member has open, found through the per-member session
index rather than by reading every session, and whatever the session engine."""

import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.test import Client, override_settings

from peersupport.accounts.sessions import end_sessions
from tests.factories import PASSWORD, UserFactory
from tests.test_wording import HARSH_WORDS, visible_text

from .case_helpers import make_case

pytestmark = pytest.mark.django_db


def sign_in_through_the_form(member):
    EmailAddress.objects.get_or_create(
        user=member, email=member.email, defaults={"verified": True, "primary": True}
    )
    member_client = Client()
    response = member_client.post(
        "/accounts/login/",
        {"login": member.username, "password": PASSWORD},
        REMOTE_ADDR="192.0.2.7",
    )
    assert response.status_code == 302
    assert member_client.get("/settings/").status_code == 200
    return member_client


def ban(moderator, case):
    moderator_client = Client()
    moderator_client.force_login(moderator)
    moderator_client.post(
        f"/moderation/cases/{case.pk}/", {"action": "ban", "reason": "repeated cruelty"}
    )


def test_a_ban_ends_a_session_made_through_the_sign_in_form(moderator):
    writer = UserFactory(username="BraveFinch")
    member_client = sign_in_through_the_form(writer)
    laptop = sign_in_through_the_form(writer)
    assert UserSession.objects.filter(user=writer).count() == 2

    ban(moderator, make_case(author=writer))

    for signed_out in (member_client, laptop):
        response = signed_out.get("/settings/")
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert not UserSession.objects.filter(user=writer).exists()
    assert not any(
        session.get_decoded().get("_auth_user_id") == str(writer.pk)
        for session in Session.objects.all()
    )


@override_settings(SESSION_ENGINE="django.contrib.sessions.backends.cache")
def test_a_ban_ends_sessions_kept_in_the_cache_too(moderator):
    writer = UserFactory(username="BraveFinch")
    member_client = sign_in_through_the_form(writer)
    assert not Session.objects.exists()  # nothing in the table to scan

    ban(moderator, make_case(author=writer))

    assert member_client.get("/settings/").status_code == 302


def test_ending_sessions_reads_only_the_members_own(django_assert_num_queries):
    writer = UserFactory(username="BraveFinch")
    for number in range(5):
        Client().force_login(UserFactory(username=f"Bystander{number}"))
    Client().force_login(writer)
    # One lookup in the index, then for the one session: is it live, find and delete
    # it, and drop it from the index. Others' sessions are never read.
    with django_assert_num_queries(5):
        assert end_sessions(writer) == 1
    assert Session.objects.count() == 5


def test_a_session_that_already_ended_is_not_counted():
    writer = UserFactory(username="BraveFinch")
    member_client = Client()
    member_client.force_login(writer)
    member_client.logout()
    assert end_sessions(writer) == 0
    assert not UserSession.objects.filter(user=writer).exists()


def test_a_member_sees_their_own_sessions_in_kind_words():
    writer = UserFactory(username="BraveFinch")
    member_client = sign_in_through_the_form(writer)
    response = member_client.get("/accounts/sessions/")
    assert response.status_code == 200
    assert not HARSH_WORDS.search(visible_text(response))
