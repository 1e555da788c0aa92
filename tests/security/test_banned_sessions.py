"""A banned member: the session they opened through the real sign-in form ends at the
ban, and signing in again is turned away with a kind message."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.test import Client

from tests.factories import PASSWORD, UserFactory
from tests.moderation.case_helpers import make_case, make_moderator
from tests.test_wording import assert_kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(db):
    writer = UserFactory(username="BraveFinch")
    EmailAddress.objects.create(user=writer, email=writer.email, verified=True, primary=True)
    return writer


def sign_in(client, writer):
    return client.post("/accounts/login/", {"login": writer.username, "password": PASSWORD})


def test_a_ban_ends_a_session_made_through_the_sign_in_form(writer):
    case = make_case(author=writer)
    browser = Client()
    assert sign_in(browser, writer)["Location"] == "/"
    assert browser.get("/settings/").status_code == 200
    session_key = browser.session.session_key

    moderator = Client()
    moderator.force_login(make_moderator())
    moderator.post(f"/moderation/cases/{case.pk}/", {"action": "ban", "reason": "cruelty"})

    assert not Session.objects.filter(session_key=session_key).exists()
    response = browser.get("/settings/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    response = browser.post(f"/threads/{case.post.thread_id}/reply/", {"body": "still here?"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_banned_member_cannot_sign_in_again_and_is_told_kindly(writer):
    writer.is_active = False
    writer.save()
    browser = Client()
    response = sign_in(browser, writer)
    assert "_auth_user_id" not in browser.session
    if response.status_code == 302:
        response = browser.get(response["Location"])
    assert_kind(response, 200, "A moderator has closed this account")
    assert 'id="crisis-support"' in response.content.decode()
    assert browser.get("/settings/").status_code == 302
