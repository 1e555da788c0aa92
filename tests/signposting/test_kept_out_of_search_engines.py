"""Young people's posts never turn up in a search engine: every response asks not to be
indexed (X-Robots-Tag), and robots.txt turns crawlers away unless a deployment lets
visitors read (PUBLIC_READING), when they may fetch pages only to read that header."""

import pytest
from django.test import Client

from tests.security.conftest import world  # noqa: F401 (a fixture)
from tests.security.walker import all_routes, url_for

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.urls_errors")]

NOINDEX = "noindex, nofollow"
ROUTES = [route for route in all_routes() if not route.route.startswith("test-errors/")]


def test_robots_txt_turns_every_crawler_away(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /" in lines
    assert response["X-Robots-Tag"] == NOINDEX


def test_with_public_reading_crawlers_may_fetch_pages_but_not_index_them(client, settings):
    settings.PUBLIC_READING = True
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /" not in lines
    assert "Disallow:" in lines
    assert client.get("/")["X-Robots-Tag"] == NOINDEX


def test_the_walk_covers_the_reading_pages():
    names = {route.name for route in ROUTES}
    assert {"forum:home", "forum:board", "forum:thread", "forum:post", "forum:search"} <= names
    assert {"accounts:profile", "signposting:help", "signposting:healthz"} <= names


@pytest.mark.slow  # every URL the site has, fetched
def test_every_url_asks_not_to_be_indexed(settings, world):  # noqa: F811
    # One walk over every URL (the world is built once): as a visitor, a member and a
    # moderator, and with reading open to visitors for the pages that depends on.
    visitor = Client()
    member = Client()
    member.force_login(world["member"])
    moderator = Client()
    moderator.force_login(world["moderator"])
    for public_reading in (False, True):
        settings.PUBLIC_READING = public_reading
        for route in ROUTES:
            if public_reading and route.route.startswith("admin/"):
                continue
            url = url_for(route, world)
            responses = [client.get(url) for client in (visitor, member, moderator)]
            responses.append(visitor.post(url, {"q": "words"}))
            for response in responses:
                assert response["X-Robots-Tag"] == NOINDEX, (url, response.status_code)


def test_error_pages_ask_not_to_be_indexed_too(db):
    client = Client(raise_request_exception=False)
    for url in ("/test-errors/400/", "/test-errors/403/", "/test-errors/500/", "/nowhere/"):
        response = client.get(url)
        assert response.status_code >= 400
        assert response["X-Robots-Tag"] == NOINDEX, url


def test_a_redirect_to_https_asks_not_to_be_indexed(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/help/")
    assert response.status_code == 301
    assert response["X-Robots-Tag"] == NOINDEX
