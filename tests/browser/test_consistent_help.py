"""Help is in the same place and order on every page (WCAG 3.2.6 consistent help)."""

from tests.browser.a11y_data import build_site, new_page

CONSISTENT = [
    "home",
    "sign-in",
    "help",
    "404",
    "board",
    "thread",
    "new thread",
    "search",
    "settings",
    "403",
    "queue",
]

# The order the help appears in the page, and where the two always-there controls sit.
LANDMARKS = """() => {
  const parts = [
    document.querySelector(".skip-link"),
    document.getElementById("quick-exit"),
    document.querySelector("header .get-help"),
    document.querySelector("main"),
    document.getElementById("crisis-support"),
  ];
  const follows = (before, after) =>
    before.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING;
  const inOrder = parts.every((part, i) => part && (i === 0 || follows(parts[i - 1], part)));
  const place = (el) => {
    const box = el.getBoundingClientRect();
    return [Math.round(box.x), Math.round(box.y)];
  };
  return {
    inOrder,
    getHelp: place(parts[2]),
    getHelpText: parts[2].textContent.trim(),
    getHelpHref: parts[2].getAttribute("href"),
    quickExit: place(parts[1]),
    crisisBox: place(parts[4])[0],
  };
}"""


def test_help_is_in_the_same_place_and_order_on_every_page(browser, live_server):
    site = build_site()
    seen = {}
    for who, user in site.people.items():
        viewport = {"width": 1280, "height": 800}
        context, page = new_page(browser, live_server, user, viewport=viewport)
        for page_who, name, path in site.pages:
            if page_who == who and name in CONSISTENT:
                page.goto(f"{live_server.url}{path}")
                seen[f"{name} ({who})"] = page.evaluate(LANDMARKS)
        context.close()

    assert len(seen) >= 8
    out_of_order = [page for page, found in seen.items() if not found["inOrder"]]
    assert not out_of_order, f"not skip link, exit, Get help now, main, crisis box: {out_of_order}"
    first = next(iter(seen.values()))
    assert first["getHelpText"] == "Get help now"
    assert first["getHelpHref"] == "/help/"
    for key in ["getHelp", "getHelpText", "getHelpHref", "quickExit", "crisisBox"]:
        places = {page: found[key] for page, found in seen.items()}
        assert len(set(map(str, places.values()))) == 1, f"{key} moves between pages: {places}"
