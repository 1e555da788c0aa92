"""Markdown rendering keeps members' formatting and nothing a browser could run.

Assertions about markup are made on the parsed output rather than on substrings: escaped
text such as ``&lt;a href="javascript:..."&gt;`` is harmless and legitimately contains
words like ``javascript:``; only real tags and attributes matter.
"""

import unicodedata
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forum.rendering import (
    GUIDE_TAGS,
    is_allowed_link,
    render_guide_markdown,
    render_markdown,
    sanitise_html,
)

# Spelled out here rather than imported, so that widening the allowlist fails a test.
POST_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "a", "hr"}
HEADING_TAGS = {"h2", "h3", "h4"}
ATTRIBUTES_BY_TAG = {"a": {"href", "rel"}, "ol": {"start"}}
LINK_REL = "nofollow ugc noopener"
SAFE_SCHEMES = {"http", "https", "mailto"}
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
FORBIDDEN_TAG_OPENINGS = (
    "<script",
    "<img",
    "<iframe",
    "<svg",
    "<style",
    "<object",
    "<embed",
    "<form",
    "<input",
)


class _ParsedHtml(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, [(attribute, value), ...]) in document order
        self.text_parts = []
        self.other_markup = []  # comments, declarations and processing instructions
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_data(self, data):
        self.text_parts.append(data)

    def handle_comment(self, data):
        self.other_markup.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.other_markup.append(f"<!{decl}>")

    def unknown_decl(self, data):
        self.other_markup.append(f"<![{data}]>")

    def handle_pi(self, data):
        self.other_markup.append(f"<?{data}>")

    @property
    def text(self):
        return "".join(self.text_parts)

    @property
    def tags(self):
        return [tag for tag, _ in self.elements]

    def attributes_of(self, tag):
        return [dict(attrs) for name, attrs in self.elements if name == tag]

    @property
    def hrefs(self):
        return [attrs["href"] for attrs in self.attributes_of("a") if "href" in attrs]


def _squashed(href):
    """The href with every trick a browser or decoder might see through undone."""
    decoded = unquote(href)
    return "".join(
        ch for ch in decoded if not ch.isspace() and unicodedata.category(ch) not in {"Cc", "Cf"}
    ).lower()


def _assert_nothing_executable(html):
    lowered = html.lower()
    for opening in FORBIDDEN_TAG_OPENINGS:
        assert opening not in lowered, f"{opening} in {html!r}"
    parsed = _ParsedHtml(html)
    assert parsed.other_markup == []
    for tag, attrs in parsed.elements:
        for name, value in attrs:
            assert not name.startswith("on"), f"event handler on <{tag}> in {html!r}"
            assert name != "style", f"style attribute on <{tag}> in {html!r}"
            assert not _squashed(value or "").startswith(DANGEROUS_SCHEMES), html
    return parsed


def _assert_well_formed_links(parsed):
    for attrs in parsed.attributes_of("a"):
        assert attrs.get("rel") == LINK_REL


# --- What members may use ------------------------------------------------------------


def test_paragraphs_are_separated_by_blank_lines():
    parsed = _ParsedHtml(render_markdown("First thought.\n\nSecond thought."))
    assert parsed.tags == ["p", "p"]
    assert "First thought." in parsed.text
    assert "Second thought." in parsed.text


def test_a_hard_line_break_becomes_br():
    assert "<br>" in render_markdown("line one  \nline two")


def test_emphasis_and_strong():
    html = render_markdown("I feel *a bit* **better** today")
    assert "<em>a bit</em>" in html
    assert "<strong>better</strong>" in html


def test_bullet_list():
    parsed = _ParsedHtml(render_markdown("- sleep\n- walk\n- talk"))
    assert parsed.tags == ["ul", "li", "li", "li"]


