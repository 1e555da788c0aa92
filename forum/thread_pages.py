"""A thread's pages of posts, rendered once and shared by every reader who would see the
same markup, until anything in the thread changes.

Reading threads is most of what the forum serves, and rendering a page of posts is most
of what a thread page costs. So a page's posts are rendered once per *thread version*
and *display class*, and kept in the cache:

- Every key holds the thread's version (forum.thread_versions), which every change to
  what a reader of the thread can see replaces: an entry is only ever read for the
  version it was rendered from, so nothing has to be found and deleted.
- A display class is what changes the markup for everyone alike: signed in or not,
  quiet mode, content-warning preferences, and whether the reader may reply. Readers of
  one class share one copy. What differs from reader to reader is filled in on each
  request: which reaction buttons are theirs (pressed), and (`fill_slots`) their CSRF
  token and the page's CSP nonce.
- A reader for whom the shared copy would be wrong has a copy of their own, still keyed
  by the version: one who wrote a post on the page (their edit links, who reacted to
  them), or who muted one of its writers or any words. A moderator, a reader with a
  post in the thread only they can see, or one asking to see a hidden post (`?show=`)
  has the page rendered afresh.

A visitor (when public reading is on) is served a copy of the whole page, kept per
thread version, site version (peersupport.caching: crisis resources, boards, moderation
hours), crisis region, address and minute (the crisis box says when a moderator will next
look).
"""

import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.paginator import Paginator
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from peersupport.accounts.permissions import is_moderator
from peersupport.caching import cached, site_version

from . import permissions
from .models import Post, Reaction
from .paging import LAST_PAGE, posts_per_page
from .reader_choices import muted_ids, prepare_posts
from .thread_versions import thread_version

PAGE_TIMEOUT = 60 * 60
# A visitor's copy names the minute, so it is of no use for longer.
VISITOR_PAGE_TIMEOUT = 2 * 60
# Where each CSRF token and the CSP nonce go in a shared copy (fill_slots).
CSRF_SLOT = "shared-page-csrf-slot"
NONCE_SLOT = "shared-page-nonce-slot"
SLOTS = {"csrf_token": CSRF_SLOT, "CSP_NONCE": NONCE_SLOT}


def fill_slots(request, html):
    """A page rendered with SLOTS, with this request's CSRF token and CSP nonce."""
    return html.replace(CSRF_SLOT, get_token(request)).replace(NONCE_SLOT, str(request.csp_nonce))


