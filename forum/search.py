"""Excerpts for search results: the part of each post that matched, its words marked.

Member text is escaped before the marks go in, so the only markup in an excerpt is ours.
Which posts match, and who may find them, is decided in `Post.objects` (models/content.py).
"""

import re
import secrets

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .models import SEARCH_CONFIG, Post

EXCERPT_CHARS = 200


def add_excerpts(posts, query):
    """Give each post on one page of results an `excerpt` (safe HTML); returns them."""
    posts = list(posts)
    if connection.vendor == "postgresql":
        headlines = _headlines([post.pk for post in posts], query)
        for post in posts:
            post.excerpt = headlines[post.pk]
    else:
        for post in posts:
            post.excerpt = plain_excerpt(post.body, query)
    return posts


def _headlines(post_ids, query):
    # Random markers cannot occur in a member's text, so after escaping, the markers are
    # the only thing turned back into markup.
    marker = secrets.token_hex(8)
    start, stop = f"{marker}start", f"{marker}stop"
    headline = SearchHeadline(
        "body",
        SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG),
        config=SEARCH_CONFIG,
        start_sel=start,
        stop_sel=stop,
        min_words=15,
        max_words=35,
    )
    rows = Post.objects.filter(pk__in=post_ids).annotate(headline=headline)
    return {
        pk: mark_safe(escape(text).replace(start, "<mark>").replace(stop, "</mark>"))  # noqa: S308
        for pk, text in rows.values_list("pk", "headline")
    }


def plain_excerpt(text, query):
    """The text around the first place `query` occurs, marked (used where the database
    has no full-text search). A post found by its thread's title shows its beginning."""
    found = re.search(re.escape(query), text, flags=re.IGNORECASE)
    if found is None:
        return escape(Truncator(text).chars(EXCERPT_CHARS))
    start = max(0, found.start() - EXCERPT_CHARS // 2)
    end = max(found.end(), start + EXCERPT_CHARS)
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "…" if start > 0 else "",
        text[start : found.start()],
        found.group(),
        text[found.end() : end],
        "…" if end < len(text) else "",
    )
