from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from peersupport.accounts.permissions import is_moderator

from . import permissions, services
from .forms import PostForm, ThreadForm
from .models import Board, Post, Thread
from .rendering import render_markdown

THREADS_PER_PAGE = 20
REPLIES_PER_PAGE = 20


def home(request):
    threads = Thread.objects.visible_to(request.user).with_listing().order_by("-last_activity_at")
    return render(
        request,
        "forum/home.html",
        {
            "boards": Board.objects.listed(),
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
    return render(request, "forum/board.html", {"board": board, "page": page})


def thread(request, pk, slug=None):
    thread = get_object_or_404(Thread.objects.visible_to(request.user).with_listing(), pk=pk)
    visible = Post.objects.visible_to(request.user).filter(thread=thread)
    # Paginate by top-level reply; each page carries those replies' whole subtrees.
    branch_ids = visible.filter(depth=1).in_display_order().values_list("pk", flat=True)
    page = Paginator(branch_ids, REPLIES_PER_PAGE).get_page(request.GET.get("page"))
    on_page = Q(branch_id__in=list(page.object_list))
    if page.number == 1:
        on_page |= Q(depth=0)
    posts = visible.filter(on_page).with_authors().in_display_order()
    return render(
        request,
        "forum/thread.html",
        {
            "thread": thread,
            "posts": posts,
            "page": page,
            "can_reply": permissions.can_reply(request.user, thread),
            "can_close": permissions.can_close_thread(request.user, thread),
            "moderator_view": is_moderator(request.user),
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
            Post.objects.visible_to(request.user).select_related("thread__board", "author"),
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