def test_ordered_list_keeps_its_start_number():
    parsed = _ParsedHtml(render_markdown("3. third\n4. fourth"))
    assert parsed.tags == ["ol", "li", "li"]
    assert parsed.attributes_of("ol") == [{"start": "3"}]


def test_ordered_list_from_one_needs_no_start():
    parsed = _ParsedHtml(render_markdown("1. first\n2. second"))
    assert parsed.attributes_of("ol") == [{}]


def test_blockquote():
    parsed = _ParsedHtml(render_markdown("> someone said this"))
    assert parsed.tags == ["blockquote", "p"]
    assert "someone said this" in parsed.text


def test_thematic_break():
    assert _ParsedHtml(render_markdown("above\n\n***\n\nbelow")).tags == ["p", "hr", "p"]


def test_inline_code_shows_html_as_text():
    html = render_markdown("type `<script>alert(1)</script>` to test")
    parsed = _assert_nothing_executable(html)
    assert parsed.tags == ["p", "code"]
    assert "<script>alert(1)</script>" in parsed.text


def test_fenced_code_block_shows_html_as_text():
    html = render_markdown('```html\n<script>alert(1)</script>\n<img src=x onerror="x()">\n```')
    parsed = _assert_nothing_executable(html)
    assert parsed.tags == ["pre", "code"]
    # The info string's language class is not on the allowlist.
    assert parsed.attributes_of("code") == [{}]
    assert '<script>alert(1)</script>\n<img src=x onerror="x()">' in parsed.text


@pytest.mark.parametrize(
    "href",
    [
        "http://example.org/page",
        "https://example.org/page?q=1&r=2#part",
        "HTTPS://Example.org/",
        "mailto:someone@example.org",
    ],
)
def test_safe_links_are_kept_with_rel(href):
    parsed = _ParsedHtml(render_markdown(f"[a helpful page]({href})"))
    assert parsed.attributes_of("a") == [{"href": href, "rel": LINK_REL}]
    assert "a helpful page" in parsed.text


def test_link_title_is_dropped():
    parsed = _ParsedHtml(render_markdown('[page](https://example.org "a title")'))
    assert parsed.attributes_of("a") == [{"href": "https://example.org", "rel": LINK_REL}]


def test_sanitiser_keeps_no_generic_attributes():
    # nh3 allows title and lang on every tag unless told otherwise.
    html = sanitise_html(
        '<p lang="en" title="t">x</p><ol lang="en" start="2"><li title="t">y</li></ol>'
    )
    parsed = _ParsedHtml(html)
    assert parsed.attributes_of("p") == [{}]
    assert parsed.attributes_of("ol") == [{"start": "2"}]
    assert parsed.attributes_of("li") == [{}]


def test_existing_rel_cannot_be_smuggled_in():
    # Raw HTML is escaped before nh3 sees it; this checks nh3 itself replaces rel.
    html = sanitise_html('<a href="https://example.org" rel="opener" target="_blank">x</a>')
    assert _ParsedHtml(html).attributes_of("a") == [
        {"href": "https://example.org", "rel": LINK_REL}
    ]


@pytest.mark.parametrize(
    ("text", "href", "label"),
    [
        ("<https://example.org>", "https://example.org", "https://example.org"),
        ("<mailto:someone@example.org>", "mailto:someone@example.org", None),
        ("<someone@example.org>", "mailto:someone@example.org", "someone@example.org"),
    ],
)
def test_autolinks(text, href, label):
    parsed = _ParsedHtml(render_markdown(text))
    assert parsed.attributes_of("a") == [{"href": href, "rel": LINK_REL}]
    assert (label or href) in parsed.text


def test_guide_pages_allow_h2_to_h4_only():
    parsed = _ParsedHtml(render_guide_markdown("# one\n## two\n### three\n#### four\n##### five"))
    assert parsed.tags == ["h2", "h3", "h4"]
    # Disallowed headings lose the tag, not the words.
    for word in ("one", "two", "three", "four", "five"):
        assert word in parsed.text


