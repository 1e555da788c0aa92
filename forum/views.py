from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from peersupport.accounts.permissions import is_moderator

from . import following, permissions, services
from .display import prepare_posts, reaction_choices
from .forms import MuteForm, PostForm, ReactionForm, SearchForm, ThreadForm
from .models import Board, Notification, Post, Subscription, Thread
from .rendering import render_markdown
from .search import add_excerpts

THREADS_PER_PAGE = 20
SEARCH_RESULTS_PER_PAGE = 20
REPLIES_PER_PAGE = 20
NOTIFICATIONS_PER_PAGE = 20


def home(request):
    boards = Board.objects.listed()
    other_boards = Board.objects.none()
    threads = Thread.objects.visible_to(request.user).with_listing().order_by("-last_activity_at")
    # Quiet mode is for members who can cope with only a few places at a time.
    quiet = request.user.is_authenticated and request.user.quiet_mode
    if quiet:
        other_boards = boards.exclude(follows__member=request.user)
        boards = boards.filter(follows__member=request.user)
        threads = threads.filter(board__follows__member=request.user)
    return render(
        request,
        "forum/home.html",
        {
            "quiet": quiet,
            "boards": boards,
            "other_boards": other_boards,
            "recent": Paginator(threads, 10).get_page(request.GET.get("recent")),
            "unanswered": Paginator(threads.unanswered(), 10).get_page(
                request.GET.get("unanswered")
            ),
        },
    )


def board(request, slug):
    board = get_object_or_404(Board, slug=slug)
    threads = (
        Thread.objects.visible_to(request.user)
        .filter(board=board)
        .with_listing()
        .order_by("-last_activity_at")
    )
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    is_following = (
        request.user.is_authenticated and request.user.board_follows.filter(board=board).exists()
    )
    return render(
        request, "forum/board.html", {"board": board, "page": page, "is_following": is_following}
    )


def thread(request, pk, slug=None):
    threads = Thread.objects.visible_to(request.user).with_listing()
    if request.user.is_authenticated:
        # Fetched with the thread, so the follow button costs no query of its own.
        threads = threads.annotate(
            is_following=Exists(
                Subscription.objects.filter(thread=OuterRef("pk"), member=request.user)
            )
        )
    thread = get_object_or_404(threads, pk=pk)
    visible = Post.objects.visible_to(request.user).filter(thread=thread)
    # Paginate by top-level reply; each page carries those replies' whole subtrees.
    branch_ids = visible.filter(depth=1).in_display_order().values_list("pk", flat=True)
    page = Paginator(branch_ids, REPLIES_PER_PAGE).get_page(request.GET.get("page"))
    on_page = Q(branch_id__in=list(page.object_list))
    if page.number == 1:
        on_page |= Q(depth=0)
    moderator_view = is_moderator(request.user)
    posts = visible.filter(on_page).with_authors().in_display_order()
    if moderator_view:
        posts = posts.prefetch_related("revisions")
    # "?show=<id>" opens one post that the reader's settings hide behind its warning.
    shown = request.GET.get("show", "")
    posts = prepare_posts(list(posts), request.user, int(shown) if shown.isdigit() else None)
    return render(
        request,
        "forum/thread.html",
        {
            "thread": thread,
            "posts": posts,
            "page": page,
            "can_reply": permissions.can_reply(request.user, thread),
            "can_close": permissions.can_close_thread(request.user, thread),
            "moderator_view": moderator_view,
        },
    )


def _preview(request, form):
    return "preview" in request.POST and form.is_valid()


@login_required
def new_thread(request, slug):
    board = get_object_or_404(Board, slug=slug)
    form = ThreadForm(request.POST or None)
    preview_html = None
    if request.method == "POST" and form.is_valid():
        if _preview(request, form):
            preview_html = render_markdown(form.cleaned_data["body"])
        else:
            try:
                thread = services.start_thread(
                    author=request.user, board=board, **form.cleaned_data
                )
            except services.PostingRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, "Your thread is posted.")
                return redirect(thread)
    return render(
        request,
        "forum/new_thread.html",
        {"board": board, "form": form, "preview_html": preview_html},
    )


@login_required
def reply(request, pk=None, post_pk=None):
    if post_pk is not None:
        parent = get_object_or_404(
            Post.objects.readable_by(request.user).select_related("thread__board", "author"),
            pk=post_pk,
        )
        thread = parent.thread
    else:
        thread = get_object_or_404(Thread.objects.visible_to(request.user).with_listing(), pk=pk)
        parent = thread.opening_post
    form = PostForm(request.POST or None)
    preview_html = None
    if request.method == "POST" and form.is_valid():
        if _preview(request, form):
            preview_html = render_markdown(form.cleaned_data["body"])
        else:
            try:
                post = services.post_reply(
                    author=request.user, thread=thread, parent=parent, **form.cleaned_data
                )
            except services.PostingRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, "Your reply is posted.")
                return redirect(post)
    return render(
        request,
        "forum/reply.html",
        {"thread": thread, "parent": parent, "form": form, "preview_html": preview_html},
    )


