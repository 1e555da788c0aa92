"""The "press Shift three times" hint shows only where it is true: with a keyboard and a
mouse, and with the script that listens for the presses. Phones see the button alone."""

from playwright.sync_api import expect

HINT = "or press Shift three times"


def _hint(browser, live_server, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.goto(f"{live_server.url}/help/")
    page.wait_for_load_state("load")
    return context, page.get_by_text(HINT)


def test_a_computer_shows_the_hint(browser, live_server):
    context, hint = _hint(browser, live_server, viewport={"width": 1280, "height": 800})
    expect(hint).to_be_visible()
    context.close()


def test_a_phone_shows_the_button_without_the_hint(browser, live_server):
    context, hint = _hint(
        browser,
        live_server,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    expect(hint).to_be_hidden()
    expect(hint.page.locator("#quick-exit")).to_be_visible()
    context.close()


def test_without_javascript_nothing_promises_the_shortcut(browser, live_server):
    context, hint = _hint(browser, live_server, java_script_enabled=False)
    expect(hint).to_be_hidden()
    context.close()
