"""Pages of lists whose cost must not grow with the forum.

A thread's pages are fixed-size slices of the posts a reader may see, in display order.
A page has an upper bound however a conversation grows (a reply with 500 answers
spreads over pages instead of landing on one), and any post can be linked to: its page
is worked out for the reader who follows the link.

Home's lists span every thread on the forum, so they are paged without a count.
"""

import math
from dataclasses import dataclass, field

from django.http import QueryDict
from django.urls import reverse

from .models import Post

POSTS_PER_PAGE = 20
# Low stimulation, a member's setting for those easily overwhelmed, keeps pages shorter.
LOW_STIMULATION_POSTS_PER_PAGE = 10
# "?page=last": the thread's last page, whatever its number.
LAST_PAGE = "last"
# The largest number the database counts to (a bigint): no id or offset goes beyond it.
LARGEST_NUMBER = 2**63 - 1


def number_in_address(value):
    """A positive whole number as a link writes it (ASCII digits, no larger than the
    database counts), or None for anything else: a typed "²" or forty nines is a number
    to Python but not one any page or post has."""
    if not (value and value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 0 < number <= LARGEST_NUMBER else None


def posts_per_page(reader):
    """How many posts a page of a thread shows `reader` (a user, or a stand-in for one)."""
    if getattr(reader, "low_stimulation", False):
        return LOW_STIMULATION_POSTS_PER_PAGE
    return POSTS_PER_PAGE


def page_of(post, reader):
    """The page of `post`'s thread that shows it to `reader`."""
    earlier = (
        Post.objects.visible_to(reader).filter(thread_id=post.thread_id, path__lt=post.path).count()
    )
    return earlier // posts_per_page(reader) + 1


def post_in_thread(post, reader):
    """The address of `post` in its thread, on the page where `reader` finds it."""
    page = page_of(post, reader)
    query = f"?page={page}" if page > 1 else ""
    return f"{reverse('forum:thread', args=[post.thread_id])}{query}#post-{post.pk}"


def new_reply_in_thread(post, reader):
    """Where a reply just written shows. One that answers the thread itself sorts after
    every other post (its path ends in the newest id), so it is on the last page, which
    the thread page works out with the count it makes anyway; only a reply to a post
    further up needs counting here."""
    if post.depth != 1:
        return post_in_thread(post, reader)
    return f"{reverse('forum:thread', args=[post.thread_id])}?page={LAST_PAGE}#post-{post.pk}"


@dataclass
class PageWithoutCount:
    """What forum/_pagination.html shows of a page, for a list too long to count on
    every view: there is no "of N", and a next page exists when one row more than a
    page was found."""

    object_list: list
    number: int
    has_next: bool
    # The address's name for the page number (each of home's lists pages on its own),
    # and the address's query (a QueryDict) that the links change it in.
    param: str = "page"
    query: QueryDict = field(default_factory=QueryDict)
    paginator = None

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_other_pages(self):
        return self.has_previous or self.has_next

    @property
    def next_page_number(self):
        return self.number + 1

    @property
    def previous_page_number(self):
        return self.number - 1

    # For {% querystring %}: the other list's page stays as it is.
    @property
    def previous_query(self):
        return self._query_for(self.previous_page_number)

    @property
    def next_query(self):
        return self._query_for(self.next_page_number)

    def _query_for(self, number):
        query = self.query.copy()
        query[self.param] = number
        return query


def page_without_count(queryset, query, param, per_page):
    """The page of an ordered queryset that the address's `query` names under `param`
    (anything that is not a page number means the first). Past the end, as an old link
    can be, the list is counted once to show its last page instead."""
    # A page past the largest offset the database takes is past the end anyway.
    number = min(number_in_address(query.get(param)) or 1, LARGEST_NUMBER // per_page)
    rows = _rows(queryset, number, per_page)
    if not rows and number > 1:
        number = max(math.ceil(queryset.count() / per_page), 1)
        rows = _rows(queryset, number, per_page)
    return PageWithoutCount(
        rows[:per_page], number, has_next=len(rows) > per_page, param=param, query=query
    )


def _rows(queryset, number, per_page):
    """The page's rows, and one more if there is a next page."""
    start = (number - 1) * per_page
    return list(queryset[start : start + per_page + 1])
