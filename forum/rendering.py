"""Markdown to safe HTML: the one module that owns sanitising.

markdown-it-py renders CommonMark with raw HTML escaped and images off; nh3 then keeps
only a small allowlist. Links keep http, https and mailto only, judged after removing the
whitespace, control and invisible characters that browsers ignore inside a scheme.
"""

import re
import unicodedata
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "a",
    "hr",
}
# Guide pages are written by admins and need structure; members' posts do not.
GUIDE_TAGS = ALLOWED_TAGS | {"h2", "h3", "h4"}
# An empty "*" entry replaces nh3's default generic attributes (title and lang on
# every tag), which would otherwise let Markdown link titles through.
ALLOWED_ATTRIBUTES = {"*": set(), "a": {"href"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"

_markdown = MarkdownIt("commonmark", {"html": False}).disable("image")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def _strip_ignorable(value):
    """Remove what a browser would skip while reading a URL's scheme."""
    return "".join(
        ch for ch in value if not ch.isspace() and unicodedata.category(ch) not in {"Cc", "Cf"}
    )


def is_allowed_link(href):
    """True only when the link names an allowed scheme both as written and as a browser
    might read it once whitespace, invisible characters and %-escapes are removed."""
    for candidate in (href.strip(), _strip_ignorable(unquote(href))):
        match = _SCHEME.match(candidate)
        if not match or match.group(1).lower() not in ALLOWED_SCHEMES:
            return False
    return True


def _filter_attribute(tag, attribute, value):
    if tag == "a" and attribute == "href" and not is_allowed_link(value):
        return None
    return value


def sanitise_html(html, tags=ALLOWED_TAGS):
    return nh3.clean(
        html,
        tags=tags,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=ALLOWED_SCHEMES,
        url_relative="deny",
        link_rel=LINK_REL,
    )


# Half of a UTF-16 pair on its own is not a character: nh3 (and PostgreSQL) refuse it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _markdown_html(text):
    return _markdown.render(_LONE_SURROGATE.sub("\ufffd", text))


def render_markdown(text):
    """Member- or admin-written Markdown as HTML that is safe to show as it is."""
    return sanitise_html(_markdown_html(text))


def render_guide_markdown(text):
    """Admin-written guide pages: the same rules, plus headings."""
    return sanitise_html(_markdown_html(text), tags=GUIDE_TAGS)