@login_required
def edit_post(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread"), pk=pk)
    permissions.check_can_edit_post(request.user, post)
    form = PostForm(
        request.POST or None,
        initial={
            "body": post.body,
            "content_warning": post.content_warning,
            "content_warning_text": post.content_warning_text,
        },
    )
    preview_html = None
    if request.method == "POST" and form.is_valid():
        if _preview(request, form):
            preview_html = render_markdown(form.cleaned_data["body"])
        else:
            try:
                services.edit_post(post=post, editor=request.user, **form.cleaned_data)
            except services.PostingRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, "Your changes are saved.")
                return redirect(post)
    return render(
        request, "forum/edit_post.html", {"post": post, "form": form, "preview_html": preview_html}
    )


@login_required
def delete_post(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread"), pk=pk)
    permissions.check_can_delete_post(request.user, post)
    if request.method == "POST":
        services.delete_post(post=post)
        messages.success(request, "Your post is deleted.")
        return redirect(post.thread)
    return render(request, "forum/delete_post.html", {"post": post})


@login_required
@require_POST
def close_thread(request, pk):
    thread = get_object_or_404(Thread, pk=pk)
    permissions.check_can_close_thread(request.user, thread)
    services.close_thread(thread=thread)
    messages.success(request, "Your thread is closed to new replies.")
    return redirect(thread)


def search(request):
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page = results = None
    if query:
        posts = Post.objects.searchable_by(request.user).search(query)
        page = Paginator(posts, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        results = add_excerpts(page.object_list, query)
    return render(
        request,
        "forum/search.html",
        {"form": form, "query": query, "page": page, "results": results},
    )


@login_required
@require_POST
def follow_thread(request, pk):
    thread = get_object_or_404(Thread.objects.visible_to(request.user), pk=pk)
    following.follow_thread(member=request.user, thread=thread)
    messages.success(request, "You are following this thread. We will tell you about new replies.")
    return redirect(thread)


@login_required
@require_POST
def unfollow_thread(request, pk):
    thread = get_object_or_404(Thread.objects.visible_to(request.user), pk=pk)
    following.unfollow_thread(member=request.user, thread=thread)
    messages.success(request, "You are no longer following this thread.")
    return redirect(thread)


@login_required
@require_POST
def follow_board(request, slug):
    board = get_object_or_404(Board, slug=slug)
    following.follow_board(member=request.user, board=board)
    messages.success(request, "You are following this board.")
    return redirect(board)


@login_required
@require_POST
def unfollow_board(request, slug):
    board = get_object_or_404(Board, slug=slug)
    following.unfollow_board(member=request.user, board=board)
    messages.success(request, "You are no longer following this board.")
    return redirect(board)


@login_required
def notifications(request):
    shown = Notification.objects.for_member(request.user).with_links().newest_first()
    page = Paginator(shown, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    # The page keeps showing which were new; the database already counts them as read.
    page.object_list = list(page.object_list)
    following.mark_notifications_read(
        member=request.user, ids=[notification.pk for notification in page.object_list]
    )
    return render(request, "forum/notifications.html", {"page": page})


@require_POST
@login_required
def mark_notifications_read(request):
    following.mark_notifications_read(member=request.user)
    messages.success(request, "All your notifications are marked as read.")
    return redirect("notifications")


@login_required
@require_POST
def react(request, pk):
    post = get_object_or_404(Post.objects.readable_by(request.user).select_related("thread"), pk=pk)
    form = ReactionForm(request.POST)
    note = ""
    if form.is_valid():
        try:
            services.toggle_reaction(member=request.user, post=post, kind=form.cleaned_data["kind"])
        except services.PostingRefused as refused:
            note = refused.message
    else:
        note = "Please choose one of the reactions."
    if request.htmx:
        post.reaction_choices = reaction_choices([post], request.user).get(post.pk)
        return render(request, "forum/_reactions.html", {"post": post, "reaction_note": note})
    if note:
        messages.info(request, note)
    return redirect(post.get_absolute_url())


@login_required
@require_POST
def mute_member(request, username):
    muted = get_object_or_404(
        get_user_model().objects.filter(is_active=True), username__iexact=username
    )
    form = MuteForm(request.POST)
    if not form.is_valid():
        messages.info(request, "Please choose how long to mute them for.")
    else:
        try:
            services.mute_member(
                muter=request.user, muted=muted, duration=form.cleaned_data["duration"]
            )
        except services.PostingRefused as refused:
            messages.info(request, refused.message)
        else:
            messages.success(
                request,
                f"{muted.username} is muted: their posts are folded away for you. "
                "They are not told.",
            )
    return redirect("profile", muted.username)


@login_required
@require_POST
def unmute_member(request, username):
    muted = get_object_or_404(get_user_model(), username__iexact=username)
    services.unmute_member(muter=request.user, muted=muted)
    messages.success(request, f"{muted.username} is unmuted: you will see their posts again.")
    # Unmuting from the settings page goes back there; from a profile, back to it.
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return redirect(next_url)
    return redirect("profile", muted.username)
