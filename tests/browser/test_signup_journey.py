"""A young person joins through the real form, sees help, and leaves in a hurry."""

import re

from django.conf import settings
from playwright.sync_api import Page, expect

from peersupport.accounts.models import User

NEUTRAL_PAGE = "<html><head><title>Weather</title></head><body>Weather</body></html>"


def test_signup_shows_help_and_shift_three_times_leaves_the_site(page: Page, live_server):
    # The neutral site is on the internet, which tests must not reach: answer for it.
    exit_url = settings.QUICK_EXIT_URL
    page.route(
        f"{exit_url}**", lambda route: route.fulfill(body=NEUTRAL_PAGE, content_type="text/html")
    )

    page.goto(f"{live_server.url}/accounts/signup/")
    expect(page.locator("#crisis-support")).to_contain_text("Need to talk to someone now?")
    page.get_by_role("textbox", name="Pseudonym").fill("BraveWillow33")
    page.get_by_label("Email address").fill("brave.willow@example.com")
    page.get_by_label("Password*", exact=True).fill("a long calm password")
    page.get_by_label("Password (again)").fill("a long calm password")
    page.get_by_label("I am 13 or over").check()
    page.get_by_label("I have read and agree to the community guidelines").check()
    page.get_by_role("button", name="Join").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your email address")
    assert User.objects.filter(username="BraveWillow33").exists()
    crisis = page.locator("#crisis-support")
    expect(crisis).to_be_visible()
    expect(crisis.get_by_role("link", name="Call 111")).to_have_attribute("href", "tel:111")
    expect(crisis.get_by_role("link", name="Text SHOUT to 85258")).to_have_attribute(
        "href", "sms:85258?body=SHOUT"
    )
    crisis.get_by_text("More ways to get help").click()
    expect(crisis.get_by_role("link", name="Call 116 123")).to_have_attribute("href", "tel:116123")
    left_from = page.url

    # The quick exit listens once the page's script has run; on a busy machine the
    # presses could otherwise come first.
    page.wait_for_load_state("load")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(re.compile(re.escape(exit_url)))
    expect(page).to_have_title("Weather")

    # The exited page was replaced in history: Back does not return to it.
    page.go_back()
    assert page.url != left_from


def test_the_quick_exit_link_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route(
        f"{settings.QUICK_EXIT_URL}**",
        lambda route: route.fulfill(body=NEUTRAL_PAGE, content_type="text/html"),
    )
    page.goto(f"{live_server.url}/help/")
    expect(page.locator("#crisis-support")).to_be_visible()
    page.locator("#quick-exit").click()
    expect(page).to_have_title("Weather")
    context.close()


def ideas(page):
    return page.locator("button[name='pick']").evaluate_all("buttons => buttons.map(b => b.value)")


def test_a_pseudonym_idea_is_chosen_and_others_shown_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_label("Email address").fill("quiet.idea@example.com")
    page.get_by_label("I am 13 or over").check()
    first_ideas = ideas(page)
    assert len(first_ideas) == 3

    for _ in range(3):  # three new ideas from 1,600 could, rarely, be the same three
        page.get_by_role("button", name="Show other ideas").click()
        if ideas(page) != first_ideas:
            break
    assert ideas(page) != first_ideas
    expect(page.get_by_label("Email address")).to_have_value("quiet.idea@example.com")
    expect(page.get_by_label("I am 13 or over")).to_be_checked()

    idea = ideas(page)[0]
    page.get_by_role("button", name=f"Use {idea}").click()
    expect(page.get_by_role("textbox", name="Pseudonym")).to_have_value(idea)
    expect(page.get_by_label("Email address")).to_have_value("quiet.idea@example.com")
    page.get_by_label("Password*", exact=True).fill("a long calm password")
    page.get_by_label("Password (again)").fill("a long calm password")
    page.get_by_label("I have read and agree to the community guidelines").check()
    page.get_by_role("button", name="Join", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your email address")
    assert User.objects.filter(username=idea).exists()
    context.close()


def test_with_javascript_a_chosen_idea_fills_the_box_in_place(page: Page, live_server):
    page.goto(f"{live_server.url}/accounts/signup/")
    page.wait_for_load_state("load")
    page.get_by_label("Email address").fill("quiet.idea@example.com")
    page.evaluate("window.stayedOnThePage = true")
    idea = ideas(page)[1]
    page.get_by_role("button", name=f"Use {idea}").click()

    box = page.get_by_role("textbox", name="Pseudonym")
    expect(box).to_have_value(idea)
    expect(box).to_be_focused()
    expect(page.locator("[data-idea-status]")).to_have_text(f"{idea} is now in the pseudonym box.")
    assert page.evaluate("window.stayedOnThePage === true")

    # Other ideas still come from the server, keeping what was typed.
    page.get_by_role("button", name="Show other ideas").click()
    expect(page.get_by_label("Email address")).to_have_value("quiet.idea@example.com")
    expect(box).to_have_value(idea)
