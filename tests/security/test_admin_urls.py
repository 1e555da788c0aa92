"""Every moderation and admin URL, found by walking the URL resolver, as a visitor and
as a member: sent to sign in, or refused, never served, and a POST changes nothing. A new
URL under /moderation/ or /admin/ (a new ModelAdmin's too) is covered automatically.
tests/moderation/test_permissions.py checks what each role may do on the moderation
pages; this checks that no page is left open."""

import pytest

from tests.security.walker import routes_under, snapshot, url_for

pytestmark = pytest.mark.django_db

MODERATION = routes_under("moderation/")
ADMIN = routes_under("admin/")
# The admin's own sign-in page is the one admin address anyone may open.
ADMIN_LOGIN = "admin:login"
POST_DATA = {
    "action": "hide",
    "reason": "trying my luck",
    "text": "a note",
    "username": "PlainMember",
    "body": "new words",
    "name": "changed",
    "post": "yes",  # the admin's delete confirmation
}


def test_the_walk_finds_every_moderation_and_admin_url():
    names = {route.name for route in MODERATION + ADMIN}
    assert {"moderation:queue", "moderation:case", "moderation:appeal", "admin:index"} <= names
    for suffix in ("changelist", "add", "change", "delete", "history"):
        assert f"admin:moderation_case_{suffix}" in names
        assert f"admin:forum_board_{suffix}" in names
    assert len(MODERATION) >= 7 and len(ADMIN) >= 60


def assert_sent_to_sign_in(response, login):
    assert response.status_code == 302, response.status_code
    assert response["Location"].startswith(login), response["Location"]


@pytest.mark.parametrize("route", MODERATION, ids=str)
def test_moderation_urls_are_closed_to_visitors_and_members(client, world, route):
    url = url_for(route, world)
    assert_sent_to_sign_in(client.get(url), "/accounts/login/")
    before = snapshot()
    assert_sent_to_sign_in(client.post(url, POST_DATA), "/accounts/login/")
    assert snapshot() == before

    client.force_login(world["member"])
    response = client.get(url)
    # 403, or 404 for what a member may not know exists (someone else's appeal); 405
    # for an address that only takes a form.
    assert response.status_code in (403, 404, 405)
    page = response.content.decode()
    if response.status_code != 405:
        assert 'id="crisis-support"' in page
    for secret in ("A private note", "Some words", "data-case-id"):
        assert secret not in page
    response = client.post(url, POST_DATA)
    assert response.status_code in (403, 404, 405)
    assert snapshot() == before


@pytest.mark.parametrize("route", [route for route in ADMIN if route.name != ADMIN_LOGIN], ids=str)
def test_admin_urls_send_visitors_and_members_to_the_admin_sign_in(client, world, route):
    url = url_for(route, world)
    # Signing out of the admin without being in it goes to its front page, which then
    # asks for the admin sign-in.
    login = "/admin/" if route.name == "admin:logout" else "/admin/login/"
    before = snapshot()
    for person in (None, world["member"], world["moderator"]):
        if person is not None:
            client.force_login(person)
        assert_sent_to_sign_in(client.get(url), login)
        assert_sent_to_sign_in(client.post(url, POST_DATA), login)
    assert snapshot() == before


def test_the_admin_sign_in_page_shows_a_member_nothing_of_the_admin(client, world):
    client.force_login(world["member"])
    page = client.get("/admin/login/").content.decode()
    assert "PlainMember" in page  # "you are signed in as … without access"
    for secret in ("Site administration", "WriterWren", "changelist"):
        assert secret not in page
