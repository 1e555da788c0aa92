"""A member in crisis is shown help at once; a moderator decides; the member is told."""

import pytest
from playwright.sync_api import expect

from moderation.models import RiskLevel, WatchedPhrase
from tests.browser.helpers import sign_in, verified_member
from tests.factories import BoardFactory
from tests.moderation.case_helpers import make_moderator


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_crisis_post_caring_page_moderator_decides_member_is_told(browser, live_server, javascript):
    # Browser tests start from an empty database: the rule this journey relies on.
    WatchedPhrase.objects.get_or_create(phrase="end it all tonight", level=RiskLevel.CRISIS)
    BoardFactory(name="Feeling low", slug="feeling-low")
    writer = verified_member("HeavyHeart")
    moderator = make_moderator("KindModerator")
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=moderator, email=moderator.email, verified=True, primary=True)
    writer_context, writer_page = sign_in(browser, live_server, writer, javascript)
    moderator_context, moderator_page = sign_in(browser, live_server, moderator, javascript)

    writer_page.goto(f"{live_server.url}/boards/feeling-low/new/")
    writer_page.get_by_label("Title").fill("Tonight")
    writer_page.get_by_label("Your message").fill("I think I will end it all tonight.")
    writer_page.get_by_role("button", name="Post thread").click()
    panel = writer_page.locator("#crisis-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Thank you for telling us")
    expect(panel.get_by_role("link", name="Call 116 123")).to_have_attribute("href", "tel:116123")

    moderator_page.goto(f"{live_server.url}/moderation/")
    entry = moderator_page.locator("[data-priority='crisis']").first
    expect(entry).to_be_visible()
    hidden_text = entry.get_by_text("I think I will end it all tonight.")
    expect(hidden_text).to_be_hidden()
    entry.get_by_text("Show the post (may be distressing)").click()
    expect(hidden_text).to_be_visible()
    entry.get_by_role("link", name="Case").click()
    moderator_page.get_by_label("Hidden", exact=True).check()
    moderator_page.get_by_label("Reason").fill("to keep you safe while we check in")
    moderator_page.get_by_role("button", name="Save the decision").click()
    expect(moderator_page.locator("[role=status]").first).to_be_visible()

    writer_page.goto(f"{live_server.url}/notifications/")
    expect(writer_page.locator(".notification").first).to_contain_text(
        "to keep you safe while we check in"
    )
    writer_context.close()
    moderator_context.close()
