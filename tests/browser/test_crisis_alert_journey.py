"""A crisis post reaches a person: the on-call safeguarding lead is emailed at once, the
link in the email opens the case on the running site, and the lead's private check-in
reaches the writer, whose answer comes back to the case and to nobody else."""

import re

from django.core import mail
from playwright.sync_api import expect

from moderation.models import RiskLevel, WatchedPhrase
from tests.browser.helpers import sign_in, verified_member, verify_email
from tests.factories import BoardFactory
from tests.moderation.case_helpers import make_lead


def test_a_crisis_post_through_to_the_leads_alert(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    WatchedPhrase.objects.get_or_create(phrase="end it all tonight", level=RiskLevel.CRISIS)
    BoardFactory(name="Feeling low", slug="feeling-low")
    writer = verified_member("HeavyHeart")
    lead = verify_email(make_lead("SteadyOak", email="oak@example.com", on_call=True))
    writer_context, writer_page = sign_in(browser, live_server, writer, True)

    writer_page.goto(f"{live_server.url}/boards/feeling-low/new/")
    writer_page.get_by_label("Title").fill("Tonight")
    writer_page.get_by_label("Your message").fill("I think I will end it all tonight.")
    writer_page.get_by_role("button", name="Post thread").click()
    expect(writer_page.locator("#crisis-panel")).to_be_visible()

    [alert] = mail.outbox
    assert alert.to == [lead.email]
    assert "end it all" not in alert.body
    link = re.search(r"http\S+/moderation/cases/\d+/", alert.body).group()
    assert link.startswith(live_server.url)

    lead_context, lead_page = sign_in(browser, live_server, lead, True)
    lead_page.goto(link)
    expect(lead_page.get_by_text("I think I will end it all tonight.").first).to_be_attached()
    lead_page.goto(f"{live_server.url}/moderation/escalated/")
    expect(lead_page.locator("[data-priority='crisis']")).to_have_count(1)

    lead_page.goto(link)
    lead_page.get_by_label("Your message").fill("We read your post and we are here. Are you safe?")
    lead_page.get_by_role("button", name="Send the check-in").click()
    expect(lead_page.locator("#check-in")).to_contain_text("Are you safe?")

    writer_page.goto(f"{live_server.url}/notifications/")
    writer_page.locator(".notification").first.get_by_role("link").first.click()
    expect(writer_page.get_by_role("heading", name="A message from the moderators")).to_be_visible()
    expect(writer_page.get_by_text("Are you safe?")).to_be_visible()
    writer_page.get_by_label("Your answer").fill("I am at my nan's now. Thank you for asking.")
    writer_page.get_by_role("button", name="Send to the moderators").click()
    expect(writer_page.get_by_text("I am at my nan's now.")).to_be_visible()

    lead_page.goto(link)
    expect(lead_page.locator("#check-in")).to_contain_text("I am at my nan's now.")
    writer_context.close()
    lead_context.close()
