"""A member asks to join a small circle, a moderator places them, the member starts a
thread there and sees it, and a member outside the circle cannot find it. Without
JavaScript: every step is a plain link or form."""

from playwright.sync_api import expect

from forum import services
from tests.browser.helpers import sign_in, verified_member, verify_email
from tests.moderation.case_helpers import make_moderator


def test_ask_be_placed_post_and_stay_private(browser, live_server):
    moderator = verify_email(make_moderator("CalmHeron"))
    circle = services.create_circle(name="Quiet evenings", theme="For evenings that feel long.")
    services.assign_circle_moderator(circle=circle, moderator=moderator)
    services.open_circle(circle=circle)
    member = verified_member("HopefulWren")
    outsider = verified_member("PassingFinch")

    # The member finds the circles from the header and asks to join.
    member_context, page = sign_in(browser, live_server, member, javascript=False)
    page.get_by_role("link", name="Circles", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Small circles")
    page.get_by_role("button", name="Ask to join Quiet evenings").click()
    expect(page.get_by_text("You have asked to join this circle.")).to_be_visible()

    # A moderator places them from the moderators' page.
    moderator_context, desk = sign_in(browser, live_server, moderator, javascript=False)
    desk.goto(f"{live_server.url}/moderation/")
    desk.get_by_role("link", name="Small circles").click()
    desk.get_by_role("button", name="Place HopefulWren in Quiet evenings").click()
    expect(desk.get_by_text("HopefulWren is placed in “Quiet evenings”.")).to_be_visible()

    # The member hears of it, goes to the circle and starts a thread there.
    page.goto(f"{live_server.url}/notifications/")
    page.get_by_role("link", name="Go to the circle").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quiet evenings")
    page.get_by_role("link", name="Start a thread").click()
    page.get_by_label("Title").fill("Small things that help")
    page.get_by_label("Your message").fill("A warm drink and a book help me wind down.")
    page.get_by_role("button", name="Post thread").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Small things that help")
    thread_url = page.url
    page.goto(f"{live_server.url}/circles/{circle.pk}/")
    expect(page.get_by_role("link", name="Small things that help")).to_be_visible()

    # Someone outside the circle finds it nowhere: not in lists, search or by address.
    outsider_context, other = sign_in(browser, live_server, outsider, javascript=False)
    other.goto(f"{live_server.url}/")
    expect(other.get_by_text("Small things that help")).to_have_count(0)
    other.goto(f"{live_server.url}/search/?q=book")
    expect(other.get_by_text("Small things that help")).to_have_count(0)
    response = other.goto(thread_url)
    assert response.status == 404
    response = other.goto(f"{live_server.url}/circles/{circle.pk}/")
    assert response.status == 404
    for context in (member_context, moderator_context, outsider_context):
        context.close()
