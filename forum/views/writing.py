"""Starting threads, replying, editing, deleting and closing."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from moderation import pipeline
from moderation import services as moderation_services
from moderation.pipeline import OutcomeKind

from .. import permissions, services
from ..forms import PostForm, ThreadForm
from ..models import Board, Post, Thread
from ..paging import new_reply_in_thread, post_in_thread
from ..rendering import render_markdown
from .breaks import resting_during_break


def posting_allowed(view):
    """Signed in and free to post; a suspended member is told kindly until when."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not permissions.can_post(request.user):
            return render(
                request,
                "forum/cannot_post.html",
                {"until": request.user.posting_suspended_until},
                status=403,
            )
        return view(request, *args, **kwargs)

    return wrapped


def _submit_post_form(request, form, submit, posted_message, where=post_in_thread):
    """The flow every writing form shares. "Preview" renders the Markdown and saves
    nothing; otherwise `submit(draft)` hands the writer's Draft to the moderation
    pipeline, and its outcome decides what the writer sees next: a published post at
    `where(post, writer)` in its thread. Returns (a redirect once saved, extra context
    for the form page, the form page's status)."""
    if request.method != "POST" or not form.is_valid():
        return None, {}, 200
    if "preview" in request.POST:
        return None, {"preview_html": render_markdown(form.cleaned_data["body"])}, 200
    try:
        outcome = submit(form.draft())
    except services.PostingRefused as refused:
        form.add_error(None, refused.message)
        return None, {}, 200
    if outcome.kind == OutcomeKind.REFUSED:
        form.add_error(None, f"This cannot be posted as it is. {outcome.reason}")
        return None, {}, 200
    if outcome.kind == OutcomeKind.PAUSED:
        # Their words stay in the form, ready for when they can post again.
        form.add_error(None, outcome.reason)
        return None, {}, 429
    if outcome.kind == OutcomeKind.CHECK_PERSONAL_DATA:
        form.ask_to_confirm_personal_data()
        return None, {"personal_data": outcome.personal_data}, 200
    if outcome.kind == OutcomeKind.PUBLISHED:
        messages.success(request, posted_message)
        if outcome.post.depth == 0:
            return redirect(outcome.thread), {}, 200
        return redirect(where(outcome.post, request.user)), {}, 200
    # Held, for crisis words or for a moderator's first look: the writer is told why,
    # and shown help at once when they may be in danger.
    return redirect("moderation:post_waiting", outcome.post.pk), {}, 200


@resting_during_break
@posting_allowed
def new_thread(request, slug):
    board = get_object_or_404(Board.objects.select_related("circle"), slug=slug)
    permissions.check_can_see_board(request.user, board)
    form = ThreadForm(request.POST or None)
    posted, extra, status = _submit_post_form(
        request,
        form,
        lambda draft: pipeline.submit_thread(author=request.user, board=board, draft=draft),
        "Your thread is posted.",
    )
    if posted:
        return posted
    return render(
        request,
        "forum/new_thread.html",
        {"board": board, "form": form, **extra},
        status=status,
    )


@resting_during_break
@posting_allowed
def reply(request, pk=None, post_pk=None):
    if post_pk is not None:
        parent = get_object_or_404(
            Post.objects.readable_by(request.user).select_related("thread__board", "author"),
            pk=post_pk,
        )
        thread = parent.thread
    else:
        threads = Thread.objects.visible_to(request.user)
        # The opening post is the parent: its search words are never needed here.
        threads = threads.select_related("board", "opening_post").defer(
            "opening_post__search_vector"
        )
        thread = get_object_or_404(threads, pk=pk)
        parent = thread.opening_post
    form = PostForm(request.POST or None)
    posted, extra, status = _submit_post_form(
        request,
        form,
        lambda draft: pipeline.submit_reply(
            author=request.user, thread=thread, parent=parent, draft=draft
        ),
        "Your reply is posted.",
        where=new_reply_in_thread,
    )
    if posted:
        return posted
    return render(
        request,
        "forum/reply.html",
        {"thread": thread, "parent": parent, "form": form, **extra},
        status=status,
    )


@resting_during_break
@posting_allowed
def edit_post(request, pk):
    # A post the member may not see, or one in a thread they may not see, is "not
    # found", never "not yours".
    posts = Post.objects.readable_or_written_by(request.user).select_related("thread__board")
    post = get_object_or_404(posts, pk=pk)
    permissions.check_can_edit_post(request.user, post)
    form = PostForm(
        request.POST or None,
        initial={
            "body": post.body,
            "content_warning": post.content_warning,
            "content_warning_text": post.content_warning_text,
        },
    )
    posted, extra, status = _submit_post_form(
        request,
        form,
        lambda draft: pipeline.submit_edit(post=post, editor=request.user, draft=draft),
        "Your changes are saved.",
    )
    if posted:
        return posted
    return render(
        request, "forum/edit_post.html", {"post": post, "form": form, **extra}, status=status
    )


@resting_during_break
@login_required
def delete_post(request, pk):
    # A post the member may not see, or one in a thread they may not see, is "not
    # found", never "not yours".
    posts = Post.objects.readable_or_written_by(request.user).select_related("thread")
    post = get_object_or_404(posts, pk=pk)
    permissions.check_can_delete_post(request.user, post)
    if request.method == "POST":
        moderation_services.delete_post(post=post)
        messages.success(request, "Your post is deleted.")
        return redirect(post.thread)
    return render(request, "forum/delete_post.html", {"post": post})


@login_required
@require_POST
def close_thread(request, pk):
    # A thread the member may not see is "not found", never "not yours".
    thread = get_object_or_404(Thread.objects.visible_to(request.user), pk=pk)
    permissions.check_can_close_thread(request.user, thread)
    services.close_thread(thread=thread)
    messages.success(request, "Your thread is closed to new replies.")
    return redirect(thread)
