"""Taking a break: every forum page rests behind a gentle page, help stays one click
away, and nothing is emailed or counted until the member comes back."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forum import following
from forum.models import Notification
from peersupport.accounts.services import end_break, take_break
from tests.factories import BoardFactory, UserFactory, make_committed_reply, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(member):
    return make_thread(author=member, board=BoardFactory(slug="talk"), title="My own worries")


@pytest.fixture
def resting(member):
    return take_break(member, length="week")


def forum_pages(thread):
    post = thread.opening_post.pk
    return {
        "home": "/",
        "board": "/boards/talk/",
        "thread": f"/threads/{thread.pk}/",
        "post": f"/posts/{post}/",
        "search": "/search/?q=worries",
        "notifications": "/notifications/",
        "new thread": "/boards/talk/new/",
        "reply": f"/threads/{thread.pk}/reply/",
        "edit": f"/posts/{post}/edit/",
    }


@pytest.mark.parametrize(
    "name",
    ["home", "board", "thread", "post", "search", "notifications", "new thread", "reply", "edit"],
)
def test_every_forum_page_shows_the_break_page(member_client, thread, resting, name):
    response = member_client.get(forum_pages(thread)[name])
    content = response.content.decode()
    assert response.status_code == 200
    assert "<title>Taking a break · Peer Support</title>" in content
    until = timezone.localtime(resting.break_until)
    assert f"You're taking a break until {until:%A} {until.day} {until:%B, %H:%M}" in content
    assert "It's fine to come back early." in content
    assert 'action="/settings/break/end/"' in content and "Come back now</button>" in content
    assert 'href="/settings/break/">Keep my break</a>' in content
    assert "My own worries" not in content


def test_the_break_page_keeps_the_crisis_box_and_help_one_click_away(member_client, resting):
    content = member_client.get("/").content.decode()
    assert 'id="crisis-support"' in content
    assert 'class="get-help" href="/help/">Get help now</a>' in content
    assert 'href="/help/">get help now</a>' in content
    assert 'id="quick-exit"' in content


def test_coming_back_early_opens_the_forum_again(member_client, member, thread, resting):
    response = member_client.post("/settings/break/end/")
    assert response.status_code == 302 and response["Location"] == "/"
    member.refresh_from_db()
    assert member.break_until is None
    page = member_client.get(response["Location"]).content.decode()
    assert "Welcome back" in page and "My own worries" in page


def test_coming_back_is_a_post(member_client, member, resting):
    assert member_client.get("/settings/break/end/").status_code == 405
    member.refresh_from_db()
    assert member.is_on_break()


def test_a_break_that_has_ended_leaves_the_forum_open(member_client, member, thread):
    take_break(member, length="day", now=timezone.now() - datetime.timedelta(days=2))
    assert "My own worries" in member_client.get("/").content.decode()


def test_a_reply_sent_from_a_page_already_open_is_still_taken(member_client, thread, resting):
    response = member_client.post(f"/threads/{thread.pk}/reply/", {"body": "One more thing."})
    assert response.status_code == 302
    assert thread.posts.filter(body="One more thing.").exists()


def test_the_header_offers_a_break_one_click_away(member_client, member):
    assert 'href="/settings/break/">Take a break</a>' in member_client.get("/").content.decode()
    take_break(member, length="day")
    assert 'href="/settings/break/">Your break</a>' in member_client.get("/help/").content.decode()


def _badge_and_counted(client):
    with CaptureQueriesContext(connection) as captured:
        page = client.get("/settings/").content.decode()
    counted = any("forum_notification" in query["sql"] for query in captured)
    return 'class="badge"' in page, counted


def test_notifications_wait_uncounted_and_unemailed_then_resume(member_client, member, thread):
    member.email_on_reply = True
    member.save()
    take_break(member, length="three-days")
    make_committed_reply(thread, body="while away")
    assert Notification.objects.filter(recipient=member).count() == 1  # nothing is lost
    assert mail.outbox == []
    assert _badge_and_counted(member_client) == (False, False)

    end_break(member)
    assert _badge_and_counted(member_client) == (True, True)
    assert "/notifications/read/" in member_client.get("/notifications/").content.decode()
    make_committed_reply(thread, body="after coming back")
    assert len(mail.outbox) == 1


def test_daily_digests_pause_and_then_bring_what_came_meanwhile(member, thread):
    member.email_on_reply = True
    member.quiet_mode = True
    member.save()
    take_break(member, length="day")
    make_committed_reply(thread)
    call_command("send_notification_digests")
    assert mail.outbox == []
    end_break(member)
    make_committed_reply(thread)
    call_command("send_notification_digests")
    assert len(mail.outbox) == 1 and "2 new replies" in mail.outbox[0].body


def test_others_still_hear_of_replies_as_before(client, member, thread):
    other = UserFactory(username="StillAround", email_on_reply=True)
    following.follow_thread(member=other, thread=thread)
    take_break(member, length="week")
    make_committed_reply(thread)
    assert [email.to for email in mail.outbox] == [[other.email]]


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_break_page_costs_fewer_queries_than_the_pages_it_rests(member_client, thread):
    pages = forum_pages(thread)
    usual = {name: _queries(member_client, pages[name]) for name in ("home", "board", "thread")}
    take_break(thread.author, length="week")
    for name, count in usual.items():
        assert _queries(member_client, pages[name]) < count