def test_posts_allow_no_headings():
    parsed = _ParsedHtml(render_markdown("## Heading"))
    assert parsed.tags == []
    assert "Heading" in parsed.text


# --- The classic XSS classes ---------------------------------------------------------

# (markdown, text that must still be visible)
XSS_CASES = {
    "raw-script": ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    "raw-script-upper-src": (
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    ),
    "raw-script-block": ("<script>\nalert(1)\n</script>\n", "alert(1)"),
    "img-onerror": ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
    "raw-anchor-javascript": ('<a href="javascript:alert(1)">click me</a>', "click me"),
    "raw-iframe": ('<iframe src="https://evil.example"></iframe>', "<iframe"),
    "raw-svg-onload": ("<svg onload=alert(1)>", "<svg onload=alert(1)>"),
    "raw-style": ("<style>body{display:none}</style>", "body{display:none}"),
    "raw-object": ('<object data="evil.swf"></object>', "<object"),
    "raw-embed": ('<embed src="evil.swf">', "<embed"),
    "raw-form-input": (
        '<form action="https://evil.example"><input name="password"></form>',
        '<input name="password">',
    ),
    "raw-style-attribute": (
        '<p style="position:fixed" onclick="alert(1)">styled</p>',
        "styled",
    ),
    "md-javascript": ("[click me](javascript:alert(1))", "click me"),
    "md-javascript-mixed-case": ("[click me](JaVaScRiPt:alert(1))", "click me"),
    "md-javascript-tab-entity": ("[click me](java&#x09;script:alert(1))", "click me"),
    "md-javascript-newline-entity": ("[click me](java&NewLine;script:alert(1))", "click me"),
    "md-javascript-decimal-entity": ("[click me](&#106;avascript:alert(1))", "click me"),
    "md-javascript-hex-entity": ("[click me](&#x6A;avascript:alert(1))", "click me"),
    "md-javascript-colon-entity": ("[click me](javascript&colon;alert(1))", "click me"),
    "md-javascript-escaped-colon": ("[click me](javascript\\:alert(1))", "click me"),
    "md-data-html": (
        "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "click me",
    ),
    # markdown-it lets data:image through for images; links must not inherit that.
    "md-data-image": ("[click me](data:image/png;base64,iVBORw0KGgo=)", "click me"),
    "md-vbscript": ("[click me](vbscript:msgbox)", "click me"),
    "md-file": ("[click me](file:///etc/passwd)", "click me"),
    "md-tab": ("[click me](java\tscript:alert(1))", "click me"),
    "md-zero-width-space": ("[click me](java\u200bscript:alert(1))", "click me"),
    "md-soft-hyphen": ("[click me](java\u00adscript:alert(1))", "click me"),
    "md-byte-order-mark": ("[click me](\ufeffjavascript:alert(1))", "click me"),
    "md-leading-control": ("[click me](\x01javascript:alert(1))", "click me"),
    "md-leading-nbsp": ("[click me](\u00a0javascript:alert(1))", "click me"),
    "md-percent-encoded": ("[click me](%6Aavascript:alert(1))", "click me"),
    "md-percent-encoded-tab": ("[click me](java%09script:alert(1))", "click me"),
    "md-leading-spaces": ("[click me](   javascript:alert(1))", "click me"),
    "md-angle-destination-space": ("[click me](<java script:alert(1)>)", "click me"),
    "md-backslash": ("[click me](java\\script:alert(1))", "click me"),
    "md-reference": ("[click me][1]\n\n[1]: javascript:alert(1)", "click me"),
    "md-reference-entity": ("[click me][1]\n\n[1]: &#106;avascript:alert(1)", "click me"),
    "md-autolink-javascript": ("<javascript:alert(1)>", "alert(1)"),
    "md-autolink-entity": ("<java&#x73;cript:alert(1)>", "alert(1)"),
    "md-href-breakout": ('[click me](https://example.org/"onmouseover="alert(1))', "click me"),
    "md-title-breakout": ('[click me](https://example.org "x" onmouseover="alert(1)")', "click me"),
    "md-image": ("![a calm lake](https://example.org/a.png)", "a calm lake"),
    "md-image-javascript": ("![a calm lake](javascript:alert(1))", "a calm lake"),
    "md-image-onerror-title": (
        '![a calm lake](https://example.org/a.png "x\\" onerror=\\"alert(1)")',
        "a calm lake",
    ),
    "html-comment": ("<!-- hidden note -->", "hidden note"),
    "html-comment-script": ("<!--><script>alert(1)</script>-->", "alert(1)"),
    "cdata": ("<![CDATA[<script>alert(1)</script>]]>", "alert(1)"),
    "details": ("<details open ontoggle=alert(1)><summary>more</summary>x</details>", "<details"),
    "div": ('<div class="x">boxed</div>', '<div class="x">boxed</div>'),
    "code-link-text": ("[`<script>`](javascript:alert(1))", "<script>"),
}


