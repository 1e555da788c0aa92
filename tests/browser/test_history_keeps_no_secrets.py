"""On a shared device, the browser's history and tab titles give nothing away: a member
searches, pages through the results and opens a thread, and no address or title in the
tab's history carries the words searched for, the thread's title or its board's name."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import sign_in, verified_member
from tests.factories import BoardFactory, make_reply, make_thread

JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
WORD = "sleepless"


def history(page):
    """Every entry of the tab's history, as the browser's Back list and History show it."""
    session = page.context.new_cdp_session(page)
    entries = session.send("Page.getNavigationHistory")["entries"]
    session.detach()
    return [(entry["url"], entry["title"]) for entry in entries]


@JAVASCRIPT
def test_search_and_reading_leave_no_words_in_history(browser, live_server, javascript):
    board = BoardFactory(name="Feeling low", slug="feeling-low")
    thread = make_thread(board=board, title="Cannot switch off", body="Every night the same")
    for number in range(22):
        make_reply(thread, body=f"Another {WORD} night, number {number}")
    member = verified_member("QuietOtter")
    context, page = sign_in(browser, live_server, member, javascript)

    page.goto(f"{live_server.url}/search/")
    page.get_by_label("Search for").fill(WORD)
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("heading", name="Posts that matched")).to_be_visible()
    expect(page.get_by_label("Search for")).to_have_value(WORD)
    assert page.url == f"{live_server.url}/search/"
    expect(page).to_have_title("Search · Peer Support")

    page.get_by_role("button", name="Next page").click()
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    assert page.url == f"{live_server.url}/search/"

    page.locator(".search-result a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cannot switch off")
    expect(page).to_have_title("A conversation · Peer Support")

    entries = history(page)
    assert len(entries) >= 4
    for url, title in entries:
        for secret in (WORD, "Cannot switch off", "Feeling low", "q="):
            assert secret.lower() not in url.lower(), url
            assert secret.lower() not in title.lower(), title
    context.close()
