"""Pages for reading: the home page, a board, a thread, and search."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

from peersupport.accounts.welcome import landing_for
from peersupport.signposting.context_processors import viewer_region

from .. import permissions
from ..forms import SearchForm
from ..models import Board, Post, Thread
from ..paging import number_in_address, page_without_count, post_in_thread
from ..search import add_excerpts
from ..thread_pages import (
    SLOTS,
    fill_slots,
    page_of_posts,
    shares_whole_page,
    whole_page_for_visitor,
)
from .breaks import resting_during_break

THREADS_PER_PAGE = 20
HOME_THREADS_PER_LIST = 10
# Low stimulation: lists short enough to take in at a glance, on the home page and boards.
SHORT_LIST = 5
SEARCH_RESULTS_PER_PAGE = 20


def readers_only(view):
    """Visitors are asked to sign in first, unless the deployment opens reading to them.
    They come back to the same path afterwards, without its query: a search's words
    never travel in an address."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not permissions.can_read(request.user):
            return redirect_to_login(request.path)
        return view(request, *args, **kwargs)

    return wrapped


@resting_during_break
def home(request):
    if not permissions.can_read(request.user):
        return render(request, "forum/welcome.html")
    # A new member's welcome, or "welcome back" after a long break, comes first.
    landing = landing_for(request)
    if landing:
        return redirect(landing)
    boards = Board.objects.listed()
    other_boards = Board.objects.none()
    threads = Thread.objects.visible_to(request.user).with_listing().order_by("-last_activity_at")
    # Quiet mode (and low stimulation, which includes it) is for members who can cope
    # with only a few places at a time.
    quiet = request.user.is_authenticated and request.user.is_quiet
    per_list = _threads_per_list(request.user, HOME_THREADS_PER_LIST)
    if quiet:
        other_boards = boards.not_followed_by(request.user)
        boards = boards.followed_by(request.user)
        threads = threads.in_boards_followed_by(request.user)
    return render(
        request,
        "forum/home.html",
        {
            "quiet": quiet,
            "boards": boards,
            "other_boards": other_boards,
            "recent": page_without_count(threads, request.GET, "recent", per_list),
            "unanswered": page_without_count(
                threads.unanswered(), request.GET, "unanswered", per_list
            ),
        },
    )


def _threads_per_list(user, usual):
    return SHORT_LIST if user.is_authenticated and user.low_stimulation else usual


@resting_during_break
@readers_only
def board(request, slug):
    board = get_object_or_404(Board.objects.select_related("circle"), slug=slug)
    permissions.check_can_see_board(request.user, board)
    threads = (
        Thread.objects.visible_to(request.user)
        .filter(board=board)
        .with_listing()
        .order_by("-last_activity_at")
    )
    per_page = _threads_per_list(request.user, THREADS_PER_PAGE)
    page = Paginator(threads, per_page).get_page(request.GET.get("page"))
    is_following = (
        request.user.is_authenticated
        and Board.objects.followed_by(request.user).filter(pk=board.pk).exists()
    )
    return render(
        request, "forum/board.html", {"board": board, "page": page, "is_following": is_following}
    )


@resting_during_break
@readers_only
def thread(request, pk, slug=None):
    if shares_whole_page(request):
        region = viewer_region(request)
        html = whole_page_for_visitor(request, pk, region, lambda: _thread_page(request, pk))
    else:
        html = _thread_page(request, pk)
    return HttpResponse(fill_slots(request, html))


def _thread_page(request, pk):
    """The thread page, with the CSRF token's and CSP nonce's places kept (SLOTS)."""
    thread = get_object_or_404(Thread.objects.for_thread_page(request.user), pk=pk)
    # "?show=<id>" opens one post that the reader's settings hide behind its warning.
    shown = number_in_address(request.GET.get("show"))
    page, posts_html = page_of_posts(request.user, thread, request.GET.get("page"), shown)
    context = {
        "thread": thread,
        "posts_html": posts_html,
        "page": page,
        "can_reply": permissions.can_reply(request.user, thread),
        "can_close": permissions.can_close_thread(request.user, thread),
    }
    return render_to_string("forum/thread.html", {**context, **SLOTS}, request)


@resting_during_break
@readers_only
def post(request, pk):
    """A link to one post (from a notification, search, an email) opens its thread on
    the page that shows it."""
    post = get_object_or_404(Post.objects.readable_by(request.user), pk=pk)
    return redirect(post_in_thread(post, request.user))


@resting_during_break
@readers_only
@never_cache
def search(request):
    # The site's own form and its pages of results are sent by POST, so the words never
    # land in an address: browser history, the address bar's suggestions, server logs.
    # `/search/?q=` still answers, for links made elsewhere.
    data = request.POST if request.method == "POST" else request.GET
    form = SearchForm(data or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page = results = None
    if query:
        posts = Post.objects.searchable_by(request.user).search(query)
        page = Paginator(posts, SEARCH_RESULTS_PER_PAGE).get_page(data.get("page"))
        results = add_excerpts(page.object_list, query)
    return render(
        request,
        "forum/search.html",
        {"form": form, "query": query, "page": page, "results": results},
    )
