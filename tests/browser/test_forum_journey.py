"""Two members talk in a thread, with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import sign_in, verified_member
from tests.factories import BoardFactory


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_start_reply_to_a_reply_notify_and_react(browser, live_server, javascript):
    BoardFactory(name="Feeling low", slug="feeling-low")
    first = verified_member("FirstFern")
    second = verified_member("SecondWillow")
    first_context, first_page = sign_in(browser, live_server, first, javascript)
    second_context, second_page = sign_in(browser, live_server, second, javascript)

    # The first member starts a thread, then answers themself with a warned post.
    first_page.goto(f"{live_server.url}/boards/feeling-low/")
    first_page.get_by_role("link", name="Start a thread").click()
    first_page.get_by_label("Title").fill("A heavy week")
    first_page.get_by_label("Your message").fill("Everything feels *heavy* this week.")
    first_page.get_by_role("button", name="Post thread").click()
    expect(first_page.get_by_role("heading", level=1)).to_have_text("A heavy week")
    thread_url = first_page.url
    first_page.get_by_role("link", name="Reply to this thread").click()
    first_page.get_by_label("Your message").fill("Some days I skip meals.")
    first_page.get_by_label("Content warning").select_option("eating")
    first_page.get_by_role("button", name="Post reply").click()

    # The second member opens the warned post on request and replies to that reply.
    second_page.goto(thread_url)
    warned = second_page.locator("details.content-warning")
    expect(warned.locator(".post-body")).to_be_hidden()
    warned.locator("summary").click()
    expect(warned.locator(".post-body")).to_contain_text("Some days I skip meals.")
    warned_post = second_page.locator("article.post[data-depth='1']")
    warned_post.get_by_role("link", name="Reply to this post").click()
    second_page.get_by_label("Your message").fill("I hear you. Small steps count.")
    second_page.get_by_role("button", name="Post reply").click()
    expect(second_page.locator("article.post[data-depth='2'] .post-body")).to_contain_text(
        "Small steps count"
    )

    # The first member sees the notification, follows it, and reacts.
    first_page.goto(f"{live_server.url}/")
    first_page.get_by_role("link", name="Notifications").click()
    first_page.get_by_role("link", name="read the reply").first.click()
    answer = first_page.locator("article.post[data-depth='2']")
    expect(answer.locator(".post-body")).to_contain_text("Small steps count")
    answer.get_by_role("button", name="Hug").click()
    expect(
        first_page.locator("article.post[data-depth='2']").get_by_role("button", name="Hug")
    ).to_have_attribute("aria-pressed", "true")
    first_context.close()
    second_context.close()
