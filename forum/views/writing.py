"""Starting threads, replying, editing, deleting and closing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .. import permissions, services
from ..forms import PostForm, ThreadForm
from ..models import Board, Post, Thread
from ..rendering import render_markdown


def _submit_post_form(request, form, save, posted_message):
    """The flow every writing form shares: "Preview" renders the Markdown and saves
    nothing; otherwise `save(cleaned_data)` runs, and a kind refusal becomes a form
    error. Returns (redirect once saved, preview HTML)."""
    if request.method != "POST" or not form.is_valid():
        return None, None
    if "preview" in request.POST:
        return None, render_markdown(form.cleaned_data["body"])
    try:
        saved = save(form.cleaned_data)
    except services.PostingRefused as refused:
        form.add_error(None, refused.message)
        return None, None
    messages.success(request, posted_message)
    return redirect(saved), None


@login_required
def new_thread(request, slug):
    board = get_object_or_404(Board, slug=slug)
    form = ThreadForm(request.POST or None)
    posted, preview_html = _submit_post_form(
        request,
        form,
        lambda data: services.start_thread(author=request.user, board=board, **data),
        "Your thread is posted.",
    )
    if posted:
        return posted
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
    posted, preview_html = _submit_post_form(
        request,
        form,
        lambda data: services.post_reply(author=request.user, thread=thread, parent=parent, **data),
        "Your reply is posted.",
    )
    if posted:
        return posted
    return render(
        request,
        "forum/reply.html",
        {"thread": thread, "parent": parent, "form": form, "preview_html": preview_html},
    )


@login_required
def edit_post(request, pk):
    # A post the member may not see is "not found", never "not yours".
    post = get_object_or_404(Post.objects.visible_to(request.user).select_related("thread"), pk=pk)
    permissions.check_can_edit_post(request.user, post)
    form = PostForm(
        request.POST or None,
        initial={
            "body": post.body,
            "content_warning": post.content_warning,
            "content_warning_text": post.content_warning_text,
        },
    )
    posted, preview_html = _submit_post_form(
        request,
        form,
        lambda data: services.edit_post(post=post, editor=request.user, **data),
        "Your changes are saved.",
    )
    if posted:
        return posted
    return render(
        request, "forum/edit_post.html", {"post": post, "form": form, "preview_html": preview_html}
    )


@login_required
def delete_post(request, pk):
    # A post the member may not see is "not found", never "not yours".
    post = get_object_or_404(Post.objects.visible_to(request.user).select_related("thread"), pk=pk)
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
