"""At 320 CSS px wide nothing scrolls sideways and every target can be hit (WCAG 1.4.10
reflow and 2.5.8 target size, minimum)."""

from tests.browser.a11y_data import build_site, new_page

SAMPLE = [
    *("home", "thread", "new thread", "queue", "case", "audit log", "help"),
    "how we moderate: the figures",
]

# Every visible target smaller than 24x24 CSS px that has no spacing exception (WCAG 2.5.8:
# a 24 px circle on its centre touches no other target nor another small one's circle).
# Links inside a run of text (a sentence in a p, li, td or dd with words around the link)
# are exempt under 2.5.8's "inline" exception; a link alone in its list item is not.
UNDERSIZED_TARGETS = """() => {
  const selector = "a[href], button, input:not([type=hidden]), select, summary, textarea, "
    + "label[for]";
  const isInline = (el) => {
    if (el.tagName !== "A") return false;
    const run = el.parentElement.closest("p, li, td, dd");
    if (!run) return false;
    return run.textContent.trim().length > el.textContent.trim().length;
  };
  const targets = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.tagName === "LABEL") {
      const field = document.getElementById(el.htmlFor);
      if (!field || !["checkbox", "radio"].includes(field.type)) continue;
    }
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    // Visually hidden text (1 px, clipped) and folded content are not targets.
    if (box.width <= 1 || box.height <= 1 || style.visibility === "hidden") continue;
    if (el.closest(".visually-hidden")) continue;
    targets.push({el, box, small: box.width < 24 || box.height < 24, inline: isInline(el)});
  }
  const centre = (b) => [b.x + b.width / 2, b.y + b.height / 2];
  const distanceToBox = ([x, y], b) => Math.hypot(
    Math.max(b.left - x, 0, x - b.right), Math.max(b.top - y, 0, y - b.bottom));
  const problems = [];
  for (const target of targets) {
    if (!target.small || target.inline) continue;
    const c = centre(target.box);
    const crowded = targets.some((other) => other !== target && (
      distanceToBox(c, other.box) < 12
      || (other.small && Math.hypot(c[0] - centre(other.box)[0], c[1] - centre(other.box)[1]) < 24)
    ));
    if (crowded) {
      const label = (target.el.textContent || target.el.name || target.el.id).trim().slice(0, 40);
      problems.push(`${target.el.tagName.toLowerCase()} "${label}" `
        + `${Math.round(target.box.width)}x${Math.round(target.box.height)}`);
    }
  }
  return problems;
}"""


# The innermost elements that reach past the right edge: what makes the page scroll.
TOO_WIDE = """() => [...document.querySelectorAll("body *")]
  .filter((el) => el.getBoundingClientRect().right > 321
    && ![...el.children].some((child) => child.getBoundingClientRect().right > 321))
  .slice(0, 3)
  .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}"`
    + ` ends at ${Math.round(el.getBoundingClientRect().right)}px`)"""


def test_narrow_screens_do_not_scroll_sideways_and_targets_are_big_enough(browser, live_server):
    site = build_site()
    problems = []
    for who, user in site.people.items():
        context, page = new_page(browser, live_server, user, viewport={"width": 320, "height": 640})
        for page_who, name, path in site.pages:
            if page_who != who or name not in SAMPLE:
                continue
            page.goto(f"{live_server.url}{path}")
            for summary in page.locator("details:not([open]) > summary").all():
                if summary.is_visible():
                    summary.click()
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                problems.append(f"{name} ({path}) is {width}px wide: {page.evaluate(TOO_WIDE)}")
            problems += [
                f"{name} ({path}): {target}" for target in page.evaluate(UNDERSIZED_TARGETS)
            ]
        context.close()
    assert not problems, "\n".join(problems)