def shares_whole_page(request):
    """Whether nothing in a visitor's request can change the page: no session (no sign-in
    under way, no messages kept there), no messages cookie, and nothing in the address
    but the page number."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and set(request.GET) <= {"page"}
        and not request.user.is_authenticated
    )


def whole_page_for_visitor(request, thread_id, region, render_page):
    """A visitor's copy of the whole thread page, rendered by `render_page()` with SLOTS
    when missing (a thread a visitor may not see raises Http404 there, and nothing is
    kept)."""
    minute = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    address = request.get_full_path()
    versions = _fingerprint(thread_version(thread_id), site_version(), minute, region, address)
    return cached(f"forum:thread-visitor:{thread_id}:{versions}", VISITOR_PAGE_TIMEOUT, render_page)


@dataclass
class SharedReader:
    """Any reader of a display class who wrote none of a page's posts and muted nobody
    and nothing: whom a shared copy is rendered for. Stands in for the user."""

    is_authenticated: bool
    quiet_mode: bool = False
    warning_preferences: dict = field(default_factory=dict)
    low_stimulation: bool = False
    pk = None
    muted_words = ""

    @classmethod
    def like(cls, user):
        if not user.is_authenticated:
            return cls(is_authenticated=False)
        return cls(True, user.quiet_mode, user.warning_preferences or {}, user.low_stimulation)


def _fingerprint(*parts):
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def _display_class(reader, can_reply):
    if not reader.is_authenticated:
        return "visitor"
    preferences = sorted((reader.warning_preferences or {}).items())
    fingerprint = _fingerprint(reader.quiet_mode, can_reply, preferences, reader.low_stimulation)
    return f"member:{fingerprint}"


@dataclass
class RenderedPage:
    """What the cache keeps of one page of posts."""

    html: str
    post_ids: list
    author_ids: frozenset


def _render(posts, reader, *, page, can_reply, csrf_token, moderator_view=False):
    return render_to_string(
        "forum/_posts.html",
        {
            "posts": posts,
            "user": reader,
            "page": page,
            "can_reply": can_reply,
            "moderator_view": moderator_view,
            "csrf_token": csrf_token,
        },
    )


def _rendered(page, reader, can_reply, muted=None):
    posts = prepare_posts(list(Post.objects.on_page(page)), reader, muted_author_ids=muted)
    return RenderedPage(
        _render(posts, reader, page=page, can_reply=can_reply, csrf_token=CSRF_SLOT),
        [post.pk for post in posts],
        frozenset(post.author_id for post in posts if post.author_id is not None),
    )


def _page(posts, number, reader, count=None):
    paginator = Paginator(posts, posts_per_page(reader))
    if count is not None:
        paginator.count = count
    return paginator.get_page(paginator.num_pages if number == LAST_PAGE else number)


def page_of_posts(reader, thread, number, shown=None):
    """(page, the posts' HTML, with SLOTS) for page `number` of `thread`, as `reader`
    sees it. `shown` is the post they asked to see whatever their warning settings."""
    can_reply = permissions.can_reply(reader, thread)
    visible = Post.objects.visible_to(reader).filter(thread=thread).in_display_order()
    moderator_view = is_moderator(reader)
    if moderator_view or shown or getattr(thread, "holds_posts_only_reader_sees", False):
        page = _page(visible, number, reader)
        posts = Post.objects.on_page(page)
        if moderator_view:
            posts = posts.prefetch_related("revisions")
        posts = prepare_posts(list(posts), reader, shown)
        html = _render(
            posts,
            reader,
            page=page,
            can_reply=can_reply,
            csrf_token=CSRF_SLOT,
            moderator_view=moderator_view,
        )
        return page, mark_safe(html)  # noqa: S308 (rendered by our own templates)

    version = thread_version(thread.pk)
    count = cached(f"forum:thread-count:{thread.pk}:{version}", PAGE_TIMEOUT, visible.count)
    page = _page(visible, number, reader, count)
    key = f"forum:thread-page:{thread.pk}:{version}:{page.number}"
    shared = SharedReader.like(reader)
    rendered = cached(
        f"{key}:{_display_class(shared, can_reply)}",
        PAGE_TIMEOUT,
        lambda: _rendered(page, shared, can_reply),
    )
    if reader.is_authenticated:
        muted = muted_ids(reader)
        if reader.pk in rendered.author_ids or muted & rendered.author_ids or reader.muted_words:
            own_key = _fingerprint(sorted(muted & rendered.author_ids), reader.muted_words)
            rendered = cached(
                f"{key}:{_display_class(shared, can_reply)}:{reader.pk}:{own_key}",
                PAGE_TIMEOUT,
                lambda: _rendered(page, reader, can_reply, muted),
            )
        else:
            rendered = _with_pressed(rendered, reader)
    return page, mark_safe(rendered.html)  # noqa: S308 (rendered by our own templates)


def _with_pressed(rendered, reader):
    """The shared copy with the reader's own reactions pressed."""
    html = rendered.html
    pressed = Reaction.objects.filter(member=reader, post_id__in=rendered.post_ids)
    for post_id, kind in pressed.values_list("post_id", "kind"):
        button = f'id="react-{post_id}-{kind}" aria-pressed='
        html = html.replace(f'{button}"false"', f'{button}"true"')
    return RenderedPage(html, rendered.post_ids, rendered.author_ids)