@pytest.mark.parametrize(("text", "survivor"), list(XSS_CASES.values()), ids=list(XSS_CASES.keys()))
def test_xss_attempts_render_inert(text, survivor):
    html = render_markdown(text)
    parsed = _assert_nothing_executable(html)
    assert all(is_allowed_link(href) for href in parsed.hrefs)
    _assert_well_formed_links(parsed)
    assert survivor in parsed.text


@pytest.mark.parametrize(("text", "survivor"), list(XSS_CASES.values()), ids=list(XSS_CASES.keys()))
def test_xss_attempts_render_inert_on_guide_pages(text, survivor):
    parsed = _assert_nothing_executable(render_guide_markdown(text))
    assert survivor in parsed.text


@pytest.mark.parametrize(
    "destination",
    [
        "//evil.example/",
        "/admin/",
        "admin/",
        "../secret",
        "#top",
        "?next=/admin/",
        # These pass is_allowed_link once de-obfuscated, but a browser reads them as
        # relative paths; nh3's url_relative="deny" is what removes them.
        "h%74tps://evil.example/",
        "https%E2%80%8B://evil.example/",
        "http%00://evil.example/",
    ],
)
def test_relative_and_scheme_less_links_lose_their_href(destination):
    parsed = _ParsedHtml(render_markdown(f"[take me there]({destination})"))
    assert parsed.hrefs == []
    assert parsed.tags == ["p", "a"]
    _assert_well_formed_links(parsed)
    assert "take me there" in parsed.text


@pytest.mark.parametrize(
    "raw_html",
    [
        "<script>alert(1)</script>",
        "<style>p{}</style>",
    ],
)
def test_sanitiser_drops_script_and_style_content_entirely(raw_html):
    # Defence in depth behind markdown-it's escaping: the content would be code.
    assert sanitise_html(f"{raw_html}after") == "after"


def test_sanitiser_drops_dangerous_elements_from_raw_html():
    html = sanitise_html(
        '<img src=x onerror=alert(1)><svg><a href="javascript:x">svg link</a></svg>'
        '<iframe src="https://evil.example"></iframe><p style="x" onclick="y">kept</p>'
        '<ol start="2" reversed type="a"><li>item</li></ol>'
    )
    parsed = _assert_nothing_executable(html)
    assert parsed.tags == ["p", "ol", "li"]
    assert parsed.attributes_of("p") == [{}]
    assert parsed.attributes_of("ol") == [{"start": "2"}]


# --- is_allowed_link -----------------------------------------------------------------


@pytest.mark.parametrize(
    "href",
    [
        "http://example.org",
        "https://example.org/path?q=1",
        "HTTP://EXAMPLE.ORG",
        "HtTpS://example.org",
        "mailto:someone@example.org",
        "MAILTO:someone@example.org",
        "  https://example.org",
        "https:example.org",
    ],
)
def test_is_allowed_link_accepts_http_https_mailto(href):
    assert is_allowed_link(href)


