"""A visitor meets a members-only forum: the home page explains the service and offers
joining, help and the guides; what members wrote stays behind sign-in, leaves nothing in
the address bar, and search engines are told to keep away."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import verified_member
from tests.factories import PASSWORD, BoardFactory, make_thread


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_visitor_meets_a_members_only_forum(browser, live_server, javascript):
    board = BoardFactory(name="Feeling low", slug="feeling-low")
    thread = make_thread(board=board, title="My first week back at school", body="It was hard.")
    member = verified_member("GentleFern")
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()

    home = page.goto(f"{live_server.url}/")
    assert home.headers["x-robots-tag"].startswith("noindex")
    expect(page.get_by_role("heading", name="Welcome to Peer Support")).to_be_visible()
    expect(page.locator("#crisis-support")).to_be_visible()
    expect(page.get_by_text("My first week back at school")).to_have_count(0)
    for name in ("Join", "community guidelines", "guide for professionals"):
        expect(page.get_by_role("link", name=name).first).to_be_visible()

    # Help needs no account.
    page.get_by_role("link", name="these free services are there for you").click()
    expect(page).to_have_url(f"{live_server.url}/help/")
    expect(page.get_by_role("link", name="Call 116 123").first).to_be_visible()

    # A thread's address asks for sign-in first, then opens the thread; the title of the
    # page names only its kind.
    page.goto(f"{live_server.url}/threads/{thread.pk}/")
    expect(page.get_by_role("heading", name="Sign in to Peer Support")).to_be_visible()
    expect(page.get_by_text("It was hard.")).to_have_count(0)
    page.get_by_label("Pseudonym or email address").fill(member.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("It was hard.")).to_be_visible()
    assert "My first week" not in page.title()

    robots = page.goto(f"{live_server.url}/robots.txt")
    assert "Disallow: /" in robots.text()
    context.close()
