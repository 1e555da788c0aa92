"""axe-core finds nothing on any page type, in light and in dark mode (contrast differs)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.a11y_data import build_site, new_page

# What each page must show, so the scan checks the page it means to (a sign-in page in
# place of the queue would pass axe too).
MUST_SHOW = {
    "thread": ("details.content-warning", "[data-depth='4']", ".reaction[aria-pressed='true']"),
    "search": (".search-result",),
    "notifications": (".notification",),
    "waiting for a first reply": (".waiting-list .thread-item",),
    "held post waiting": ("#crisis-panel",),
    "home in quiet mode": ("#crisis-support details.crisis-fold",),
    "take a break": ("input[name='length']",),
    "thread in low stimulation": ("body.reduced-motion", ".post-warning-hidden"),
    "a forum page during a break": (".on-break", "#crisis-support"),
    "your break": ("form[action='/settings/break/end/']",),
    "queue": tuple(f"[data-priority='{label}']" for label in ("crisis", "high", "medium", "low")),
    "case": ("input[name='action']",),
    "audit log": ("table",),
    "how we moderate: the figures": (".transparency-month table",),
    "where you are signed in": ("table",),
    "leads' page": ("[data-priority='crisis']",),
    "crisis resources": ("#result_list",),
    "welcome: boards to follow": ("input[name='boards']",),
    "welcome back": (".thread-item", "form[action='/welcome-back/ease-back-in/']"),
}
STATUS = {"403": 403, "404": 404}


def _describe(who, name, path, violation):
    lines = [f"{name} ({who}, {path}): {violation['id']} [{violation['impact']}]"]
    for node in violation["nodes"][:5]:
        checks = node["any"] or node["all"] or node["none"]
        lines.append(f"    {' '.join(node['target'])}: {checks[0]['message'] if checks else ''}")
    return "\n".join(lines)


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_every_page_type_has_no_axe_violations(browser, live_server, color_scheme):
    site = build_site()
    axe = Axe()
    problems = []
    scanned = 0
    for who, user in site.people.items():
        context, page = new_page(browser, live_server, user, color_scheme=color_scheme)
        for page_who, name, path in site.pages:
            if page_who != who:
                continue
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == STATUS.get(name, 200), (name, path)
            for selector in MUST_SHOW.get(name, ()):
                assert page.locator(selector).count(), (name, path, selector)
            # Open every folded post and case so what is inside is checked too.
            for summary in page.locator("details:not([open]) > summary").all():
                if summary.is_visible():
                    summary.click()
            violations = axe.run(page).response["violations"]
            problems += [_describe(who, name, path, violation) for violation in violations]
            scanned += 1
        context.close()

    assert scanned == len(site.pages)
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)
