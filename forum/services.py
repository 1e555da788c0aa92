"""Every change to boards, threads and posts. One transaction each.

These store what they are given: the moderation pipeline decides a new post's status
before calling them, so forum never imports moderation.
"""

import datetime

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Value
from django.utils import timezone

from peersupport.refusals import Refused

from .counters import copy_opening_post_status, count_published_reply
from .following import follow_thread, notify_reply
from .models import (
    MAX_BODY_LENGTH,
    PATH_SEGMENT_WIDTH,
    SEARCH_CONFIG,
    Mute,
    MuteDuration,
    Post,
    PostStatus,
    Reaction,
    Revision,
    Thread,
)
from .rendering import render_markdown


class PostingRefused(Refused):
    """A kind, plain explanation of why nothing was posted or changed."""


def _check_body(body):
    if not body.strip():
        raise PostingRefused("Your message is empty. Please write something before posting.")
    if len(body) > MAX_BODY_LENGTH:
        raise PostingRefused(
            f"Your message is longer than {MAX_BODY_LENGTH:,} characters. Please shorten "
            "it, or split it into two posts."
        )


def path_segment(post_id):
    return str(post_id).zfill(PATH_SEGMENT_WIDTH)


# The deepest a post's path can go: one segment per level, "/" between them.
MAX_PATH_DEPTH = (Post._meta.get_field("path").max_length - PATH_SEGMENT_WIDTH) // (
    PATH_SEGMENT_WIDTH + 1
)


def post_path(parent, post_id):
    """The path of post `post_id`: its own segment under the place a reply to `parent`
    takes (_place_under), or alone for a thread's opening post (`parent` None)."""
    if parent is None:
        return path_segment(post_id)
    return f"{_place_under(parent)[0]}/{path_segment(post_id)}"


def _place_under(parent):
    """(the path a reply to `parent` starts with, its depth). A reply to a post already
    at the deepest level sits beside it instead, straight after it (ids only grow),
    still answering it: the writer's words are kept and say whom they answer."""
    if parent.depth < MAX_PATH_DEPTH:
        return parent.path, parent.depth + 1
    return parent.path.rpartition("/")[0], parent.depth


def _search_words(post):
    """What search looks for in a post: its body and, for a thread's opening post, the
    title too, weighted to rank first. An expression the post's UPDATE stores; only
    PostgreSQL has full-text search (elsewhere search reads the text itself)."""
    if connection.vendor != "postgresql":
        return {}
    title = post.thread.title if post.depth == 0 else ""
    return {"search_vector": search_vector(Value(title), "body")}


def search_vector(title, body):
    """The vector search reads, from two expressions (or column names): the title (empty
    but for an opening post) weighted to rank above the body."""
    return SearchVector(title, weight="A", config=SEARCH_CONFIG) + SearchVector(
        body, weight="B", config=SEARCH_CONFIG
    )


def _index_for_search(post):
    if words := _search_words(post):
        Post.objects.filter(pk=post.pk).update(**words)


def _create_post(*, thread, author, parent, body, content_warning, content_warning_text, status):
    _check_body(body)
    depth = _place_under(parent)[1] if parent else 0
    post = Post.objects.create(
        thread=thread,
        author=author,
        parent=parent,
        depth=depth,
        body=body,
        body_html=render_markdown(body),
        content_warning=content_warning,
        content_warning_text=content_warning_text if content_warning == "other" else "",
        status=status,
    )
    # The path needs the new id, so it is written straight after the insert, with the
    # words for search in the same statement.
    post.path = post_path(parent, post.pk)
    Post.objects.filter(pk=post.pk).update(path=post.path, **_search_words(post))
    return post


@transaction.atomic
def start_thread(
    *,
    author,
    board,
    title,
    body,
    content_warning="",
    content_warning_text="",
    status=PostStatus.PUBLISHED,
):
    if board.is_locked:
        raise PostingRefused("This board is closed to new threads for now.")
    if not title.strip():
        raise PostingRefused("Please give your thread a title.")
    thread = Thread.objects.create(
        board=board,
        author=author,
        title=title.strip(),
        last_activity_at=timezone.now(),
        status=status,
    )
    thread.opening_post = _create_post(
        thread=thread,
        author=author,
        parent=None,
        body=body,
        content_warning=content_warning,
        content_warning_text=content_warning_text,
        status=status,
    )
    thread.save(update_fields=["opening_post"])
    follow_thread(member=author, thread=thread)
    return thread


