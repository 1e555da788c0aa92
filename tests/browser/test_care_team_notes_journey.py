"""A member keeps a post and writes a note for their care team, then makes a page to
print: on paper the menus, buttons, quick exit and help box are left off, and a line
about where to get help stays."""

import re
from importlib import import_module

import pytest
from django.apps import apps
from playwright.sync_api import expect

from tests.browser.helpers import sign_in, verified_member
from tests.factories import BoardFactory, UserFactory, make_reply, make_thread


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_save_a_post_write_a_note_and_print(browser, live_server, javascript):
    # An earlier transactional test may have flushed the guide pages the migration ships.
    import_module("peersupport.signposting.migrations.0003_guide_pages").load_guide_pages(
        apps, None
    )
    board = BoardFactory(name="Feeling low", slug="feeling-low")
    thread = make_thread(author=UserFactory(username="WriterWren"), board=board)
    reply = make_reply(
        thread, author=UserFactory(username="SharpJay"), body="Nobody likes you, just kys."
    )
    member = verified_member("QuietFern")
    context, page = sign_in(browser, live_server, member, javascript)

    # Saving the post brings the member back to it, with a calm word.
    page.goto(f"{live_server.url}/threads/{thread.pk}/")
    post = page.locator(f"#post-{reply.pk}")
    post.get_by_role("button", name="Save for my care team").click()
    expect(page).to_have_url(re.compile(rf"/threads/{thread.pk}/#post-{reply.pk}$"))
    expect(page.get_by_role("status")).to_contain_text("Saved to your notes for your care team")

    # From settings, a note written with the prompts.
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("link", name="Your notes for your care team").click()
    expect(page.locator(".care-quote")).to_contain_text("Nobody likes you, just kys.")
    expect(page.locator("main")).not_to_contain_text("SharpJay")
    page.get_by_role("link", name="Write a note").click()
    page.get_by_label("What happened").fill("Someone told me to kys under my post.")
    page.get_by_label("How it affected me").fill("I stayed in my room all weekend.")
    page.get_by_label("What I'd like help with").fill("Feeling safe going back online.")
    page.get_by_role("button", name="Save note").click()
    expect(page.get_by_role("status")).to_contain_text("Your note is saved")

    # The page to print, with what the notes' online words mean.
    page.get_by_role("link", name="Make a page to print").click()
    expect(page).to_have_title("A page to print · Peer Support")
    printable = page.locator(".printable")
    expect(printable).to_contain_text("I stayed in my room all weekend.")
    expect(printable).to_contain_text("Nobody likes you, just kys.")
    expect(printable.locator("dt", has_text="KMS / KYS")).to_be_visible()
    expect(printable).to_contain_text("What Peer Support is")

    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-nav", "#quick-exit", "#crisis-support", ".print-intro"):
        expect(page.locator(hidden)).to_be_hidden()
    for button in page.locator("button").all():
        expect(button).to_be_hidden()
    expect(page.locator(".printable-help")).to_be_visible()
    expect(page.locator(".printable-help")).to_contain_text("If you need help now")
    expect(printable).to_be_visible()
    page.emulate_media(media="screen")

    # The same, as a PDF to download.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as PDF").click()
    name = download.value.suggested_filename
    assert re.fullmatch(r"peer-support-notes-\d{4}-\d{2}-\d{2}\.pdf", name)
    context.close()
