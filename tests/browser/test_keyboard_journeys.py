"""Every journey completes with the keyboard alone, with and without JavaScript.

Nothing here clicks or fills: each control is reached with Tab (radio groups with the
arrow keys) and used with Enter, Space or typing. On every page of our own the first
Tab lands on the skip link and the second on the quick exit, and every element that
takes focus on the way must be on screen, not under the sticky quick-exit bar, and
drawn with a visible focus indicator (WCAG 2.4.7 and 2.4.11).
"""

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from forum.models import Post, PostStatus
from moderation.models import CaseReason, Flag
from moderation.services import open_case
from peersupport.accounts.models import User
from peersupport.signposting.models import CrisisResource
from tests.browser.helpers import verified_member
from tests.factories import PASSWORD, BoardFactory, UserFactory, make_reply, make_thread
from tests.moderation.case_helpers import make_moderator

JAVASCRIPT = pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])


def new_page(browser, javascript):
    # Without reduced motion, Bootstrap scrolls smoothly to each newly focused element,
    # and where focus ends up could only be measured after waiting for the animation.
    context = browser.new_context(java_script_enabled=javascript, reduced_motion="reduce")
    return context, context.new_page()


# Where the focused element is, whether something else is drawn over its centre, and
# whether it has a focus indicator. Inline elements that wrap are measured by their
# first line box, whose centre belongs to them. A text field scrolls only its caret
# into view, so the centre is taken of the part of the element inside the viewport.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const box = el.getClientRects()[0] || el.getBoundingClientRect();
  const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, window.innerHeight);
  const left = Math.max(box.left, 0), right = Math.min(box.right, window.innerWidth);
  const onScreen = bottom > top && right > left;
  const x = (left + right) / 2;
  const y = (top + bottom) / 2;
  const hit = onScreen ? document.elementFromPoint(x, y) : null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
  return {
    element: el.outerHTML.slice(0, 160),
    onScreen,
    uncovered: Boolean(hit && (hit === el || el.contains(hit))),
    coveredBy: hit ? hit.outerHTML.slice(0, 120) : `nothing at (${x}, ${y}), scrolled ${scrollY}`,
    indicated: outline || shadow,
  };
}"""


def assert_focus_visible(page):
    state = page.evaluate(FOCUS_STATE)
    if state is None:
        return
    assert state["onScreen"], f"focus is off screen: {state['element']}"
    assert state["uncovered"], f"focus is covered by {state['coveredBy']}: {state['element']}"
    assert state["indicated"], f"focus has no visible indicator: {state['element']}"


def is_focused(locator):
    return locator.evaluate("el => el === document.activeElement")


def tab_to(page, locator, max_presses=200, key="Tab"):
    """Press Tab (or Shift+Tab) until `locator` has focus, checking every stop on the way."""
    for _ in range(max_presses):
        page.keyboard.press(key)
        assert_focus_visible(page)
        if is_focused(locator):
            return
    raise AssertionError(f"{locator} was not reached in {max_presses} presses of Tab")


def quick_exit_comes_first(page):
    """On a freshly loaded page: skip link, then the quick exit."""
    page.keyboard.press("Tab")
    assert is_focused(page.locator(".skip-link")), "the first Tab should reach the skip link"
    assert_focus_visible(page)
    page.keyboard.press("Tab")
    assert is_focused(page.locator("#quick-exit")), "the second Tab should reach the quick exit"
    assert_focus_visible(page)


def open_page(page, url):
    page.goto(url)
    quick_exit_comes_first(page)


def type_into(page, locator, text):
    tab_to(page, locator)
    page.keyboard.type(text)


def press_and_wait_for_load(page, key):
    """Press a key that submits a form or follows a link, then check the new page."""
    with page.expect_navigation():
        page.keyboard.press(key)
    if "#" in page.url:
        # A page that opens at a fragment starts sequential focus there, not at the top.
        fragment_clears_the_quick_exit_bar(page)
    else:
        quick_exit_comes_first(page)


def fragment_clears_the_quick_exit_bar(page):
    """Tab scrolls focus to the middle of the screen, but a link to a fragment scrolls
    its target to the top, where only scroll-padding-top keeps it out from under the bar."""
    target_top, bar_bottom = page.evaluate(
        """() => [
          document.getElementById(location.hash.slice(1)).getBoundingClientRect().top,
          document.querySelector(".quick-exit-bar").getBoundingClientRect().bottom,
        ]"""
    )
    assert target_top >= bar_bottom, f"{page.url} opens under the quick-exit bar"


def keyboard_sign_in(browser, live_server, user, javascript):
    context, page = new_page(browser, javascript)
    open_page(page, f"{live_server.url}/accounts/login/")
    type_into(page, page.get_by_label("Pseudonym or email address"), user.username)
    type_into(page, page.locator("#id_password"), PASSWORD)
    press_and_wait_for_load(page, "Enter")
    expect(page.get_by_role("button", name="Sign out")).to_be_attached()
    return context, page


@JAVASCRIPT
def test_sign_up_with_the_keyboard(browser, live_server, javascript):
    context, page = new_page(browser, javascript)
    open_page(page, f"{live_server.url}/accounts/signup/")

    type_into(page, page.get_by_role("textbox", name="Pseudonym"), "SteadyKestrel")
    type_into(page, page.get_by_label("Email address"), "steady.kestrel@example.com")
    type_into(page, page.get_by_label("Password*", exact=True), "a long calm password")
    type_into(page, page.get_by_label("Password (again)"), "a long calm password")
    for label in ("I am 13 or over", "I have read and agree to the community guidelines"):
        checkbox = page.get_by_label(label)
        tab_to(page, checkbox)
        page.keyboard.press("Space")
        expect(checkbox).to_be_checked()
    join = page.get_by_role("button", name="Join")
    tab_to(page, join)
    # Going back up scrolls the page down under the sticky quick-exit bar: each field
    # must still come to rest below it.
    pseudonym = page.get_by_role("textbox", name="Pseudonym")
    tab_to(page, pseudonym, key="Shift+Tab")
    expect(pseudonym).to_have_value("SteadyKestrel")
    tab_to(page, join)
    press_and_wait_for_load(page, "Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Please confirm your email address")
    joined = User.objects.get(username="SteadyKestrel")
    assert joined.email == "steady.kestrel@example.com"
    assert joined.age_confirmed_at is not None
    assert joined.guidelines_accepted_at is not None
    context.close()


@JAVASCRIPT
def test_start_a_thread_with_a_content_warning(browser, live_server, javascript):
    BoardFactory(name="Feeling low", slug="feeling-low")
    writer = verified_member("QuietLark")
    context, page = keyboard_sign_in(browser, live_server, writer, javascript)

    open_page(page, f"{live_server.url}/boards/feeling-low/")
    tab_to(page, page.get_by_role("link", name="Start a thread"))
    press_and_wait_for_load(page, "Enter")
    type_into(page, page.get_by_label("Title"), "Meals are hard")
    type_into(page, page.get_by_label("Your message"), "Eating feels hard this week.")
    warning = page.get_by_label("Content warning")
    tab_to(page, warning)
    # A closed select changes with the arrow keys, without opening the list.
    while warning.input_value() != "eating":
        page.keyboard.press("ArrowDown")
    tab_to(page, page.get_by_role("button", name="Post thread"))
    press_and_wait_for_load(page, "Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Meals are hard")
    opening = Post.objects.get(thread__title="Meals are hard", depth=0)
    assert opening.content_warning == "eating"
    assert opening.body == "Eating feels hard this week."
    context.close()


@JAVASCRIPT
def test_reply_to_a_reply(browser, live_server, javascript):
    board = BoardFactory(name="Feeling low", slug="feeling-low")
    thread = make_thread(author=UserFactory(username="FirstFern"), board=board, title="Tired")
    reply = make_reply(thread, author=UserFactory(username="SecondWillow"), body="Same here.")
    # Later replies put the new one mid-page, so the thread opens scrolled to it.
    for number in range(6):
        make_reply(thread, body=f"Reply {number}.\n\n" + "Still here with you. " * 40)
    member = verified_member("ThirdHeron")
    context, page = keyboard_sign_in(browser, live_server, member, javascript)

    open_page(page, f"{live_server.url}{thread.get_absolute_url()}")
    tab_to(page, page.locator(f"#post-{reply.pk}").get_by_role("link", name="Reply to this post"))
    press_and_wait_for_load(page, "Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reply to SecondWillow")
    type_into(page, page.get_by_label("Your message"), "Small steps still count.")
    tab_to(page, page.get_by_role("button", name="Post reply"))
    press_and_wait_for_load(page, "Enter")

    answer = page.locator("article.post[data-depth='2'] .post-body")
    expect(answer).to_contain_text("Small steps still count.")
    assert Post.objects.get(body="Small steps still count.").parent == reply
    context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_a_linked_post_opens_below_the_quick_exit_bar(browser, live_server, settings, width):
    # On a phone the bar's hint wraps and the bar is taller than on a desktop.
    settings.PUBLIC_READING = True  # read as a visitor, without signing in first
    thread = make_thread(title="Long")
    replies = [make_reply(thread, body="Still here with you. " * 40) for _ in range(6)]
    context, page = new_page(browser, javascript=False)
    page.set_viewport_size({"width": width, "height": 640})
    page.goto(f"{live_server.url}{replies[2].get_absolute_url()}")
    fragment_clears_the_quick_exit_bar(page)
    context.close()


@JAVASCRIPT
def test_send_a_hug(browser, live_server, javascript):
    thread = make_thread(author=UserFactory(username="FirstFern"), title="A long day")
    member = verified_member("KindOtter")
    context, page = keyboard_sign_in(browser, live_server, member, javascript)

    open_page(page, f"{live_server.url}{thread.get_absolute_url()}")
    post = page.locator(f"#post-{thread.opening_post.pk}")
    tab_to(page, post.get_by_role("button", name="Hug"))
    if javascript:
        # htmx swaps the reactions in place: the page does not reload.
        page.keyboard.press("Enter")
    else:
        press_and_wait_for_load(page, "Enter")

    expect(post.get_by_role("button", name="Hug")).to_have_attribute("aria-pressed", "true")
    assert thread.opening_post.reactions.filter(member=member, kind="hug").exists()
    context.close()


@JAVASCRIPT
def test_flag_a_post(browser, live_server, javascript):
    thread = make_thread(author=UserFactory(username="LoudCrow"), title="Whatever")
    member = verified_member("WatchfulWren")
    context, page = keyboard_sign_in(browser, live_server, member, javascript)

    open_page(page, f"{live_server.url}{thread.get_absolute_url()}")
    post = page.locator(f"#post-{thread.opening_post.pk}")
    tab_to(page, post.get_by_role("link", name="Flag this post for a moderator"))
    press_and_wait_for_load(page, "Enter")
    # Tab enters the radio group on its first option; the arrows move and choose.
    tab_to(page, page.get_by_label("I'm worried about this person's safety"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert_focus_visible(page)
    expect(page.get_by_label("Bullying or unkindness")).to_be_checked()
    note = page.get_by_label("Anything a moderator should know?")
    type_into(page, note, "Unkind to a new member.")
    tab_to(page, page.get_by_role("button", name="Send to a moderator"))
    press_and_wait_for_load(page, "Enter")

    expect(page.locator("[role=status]").first).to_be_visible()
    flag = Flag.objects.get(post=thread.opening_post)
    assert (flag.flagger, flag.reason, flag.note) == (
        member,
        "bullying",
        "Unkind to a new member.",
    )
    context.close()


@JAVASCRIPT
def test_moderate_a_case(browser, live_server, javascript):
    thread = make_thread(author=UserFactory(username="SharpJay"), title="Rough")
    case = open_case(post=thread.opening_post, reasons=[CaseReason.FLAGGED])
    moderator = make_moderator("KindModerator")
    EmailAddress.objects.create(user=moderator, email=moderator.email, verified=True, primary=True)
    context, page = keyboard_sign_in(browser, live_server, moderator, javascript)

    open_page(page, f"{live_server.url}/")
    tab_to(page, page.get_by_role("link", name="Moderation"))
    press_and_wait_for_load(page, "Enter")
    tab_to(page, page.locator(f"[data-case-id='{case.pk}']").get_by_role("link", name="Case"))
    press_and_wait_for_load(page, "Enter")
    tab_to(page, page.get_by_label("Approved / kept"))
    page.keyboard.press("ArrowDown")
    assert_focus_visible(page)
    expect(page.get_by_label("Hidden", exact=True)).to_be_checked()
    type_into(page, page.get_by_label("Reason", exact=True), "it was unkind to another member")
    tab_to(page, page.get_by_role("button", name="Save the decision"))
    press_and_wait_for_load(page, "Enter")

    expect(page.locator("[role=status]").first).to_be_visible()
    thread.opening_post.refresh_from_db()
    assert thread.opening_post.status == PostStatus.HIDDEN
    context.close()


@JAVASCRIPT
def test_admin_changes_crisis_hours(browser, live_server, javascript, settings):
    # Two-factor sign-in for staff has its own tests; this journey is about the form.
    settings.REQUIRE_MFA_FOR_STAFF = False
    admin = UserFactory(username="SiteKeeper", is_staff=True, is_superuser=True)
    EmailAddress.objects.create(user=admin, email=admin.email, verified=True, primary=True)
    samaritans = CrisisResource.objects.get(name="Samaritans")
    context, page = keyboard_sign_in(browser, live_server, admin, javascript)

    # The admin is Django's own and has no quick exit: it is for staff, not members.
    page.goto(f"{live_server.url}/admin/signposting/crisisresource/")
    tab_to(page, page.get_by_role("link", name="Samaritans", exact=True))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    hours = page.get_by_label("Hours")
    tab_to(page, hours)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Every day, 24 hours (checked today)")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".messagelist")).to_contain_text("Samaritans")

    samaritans.refresh_from_db()
    assert samaritans.hours == "Every day, 24 hours (checked today)"
    open_page(page, f"{live_server.url}/")
    expect(page.locator("#crisis-support")).to_contain_text("Every day, 24 hours (checked today)")
    context.close()