@transaction.atomic
def post_reply(
    *,
    author,
    thread,
    parent=None,
    body,
    content_warning="",
    content_warning_text="",
    status=PostStatus.PUBLISHED,
):
    thread = Thread.objects.select_for_update().select_related("board").get(pk=thread.pk)
    if not thread.accepts_replies:
        raise PostingRefused("This thread is closed to new replies.")
    parent = parent or thread.opening_post
    if parent.thread_id != thread.pk:
        raise PostingRefused("That post is not in this thread.")
    if parent.status in (PostStatus.DELETED, PostStatus.HIDDEN):
        raise PostingRefused("That post has been removed, so it cannot be answered.")
    post = _create_post(
        thread=thread,
        author=author,
        parent=parent,
        body=body,
        content_warning=content_warning,
        content_warning_text=content_warning_text,
        status=status,
    )
    follow_thread(member=author, thread=thread)
    # A held reply notifies nobody yet: approving it later calls notify_reply.
    if status == PostStatus.PUBLISHED:
        count_published_reply(thread, +1, post.created_at)
        notify_reply(post)
    return post


@transaction.atomic
def edit_post(*, post, editor, body, content_warning="", content_warning_text=""):
    """Change a post's text, keeping what it said before as a revision."""
    _check_body(body)
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.status == PostStatus.DELETED:
        raise PostingRefused("This post has been deleted, so it cannot be edited.")
    Revision.objects.create(
        post=post,
        body=post.body,
        content_warning=post.content_warning,
        content_warning_text=post.content_warning_text,
        edited_by=editor,
    )
    post.body = body
    post.body_html = render_markdown(body)
    post.content_warning = content_warning
    post.content_warning_text = content_warning_text if content_warning == "other" else ""
    post.edited_at = timezone.now()
    post.save(
        update_fields=[
            "body",
            "body_html",
            "content_warning",
            "content_warning_text",
            "edited_at",
        ]
    )
    _index_for_search(post)
    return post


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
    copy_opening_post_status(post)
    if post.depth > 0 and PostStatus.PUBLISHED in (was, status):
        published = status == PostStatus.PUBLISHED
        count_published_reply(
            post.thread, +1 if published else -1, timezone.now() if published else None
        )
    if was == PostStatus.HELD and status == PostStatus.PUBLISHED:
        notify_reply(post)
    return post


@transaction.atomic
def close_thread(*, thread):
    """The thread's writer closes it to new replies."""
    Thread.objects.filter(pk=thread.pk).update(is_closed=True)
    thread.is_closed = True
    return thread


@transaction.atomic
def lock_thread(*, thread):
    """A moderator closes a thread to new replies (the writer cannot reopen it)."""
    Thread.objects.filter(pk=thread.pk).update(is_locked=True)
    thread.is_locked = True
    return thread


@transaction.atomic
def move_thread(*, thread, board):
    """A moderator moves a thread to a board where it fits better."""
    Thread.objects.filter(pk=thread.pk).update(board=board)
    thread.board = board
    return thread


@transaction.atomic
def set_content_warning(*, post, content_warning, content_warning_text=""):
    """A moderator adds or changes a post's content warning. The words are unchanged,
    so no revision is kept."""
    text = content_warning_text if content_warning == "other" else ""
    Post.objects.filter(pk=post.pk).update(
        content_warning=content_warning, content_warning_text=text
    )
    post.content_warning = content_warning
    post.content_warning_text = text
    return post


def rerender_all_posts(batch_size=500):
    """Re-render every post's stored HTML (after the sanitising rules change)."""
    changed = 0
    posts = Post.objects.only("pk", "body", "body_html").order_by("pk")
    for post in posts.iterator(chunk_size=batch_size):
        html = render_markdown(post.body)
        if html != post.body_html:
            Post.objects.filter(pk=post.pk).update(body_html=html)
            changed += 1
    return changed


@transaction.atomic
def toggle_reaction(*, member, post, kind):
    """Add the member's reaction of this kind to a post, or take it back if it is there.
    Returns whether the reaction is now on."""
    if post.author_id == member.pk:
        raise PostingRefused(
            "Reactions are for other people's posts, so you cannot react to your own."
        )
    if post.status != PostStatus.PUBLISHED:
        raise PostingRefused("This post is not open to reactions at the moment.")
    removed, _ = Reaction.objects.filter(post=post, member=member, kind=kind).delete()
    if removed:
        return False
    # get_or_create, so a double click that races itself still leaves one reaction.
    Reaction.objects.get_or_create(post=post, member=member, kind=kind)
    return True


MUTE_LENGTHS = {
    MuteDuration.DAY: datetime.timedelta(days=1),
    MuteDuration.WEEK: datetime.timedelta(weeks=1),
    MuteDuration.MONTH: datetime.timedelta(days=30),
    MuteDuration.ALWAYS: None,
}


@transaction.atomic
def mute_member(*, muter, muted, duration):
    """Fold a member's posts away for the muter, for a while or until they unmute.
    Muting again changes how long; the muted member is never told."""
    if muter.pk == muted.pk:
        raise PostingRefused("You cannot mute yourself.")
    length = MUTE_LENGTHS[MuteDuration(duration)]
    until = timezone.now() + length if length else None
    mute, _ = Mute.objects.update_or_create(muter=muter, muted=muted, defaults={"until": until})
    return mute


@transaction.atomic
def unmute_member(*, muter, muted):
    Mute.objects.filter(muter=muter, muted=muted).delete()
