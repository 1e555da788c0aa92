"""Open redirects: a `next` address pointing away from the site is never followed. Each
view that honours `next` (allauth's sign-in and sign-out, the admin's sign-in, choosing a
region, unmuting) lands on our own site instead."""

from urllib.parse import quote, urlsplit

import pytest
from allauth.account.models import EmailAddress

from forum.models import Mute, MuteDuration
from forum.services import mute_member
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "https:evil.example",
    "http://testserver.evil.example/",
    " https://evil.example/",
]


def assert_lands_on_our_site(response):
    assert response.status_code == 302, response.status_code
    location = response["Location"]
    parts = urlsplit(location)
    assert parts.scheme in ("", "http", "https") and parts.netloc in ("", "testserver")
    # A hostile address may ride along inside our own URL's query (the sign-in page's
    # `next`), where the next view checks it again; it is never where we send them.
    assert location.startswith("/") and not location.startswith(("//", "/\\"))


@pytest.fixture
def member(member):
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    return member


@pytest.mark.parametrize("target", HOSTILE)
def test_signing_in(client, member, target):
    response = client.post(
        f"/accounts/login/?next={quote(target)}",
        {"login": member.username, "password": PASSWORD, "next": target},
    )
    assert_lands_on_our_site(response)
    assert "_auth_user_id" in client.session  # signed in all the same


@pytest.mark.parametrize("target", HOSTILE)
def test_signing_out(member_client, target):
    response = member_client.post(f"/accounts/logout/?next={quote(target)}", {"next": target})
    assert_lands_on_our_site(response)
    assert "_auth_user_id" not in member_client.session


@pytest.mark.parametrize("target", HOSTILE)
def test_the_admin_sign_in(client, admin_user, target):
    # The admin's sign-in sends visitors to ours, carrying `next` along…
    assert_lands_on_our_site(client.get(f"/admin/login/?next={quote(target)}"))
    # …and, once signed in, goes on to `next` only if it is ours.
    client.force_login(admin_user)
    assert_lands_on_our_site(client.get(f"/admin/login/?next={quote(target)}"))


@pytest.mark.parametrize("target", HOSTILE)
def test_choosing_a_region(client, db, target):
    response = client.post("/help/region/", {"region": "scotland", "next": target})
    assert_lands_on_our_site(response)
    assert response.cookies  # the choice is still kept


@pytest.mark.parametrize("target", HOSTILE)
def test_unmuting(member_client, member, target):
    loud = UserFactory(username="LoudLarch")
    mute_member(muter=member, muted=loud, duration=MuteDuration.ALWAYS)
    response = member_client.post("/members/LoudLarch/unmute/", {"next": target})
    assert_lands_on_our_site(response)
    assert not Mute.objects.active().filter(muter=member).exists()


def test_our_own_next_is_still_followed(client, member):
    response = client.post(
        "/accounts/login/", {"login": member.username, "password": PASSWORD, "next": "/help/"}
    )
    assert response["Location"] == "/help/"
