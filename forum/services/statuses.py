"""A post's and a thread's state after it is written: deleted by its writer, held,
published or hidden by a moderator, closed, locked, moved, given a warning."""

from django.db import transaction
from django.utils import timezone

from ..counters import copy_opening_post_status, count_published_reply
from ..drafts import kept_warning_text
from ..models import Post, PostStatus, Thread
from ..tasks import queue_reply_notifications
from ..thread_versions import touch_threads
from .posting import circle_of


@transaction.atomic
def delete_post(*, post):
    """A writer deletes their post. The text stays for moderators (nothing is lost);
    a post that has replies stays in place as "deleted" so the replies keep sense."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.status == PostStatus.DELETED:
        return post
    was_published = post.status == PostStatus.PUBLISHED
    post.is_tombstone = post.depth == 0 or post.replies.exists()
    post.status = PostStatus.DELETED
    post.save(update_fields=["status", "is_tombstone"])
    touch_threads(post.thread_id)
    copy_opening_post_status(post)
    if was_published and post.depth > 0:
        count_published_reply(post.thread, -1)
    return post


@transaction.atomic
def set_post_status(*, post, status):
    """Moderation's lever on a post: hold, publish or hide it (never delete: that is
    the writer's choice). Keeps the thread's reply count, and tells followers when a
    held reply is published for the first time."""
    if status == PostStatus.DELETED:
        raise ValueError("Only the writer deletes a post.")
    post = (
        Post.objects.select_for_update(of=("self",))
        .select_related("thread", "parent")
        .get(pk=post.pk)
    )
    was = post.status
    if was == status:
        return post
    post.status = status
    post.save(update_fields=["status"])
    touch_threads(post.thread_id)
    copy_opening_post_status(post)
    if post.depth > 0 and PostStatus.PUBLISHED in (was, status):
        published = status == PostStatus.PUBLISHED
        count_published_reply(
            post.thread, +1 if published else -1, timezone.now() if published else None
        )
    if was == PostStatus.HELD and status == PostStatus.PUBLISHED:
        queue_reply_notifications(post)
    return post


@transaction.atomic
def close_thread(*, thread):
    """The thread's writer closes it to new replies."""
    Thread.objects.filter(pk=thread.pk).update(is_closed=True)
    touch_threads(thread.pk)
    thread.is_closed = True
    return thread


@transaction.atomic
def lock_thread(*, thread):
    """A moderator closes a thread to new replies (the writer cannot reopen it)."""
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    touch_threads(thread.pk)
    thread.is_locked = True
    return thread


@transaction.atomic
def move_thread(*, thread, board):
    """A moderator moves a thread to a board where it fits better. Moved into or out of
    a small circle, its readers change with it."""
    circle = circle_of(board)
    Thread.objects.filter(pk=thread.pk).update(board=board, circle=circle)
    touch_threads(thread.pk)
    thread.board, thread.circle = board, circle
    return thread


@transaction.atomic
def set_content_warning(*, post, content_warning, content_warning_text=""):
    """A moderator adds or changes a post's content warning. The words are unchanged,
    so no revision is kept."""
    text = kept_warning_text(content_warning, content_warning_text)
    Post.objects.filter(pk=post.pk).update(
        content_warning=content_warning, content_warning_text=text
    )
    touch_threads(post.thread_id)
    post.content_warning = content_warning
    post.content_warning_text = text
    return post
