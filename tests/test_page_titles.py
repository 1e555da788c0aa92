"""A browser tab's title and history name the kind of page ("A conversation · Peer
Support"), never what it holds: no thread title, board name, pseudonym or search words
for someone glancing at a shared screen or scrolling the history (WCAG 2.4.2 is still
met: each kind of page says what it is for)."""

import html
import re

import pytest
from django.test import Client

from tests.security.conftest import world  # noqa: F401 (a fixture)
from tests.security.walker import all_routes, url_for

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
SITE = " · Peer Support"
SEARCH_WORDS = "lonely tonight"
# Pages of the Django admin, which only staff use, keep the admin's own titles.
ROUTES = [route for route in all_routes() if not route.route.startswith("admin/")]


def title_of(response):
    match = TITLE.search(response.content.decode())
    assert match, response.request["PATH_INFO"]
    return html.unescape(" ".join(match.group(1).split()))


def private_words(world):  # noqa: F811
    return [
        world["thread"].title,
        world["board"].name,
        world["board"].slug,
        world["writer"].username,
        world["moderator"].username,
        world["member"].username,
        *SEARCH_WORDS.split(),
    ]


def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


def test_the_walk_covers_every_kind_of_reading_page():
    names = {route.name for route in ROUTES}
    assert {"forum:home", "forum:board", "forum:thread", "forum:reply", "forum:new_thread"} <= names
    assert {"accounts:profile", "forum:search", "forum:notifications"} <= names
    assert {"moderation:case", "moderation:member", "accounts:settings"} <= names


def test_no_title_carries_what_the_page_holds(world):  # noqa: F811
    # One walk over every page (the world is built once), as the writer of the thread
    # and as a moderator, who between them reach every kind of page.
    clients = {person: signed_in(world[person]) for person in ("writer", "moderator")}
    leaks = []
    for route in ROUTES:
        url = url_for(route, world)
        for person, client in clients.items():
            response = client.get(url, follow=True)
            if response.status_code == 405 or not response["Content-Type"].startswith("text/html"):
                continue  # a form's target, a liveness probe, robots.txt
            title = title_of(response)
            if not title.endswith(SITE) or any(
                word.lower() in title.lower() for word in private_words(world)
            ):
                leaks.append((url, person, title))
    assert not leaks


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("forum:board", "A board"),
        ("forum:thread", "A conversation"),
        ("forum:reply", "Write a reply"),
        ("forum:reply_to_post", "Write a reply"),
        ("forum:new_thread", "Start a thread"),
        ("accounts:profile", "A member's profile"),
        ("forum:search", "Search"),
        ("accounts:settings", "Your settings"),
        ("moderation:member", "A member's moderation record"),
    ],
)
def test_each_kind_of_page_says_what_it_is(world, name, expected):  # noqa: F811
    route = next(route for route in ROUTES if route.name == name)
    response = signed_in(world["moderator"]).get(url_for(route, world), follow=True)
    assert response.status_code == 200
    assert title_of(response) == expected + SITE


def test_a_search_keeps_its_words_out_of_the_title(world):  # noqa: F811
    client = signed_in(world["member"])
    for response in (
        client.post("/search/", {"q": SEARCH_WORDS}),
        client.get("/search/", {"q": SEARCH_WORDS}),
    ):
        assert response.status_code == 200
        assert title_of(response) == "Search" + SITE
