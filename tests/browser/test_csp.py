"""Every page, the admin's included, works under the Content-Security-Policy: nothing is
blocked, nothing logs an error, and each page's policy carries a fresh nonce."""

import re

from allauth.account.models import EmailAddress
from django.conf import settings
from playwright.sync_api import expect

from forum.models import Board
from peersupport.signposting.models import CrisisResource
from tests.browser.a11y_data import build_site, new_page
from tests.factories import make_thread

NEUTRAL_PAGE = "<html><head><title>Weather</title></head><body>Weather</body></html>"

# Registered before any page script runs, so nothing is blocked unseen.
LISTEN_FOR_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}` +
      ` (${event.sourceFile}:${event.lineNumber})`
  );
});
"""


class PolicyWatch:
    """Collects, for one browser context, what the policy blocked, what the console
    reported as an error, and the policy each of our pages was served with."""

    def __init__(self, context, live_server):
        self.live_server = live_server
        self.problems = []
        self.policies = {}
        context.add_init_script(LISTEN_FOR_VIOLATIONS)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.problems.append(f"script: {error.error}"))
        context.on("response", self._response)

    def _console(self, message):
        # The browser asks for a favicon the site does not have; no page asked for it.
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            self.problems.append(f"console: {message.text} ({message.location['url']})")

    def _response(self, response):
        # A redirect has no page, so nothing to put a nonce on.
        ours = response.url.startswith(self.live_server.url) and not 300 <= response.status < 400
        if ours and response.request.resource_type == "document":
            self.policies[response.url] = response

    def visit(self, page, path):
        page.goto(f"{self.live_server.url}{path}")
        self.check_page(page)

    def check_page(self, page):
        page.wait_for_load_state("load")
        for violation in page.evaluate("window.cspViolations"):
            self.problems.append(f"{page.url}: {violation}")

    def assert_clean(self, allowed=None):
        problems = [p for p in self.problems if not (allowed and re.match(allowed, p))]
        assert not problems, "\n".join(problems)
        assert self.policies
        for url, response in self.policies.items():
            policy = response.all_headers()["content-security-policy"]
            assert "unsafe-" not in policy, url
            assert re.search(r"script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'", policy), url


def test_every_page_type_runs_under_the_policy(browser, live_server):
    site = build_site()
    extra_admin_pages = [
        "/admin/",
        f"/admin/accounts/user/{site.people['member'].pk}/change/",
        "/admin/forum/board/add/",
        "/admin/moderation/moderationaction/",
    ]
    visited = 0
    for who, user in site.people.items():
        context, page = new_page(browser, live_server, user)
        watch = PolicyWatch(context, live_server)
        paths = [path for page_who, _name, path in site.pages if page_who == who]
        if who == "admin":
            paths += extra_admin_pages
        for path in paths:
            watch.visit(page, path)
            visited += 1
        # The error pages a visitor and a member meet log their status, nothing else.
        watch.assert_clean(allowed=r"console: Failed to load resource: .* status of 40[34]")
        context.close()
    assert visited >= 30


def test_writing_reacting_and_leaving_under_the_policy(browser, live_server):
    site = build_site()
    board = Board.objects.get(slug="feeling-low")
    thread = make_thread(board=board, title="Another week", body="Still heavy.")
    EmailAddress.objects.create(
        user=site.people["member"], email=site.people["member"].email, verified=True
    )
    context, page = new_page(browser, live_server, site.people["member"])
    watch = PolicyWatch(context, live_server)

    # Preview, then post: both are full-page form posts.
    watch.visit(page, f"/boards/{board.slug}/new/")
    page.get_by_label("Title").fill("Under the policy")
    page.get_by_label("Your message").fill("Some *gentle* words.")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".preview em")).to_have_text("gentle")
    watch.check_page(page)
    page.get_by_role("button", name="Post thread").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Under the policy")
    watch.check_page(page)

    # A reaction goes through htmx, which sends the CSRF token from the form: the
    # cookie is HttpOnly and no script could read it.
    watch.visit(page, f"/threads/{thread.pk}/")
    with page.expect_response(lambda r: "/react/" in r.url) as reaction:
        page.get_by_role("button", name="Hug").click()
    assert reaction.value.status == 200
    assert reaction.value.request.headers.get("hx-request") == "true"
    expect(page.get_by_role("button", name="Hug")).to_have_attribute("aria-pressed", "true")
    watch.check_page(page)

    watch.visit(page, "/settings/")
    watch.visit(page, "/help/")

    # The quick exit's script runs: Shift three times leaves for the neutral site.
    page.route(
        f"{settings.QUICK_EXIT_URL}**",
        lambda route: route.fulfill(body=NEUTRAL_PAGE, content_type="text/html"),
    )
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(re.compile(re.escape(settings.QUICK_EXIT_URL)))
    expect(page).to_have_title("Weather")
    watch.assert_clean()
    context.close()


def test_an_admin_saves_a_change_under_the_policy(browser, live_server, settings):
    settings.REQUIRE_MFA_FOR_STAFF = False
    site = build_site()
    samaritans = CrisisResource.objects.get(name="Samaritans")
    context, page = new_page(browser, live_server, site.people["admin"])
    watch = PolicyWatch(context, live_server)

    watch.visit(page, "/admin/")
    watch.visit(page, "/admin/signposting/crisisresource/")
    page.get_by_role("link", name="Samaritans", exact=True).click()
    watch.check_page(page)
    page.get_by_label("Hours").fill("Every day, all day and night")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Samaritans")
    watch.check_page(page)
    watch.assert_clean()
    context.close()

    samaritans.refresh_from_db()
    assert samaritans.hours == "Every day, all day and night"