@pytest.mark.parametrize(
    "href",
    [
        "",
        " ",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/png;base64,iVBORw0KGgo=",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "ftp://example.org",
        "/admin/",
        "//evil.example",
        "admin/",
        "#top",
        "?q=1",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\u200bscript:alert(1)",
        "java\u00adscript:alert(1)",
        "\ufeffjavascript:alert(1)",
        "\x01javascript:alert(1)",
        "\x00javascript:alert(1)",
        " \t\njavascript:alert(1)",
        "%6Aavascript:alert(1)",
        "%6A%61%76%61%73%63%72%69%70%74:alert(1)",
        "java%09script:alert(1)",
        "java%E2%80%8Bscript:alert(1)",
        "%20javascript:alert(1)",
        "%256Aavascript:alert(1)",
    ],
)
def test_is_allowed_link_rejects_everything_else(href):
    assert not is_allowed_link(href)


# --- Properties over hostile input ---------------------------------------------------

DANGEROUS_FRAGMENTS = [
    "<",
    ">",
    '"',
    "'",
    "script",
    "javascript:",
    "data:",
    "on",
    "=",
    "[",
    "](",
    ")",
    "<a href=",
    "&#",
    "%",
    "\x00",
    "\u200b",
    "\n",
    "\n\n",
    " ",
    "(",
    "`",
    "```",
    "*",
    "!",
    "https://",
    "1. ",
    "> ",
    "- ",
    "## ",
]

fragments = st.one_of(st.text(max_size=12), st.sampled_from(DANGEROUS_FRAGMENTS))
# Whole links are rarely assembled from loose fragments, and link syntax (destinations,
# titles) is where the attribute-bearing output comes from.
markdown_link = st.builds(
    "[{}]({}{})".format,
    st.text(max_size=8),
    st.lists(fragments, max_size=6).map("".join),
    st.sampled_from(["", ' "a title"', " 'a title'", " (a title)", ' "x" onclick="y"']),
)
hostile_text = st.lists(st.one_of(fragments, markdown_link), max_size=40).map("".join)

RENDERERS = [
    pytest.param(render_markdown, POST_TAGS, id="post"),
    pytest.param(render_guide_markdown, POST_TAGS | HEADING_TAGS, id="guide"),
]


def test_guide_allowlist_matches_the_expected_tags():
    assert POST_TAGS | HEADING_TAGS == GUIDE_TAGS


def _assert_only_allowlisted(html, allowed_tags):
    parsed = _ParsedHtml(html)
    assert parsed.other_markup == []
    for tag, attrs in parsed.elements:
        assert tag in allowed_tags, html
        names = [name for name, _ in attrs]
        assert len(names) == len(set(names)), html
        assert set(names) <= ATTRIBUTES_BY_TAG.get(tag, set()), html
        values = dict(attrs)
        if tag == "a":
            assert values.get("rel") == LINK_REL, html
            if "href" in values:
                href = values["href"]
                assert is_allowed_link(href), html
                # The scheme a browser reads from the href as written, not de-obfuscated.
                assert urlsplit(href).scheme in SAFE_SCHEMES, html
        if tag == "ol" and "start" in values:
            assert values["start"].isdigit(), html
    return parsed


@pytest.mark.parametrize(("render", "allowed_tags"), RENDERERS)
@settings(max_examples=300, deadline=None)
@given(text=hostile_text)
def test_output_only_ever_contains_allowlisted_markup(render, allowed_tags, text):
    _assert_only_allowlisted(render(text), allowed_tags)


@pytest.mark.parametrize(("render", "allowed_tags"), RENDERERS)
@settings(max_examples=300, deadline=None)
@given(text=hostile_text)
def test_output_is_a_fixed_point_of_the_sanitiser(render, allowed_tags, text):
    html = render(text)
    resanitised = sanitise_html(html, tags=allowed_tags)
    assert _ParsedHtml(resanitised).elements == _ParsedHtml(html).elements


