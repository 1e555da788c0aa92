"""Joining and the welcome, and coming back after a break: with the keyboard alone,
with and without JavaScript."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from forum.models import BoardFollow
from peersupport.accounts.models import User
from tests.browser.helpers import verified_member
from tests.browser.test_keyboard_journeys import (
    keyboard_sign_in,
    new_page,
    open_page,
    press_and_wait_for_load,
    tab_to,
    type_into,
)
from tests.factories import BoardFactory, UserFactory, make_thread

JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])


def press(page, locator, key="Enter"):
    tab_to(page, locator)
    press_and_wait_for_load(page, key)


@JAVASCRIPT
@override_settings(ACCOUNT_EMAIL_VERIFICATION="optional", PREMODERATION_FIRST_POSTS=3)
def test_joining_and_the_welcome_with_the_keyboard(browser, live_server, javascript):
    low = BoardFactory(name="Feeling low", slug="feeling-low", order=1)
    BoardFactory(name="Introductions", slug="introductions", order=2)
    context, page = new_page(browser, javascript)
    open_page(page, f"{live_server.url}/accounts/signup/")
    type_into(page, page.get_by_role("textbox", name="Pseudonym"), "SteadyKestrel")
    type_into(page, page.get_by_label("Email address"), "steady.kestrel@example.com")
    type_into(page, page.get_by_label("Password*", exact=True), "a long calm password")
    type_into(page, page.get_by_label("Password (again)"), "a long calm password")
    for label in ("I am 13 or over", "I have read and agree to the community guidelines"):
        tab_to(page, page.get_by_label(label))
        page.keyboard.press("Space")
    press(page, page.get_by_role("button", name="Join"))

    # Step 1: how the forum works, greeted kindly rather than "Successfully signed in".
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, SteadyKestrel")
    expect(page.get_by_text("Successfully signed in")).to_have_count(0)
    press(page, page.get_by_role("link", name="Next"))

    # Step 2: boards to follow.
    box = page.get_by_label("Feeling low")
    tab_to(page, box)
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    press(page, page.get_by_role("button", name="Save and go on"))

    # Step 3: quiet mode and content warnings.
    quiet = page.get_by_label("Quiet mode")
    tab_to(page, quiet)
    page.keyboard.press("Space")
    press(page, page.get_by_role("button", name="Save and go on"))

    # Step 4: saying hello, honestly told a moderator reads first posts.
    expect(page.get_by_text("a moderator reads your first 3 posts")).to_be_visible()
    expect(page.get_by_role("link", name="Start a thread in Introductions")).to_have_attribute(
        "href", "/boards/introductions/new/"
    )
    press(page, page.get_by_role("link", name="Go to the forum"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Peer Support")
    expect(page.get_by_text("You are in quiet mode")).to_be_visible()
    joined = User.objects.get(username="SteadyKestrel")
    assert joined.quiet_mode
    assert not joined.welcome_due
    assert list(BoardFollow.objects.filter(member=joined).values_list("board", flat=True)) == [
        low.pk
    ]
    context.close()


@JAVASCRIPT
def test_coming_back_after_a_fifteen_day_break(browser, live_server, javascript):
    board = BoardFactory(name="Feeling low", slug="feeling-low")
    member = verified_member("ReturningWren")
    BoardFollow.objects.create(board=board, member=member)
    make_thread(author=UserFactory(username="KindWillow"), board=board, title="Small wins")
    User.objects.filter(pk=member.pk).update(
        last_seen_on=timezone.localdate() - datetime.timedelta(days=15)
    )
    context, page = keyboard_sign_in(browser, live_server, member, javascript)

    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome back, ReturningWren")
    expect(page.get_by_role("link", name="Small wins")).to_be_visible()
    press(page, page.get_by_role("button", name="Ease back in"))

    expect(page.get_by_text("Quiet mode is on until")).to_be_visible()
    member.refresh_from_db()
    assert member.quiet_mode
    assert member.quiet_mode_until == timezone.localdate() + datetime.timedelta(days=7)
    context.close()
