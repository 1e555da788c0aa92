"""A timestamp to the microsecond in a page's HTML is a fingerprint: matched with a
server log, a screenshot or another site's record, it can tie a pseudonym to a person.
Every time in the HTML says only the minute (a valid `<time datetime>` all the same)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from forum import services
from forum.drafts import Draft
from forum.notifications import notify_member
from tests.security.walker import all_routes, url_for

pytestmark = pytest.mark.django_db

TO_THE_MINUTE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})")
SECONDS = re.compile(r"\d{2}:\d{2}:\d{2}")
PAGES = [route for route in all_routes() if route.name and not route.name.startswith("admin:")]


def times_in(page):
    return re.findall(r'<time datetime="([^"]*)"', page)


@pytest.fixture
def busy_world(world):
    """Something for every kind of <time>: an edited post, a notification."""
    services.edit_post(
        post=world["post"], editor=world["writer"], draft=Draft(body="Some other words")
    )
    notify_member(recipient=world["member"], message="Hello", post=world["post"])
    notify_member(recipient=world["moderator"], message="Hello", post=world["post"])
    return world


@pytest.mark.parametrize("who", ["member", "moderator", "writer"])
def test_every_time_on_every_page_is_to_the_minute(client, busy_world, who):
    client.force_login(busy_world[who])
    urls = [url_for(route, busy_world) for route in PAGES] + ["/search/?q=words"]
    seen = 0
    for url in urls:
        page = client.get(url).content.decode()
        for moment in times_in(page):
            seen += 1
            assert TO_THE_MINUTE.fullmatch(moment), (url, moment)
        assert not SECONDS.search(page), (url, SECONDS.search(page).group())
    assert seen >= 5


def test_no_template_writes_a_time_to_the_second():
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = template.read_text()
        assert "date:'c'" not in text and 'date:"c"' not in text, template
        assert "isoformat" not in text, template
