"""The crisis box gives one obvious thing to do, with the rest one click away (without
JavaScript too); on a phone it stays short; quiet mode folds it into one "Get help"."""

from playwright.sync_api import expect

from tests.browser.helpers import sign_in, verified_member

PHONE = {"width": 360, "height": 740}


def test_one_thing_to_do_and_the_rest_one_click_away(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    box = page.locator("#crisis-support")
    expect(box.get_by_role("link", name="Call 111")).to_be_visible()
    expect(box.get_by_role("link", name="Text SHOUT to 85258")).to_be_visible()
    expect(box.get_by_role("link", name="call 999")).to_have_attribute("href", "tel:999")
    # On a phone the box is less than a screen, not seven services in a long block.
    assert box.bounding_box()["height"] < PHONE["height"]

    samaritans = box.get_by_role("link", name="Call 116 123")
    expect(samaritans).to_be_hidden()
    box.get_by_text("More ways to get help").click()
    expect(samaritans).to_be_visible()
    expect(samaritans).to_have_attribute("href", "tel:116123")
    context.close()


def test_quiet_mode_folds_the_box_into_get_help(browser, live_server):
    member = verified_member("StillPond")
    member.quiet_mode = True
    member.save()
    context, page = sign_in(browser, live_server, member, javascript=False)
    page.goto(f"{live_server.url}/")
    box = page.locator("#crisis-support")
    primary = box.get_by_role("link", name="Call 111")
    expect(primary).to_be_hidden()
    expect(box.get_by_role("heading", name="Need to talk to someone now?")).to_be_hidden()
    box.get_by_text("Get help", exact=True).click()
    expect(primary).to_be_visible()
    context.close()