# --- Any text at all: odd characters, deep nesting, great length ----------------------

# Characters that have broken text pipelines elsewhere: NUL and other controls, bidi
# overrides and marks, invisible ones, lone halves of a UTF-16 pair, and the entities
# and escapes that spell them.
ODD_CHARACTERS = [
    "\x00",
    "\x01",
    "\x08",
    "\x1b",
    "\x7f",
    "\x85",
    "\r",
    "\r\n",
    "\t",
    "\u200b",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202e",
    "\u2066",
    "\u2069",
    "\u2028",
    "\ufeff",
    "\ufffd",
    "\ud800",
    "\udfff",
    "&#0;",
    "&#xD800;",
    "&#55296;",
    "&#x202E;",
    "\\ud800",
    "%00",
    "%ED%A0%80",
]
# Every code point, lone surrogates included.
any_character = st.characters(exclude_categories=())
odd_text = st.lists(
    st.one_of(
        st.text(any_character, max_size=12),
        st.sampled_from(ODD_CHARACTERS),
        fragments,
        markdown_link,
    ),
    max_size=60,
).map("".join)
NESTING_MARKERS = [">", "> ", "- ", "* ", "+ ", "1. ", "> - ", "- > ", "1) ", "    "]


@st.composite
def deeply_nested(draw):
    """Up to 500 levels of quotes or lists: on one line, or one level per line."""
    depth = draw(st.integers(min_value=1, max_value=500))
    marker = draw(st.sampled_from(NESTING_MARKERS))
    inside = draw(odd_text)
    if draw(st.booleans()):
        return marker * depth + inside
    return "".join(f"{'  ' * level}{marker}{inside}\n" for level in range(depth))


@st.composite
def very_long(draw):
    """A fragment repeated to the longest a post may be, and a little over."""
    fragment = draw(odd_text.filter(bool))
    length = draw(st.integers(min_value=5_000, max_value=12_000))
    return (fragment * (length // len(fragment) + 1))[:length]


@pytest.mark.parametrize(("render", "allowed_tags"), RENDERERS)
@settings(max_examples=200, deadline=None)
@given(text=odd_text)
def test_any_text_renders_to_allowlisted_markup(render, allowed_tags, text):
    html = render(text)
    _assert_nothing_executable(html)
    _assert_only_allowlisted(html, allowed_tags)
    # Lone surrogates become U+FFFD: nh3 and PostgreSQL both refuse them.
    assert not any("\ud800" <= ch <= "\udfff" for ch in html)
    assert "\x00" not in html


@settings(max_examples=40, deadline=None)
@given(text=deeply_nested())
def test_deep_nesting_renders_without_crashing(text):
    html = render_markdown(text)
    _assert_nothing_executable(html)
    _assert_only_allowlisted(html, POST_TAGS)


@settings(max_examples=25, deadline=None)
@given(text=very_long())
def test_very_long_text_renders_to_allowlisted_markup(text):
    html = render_markdown(text)
    _assert_nothing_executable(html)
    _assert_only_allowlisted(html, POST_TAGS)


@pytest.mark.parametrize(
    "text",
    [
        "> " * 500 + "deep",
        "".join(f"{'  ' * level}- level {level}\n" for level in range(500)),
        "[" * 10_000,
        "*a" * 5_000,
        "<" * 10_000,
        "\x00" * 10_000,
        "\u202e" * 10_000,
        "\ud800 lone \udfff halves",
    ],
    ids=["quotes", "lists", "brackets", "emphasis", "angles", "nuls", "rtl", "surrogates"],
)
def test_known_hard_shapes_render(text):
    html = render_markdown(text)
    _assert_nothing_executable(html)
    _assert_only_allowlisted(html, POST_TAGS)
