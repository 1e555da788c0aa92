"""A member's first post waits; a peer supporter finds it in their list, is told about it
once it has waited an hour, and replies; the writer hears that a peer supporter has
replied and sees the badge beside their reply."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from forum.models import Thread
from peersupport.accounts.permissions import PEER_SUPPORTERS
from tests.browser.helpers import sign_in, verified_member, verify_email
from tests.factories import BoardFactory
from tests.moderation.case_helpers import in_group

TITLE = "Mornings are hard"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_first_post_is_answered_by_a_peer_supporter(browser, live_server, javascript):
    BoardFactory(name="Feeling low", slug="feeling-low")
    writer = verified_member("MorningMoth")
    peer = verify_email(in_group(PEER_SUPPORTERS, username="GentleHarbour"))
    writer_context, writer_page = sign_in(browser, live_server, writer, javascript)
    peer_context, peer_page = sign_in(browser, live_server, peer, javascript)

    # The member's first post.
    writer_page.goto(f"{live_server.url}/boards/feeling-low/")
    writer_page.get_by_role("link", name="Start a thread").click()
    writer_page.get_by_label("Title").fill(TITLE)
    writer_page.get_by_label("Your message").fill(
        "Is anyone else finding mornings hard? I wake up tired and it takes ages to get going."
    )
    writer_page.get_by_role("button", name="Post thread").click()
    expect(writer_page.get_by_role("heading", level=1)).to_have_text(TITLE)

    # An hour goes by with no reply, and the scheduled run tells the peer supporters.
    Thread.objects.filter(title=TITLE).update(
        created_at=timezone.now() - datetime.timedelta(minutes=65)
    )
    call_command("tell_peer_supporters", stdout=io.StringIO())
    peer_page.goto(f"{live_server.url}/notifications/")
    expect(peer_page.locator(".notification")).to_contain_text("waiting a little while")

    # The peer supporter finds it in their list, oldest first, and replies.
    peer_page.get_by_role("link", name="Waiting for a reply", exact=True).click()
    expect(peer_page.get_by_role("heading", level=1)).to_have_text("Waiting for a first reply")
    waiting = peer_page.locator(".waiting-list .thread-item")
    expect(waiting).to_have_count(1)
    expect(waiting).to_contain_text("waiting for about an hour or two")
    waiting.get_by_role("link", name=TITLE).click()
    peer_page.get_by_role("link", name="Reply to this thread").click()
    peer_page.get_by_label("Your message").fill(
        "Mornings are hard for me too. A glass of water and opening the curtains helps me "
        "a little. Welcome, and take your time."
    )
    peer_page.get_by_role("button", name="Post reply").click()
    reply = peer_page.locator("article.post[data-depth='1']")
    expect(reply.locator(".peer-supporter-badge")).to_have_text("Peer supporter")

    # Answered, the thread leaves the list.
    peer_page.goto(f"{live_server.url}/peer-support/waiting/")
    expect(peer_page.locator(".waiting-list")).to_have_count(0)
    expect(peer_page.get_by_text("Every thread has had a reply for now")).to_be_visible()

    # The writer hears that a peer supporter has replied, and sees the badge.
    writer_page.goto(f"{live_server.url}/")
    writer_page.get_by_role("link", name="Notifications").click()
    notice = writer_page.locator(".notification").first
    expect(notice).to_contain_text("A peer supporter has replied to your thread")
    notice.get_by_role("link", name="read the reply").click()
    answer = writer_page.locator("article.post[data-depth='1']")
    expect(answer.locator(".post-body")).to_contain_text("opening the curtains")
    expect(answer.locator(".peer-supporter-badge")).to_have_text("Peer supporter")
    # Members have no link to the list.
    expect(writer_page.get_by_role("link", name="Waiting for a reply", exact=True)).to_have_count(0)
    writer_context.close()
    peer_context.close()
