"""A page opened by a link (prefetched by a browser, opened by someone else at a shared
computer, or followed from another site) must not change anything: opening
/notifications/ used to mark them all read, so a young person could miss a moderator's
message they never saw. Reading changes nothing; "Mark all as read" is a form (POST)."""

import re

import pytest

from forum.models import Notification
from forum.notifications import notify_member
from tests.factories import make_committed_reply
from tests.security.walker import all_routes, snapshot, url_for

pytestmark = pytest.mark.django_db

# The site's own pages. allauth's are left out: its email page files the address a
# member signed up with the first time it is opened, which is allauth's bookkeeping.
MEMBER_PAGES = [
    route
    for route in all_routes()
    if route.name and not route.name.startswith(("admin:", "account_", "mfa_", "usersessions_"))
]


def badge(page):
    found = re.search(r'class="badge">(\d+)<', page)
    return int(found.group(1)) if found else 0


@pytest.fixture
def told(world):
    """The member has a reply and a moderator's message waiting."""
    member = world["member"]
    world["thread"].subscriptions.create(member=member)
    make_committed_reply(world["thread"], author=world["writer"])
    notify_member(recipient=member, message="A moderator looked at your flag.")
    assert Notification.objects.filter(recipient=member, read_at=None).count() == 2
    return member


def test_opening_the_notifications_page_marks_nothing_read(client, told):
    client.force_login(told)
    assert badge(client.get("/").content.decode()) == 2
    for _ in range(2):
        page = client.get("/notifications/").content.decode()
        assert page.count("New: ") == 2
        assert "A moderator looked at your flag." in page
    assert Notification.objects.filter(recipient=told, read_at=None).count() == 2
    assert badge(client.get("/").content.decode()) == 2


def test_the_mark_all_as_read_button_does_and_the_badge_follows(client, told):
    client.force_login(told)
    page = client.get("/notifications/").content.decode()
    assert re.search(r'<form method="post" action="/notifications/read/">', page)
    response = client.post("/notifications/read/")
    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=told, read_at=None).exists()
    assert badge(client.get("/").content.decode()) == 0
    assert "New: " not in client.get("/notifications/").content.decode()


def test_no_page_a_member_opens_changes_anything(client, world, told):
    client.force_login(told)
    before = snapshot()
    for route in MEMBER_PAGES:
        client.get(url_for(route, world))
    assert snapshot() == before
