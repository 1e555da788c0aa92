"""Writing: a new thread, a reply, an edit, each from the writer's Draft, and the
stored HTML rendered again when the sanitising rules change."""

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Value
from django.utils import timezone

from ..counters import count_published_reply
from ..following import follow_thread
from ..models import (
    MAX_BODY_LENGTH,
    PATH_SEGMENT_WIDTH,
    SEARCH_CONFIG,
    Circle,
    Post,
    PostStatus,
    Revision,
    Thread,
)
from ..rendering import render_markdown
from ..tasks import queue_reply_notifications
from ..thread_versions import touch_threads
from .errors import PostingRefused


def circle_of(board):
    """The small circle whose board this is, or None: the thread keeps its own copy."""
    return Circle.objects.filter(board=board).first()


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


def _create_post(*, thread, author, parent, draft, status):
    _check_body(draft.body)
    depth = _place_under(parent)[1] if parent else 0
    post = Post.objects.create(
        thread=thread,
        author=author,
        parent=parent,
        depth=depth,
        body=draft.body,
        body_html=render_markdown(draft.body),
        content_warning=draft.content_warning,
        content_warning_text=draft.content_warning_text,
        status=status,
    )
    # The path needs the new id, so it is written straight after the insert, with the
    # words for search in the same statement.
    post.path = post_path(parent, post.pk)
    Post.objects.filter(pk=post.pk).update(path=post.path, **_search_words(post))
    return post


@transaction.atomic
def start_thread(*, author, board, draft, status=PostStatus.PUBLISHED):
    if board.is_locked:
        raise PostingRefused("This board is closed to new threads for now.")
    title = draft.title.strip()
    if not title:
        raise PostingRefused("Please give your thread a title.")
    thread = Thread.objects.create(
        board=board,
        circle=circle_of(board),
        author=author,
        title=title,
        last_activity_at=timezone.now(),
        status=status,
    )
    thread.opening_post = _create_post(
        thread=thread,
        author=author,
        parent=None,
        draft=draft,
        status=status,
    )
    thread.save(update_fields=["opening_post"])
    follow_thread(member=author, thread=thread)
    return thread


@transaction.atomic
def post_reply(*, author, thread, parent=None, draft, status=PostStatus.PUBLISHED):
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
        draft=draft,
        status=status,
    )
    follow_thread(member=author, thread=thread)
    touch_threads(thread.pk)
    # A held reply notifies nobody yet: approving it later (set_post_status) does.
    if status == PostStatus.PUBLISHED:
        count_published_reply(thread, +1, post.created_at)
        queue_reply_notifications(post)
    return post


@transaction.atomic
def edit_post(*, post, editor, draft):
    """Change a post's text to the draft's, keeping what it said before as a revision."""
    _check_body(draft.body)
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
    post.body = draft.body
    post.body_html = render_markdown(draft.body)
    post.content_warning = draft.content_warning
    post.content_warning_text = draft.content_warning_text
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
    touch_threads(post.thread_id)
    return post


def rerender_all_posts(batch_size=500):
    """Re-render every post's stored HTML (after the sanitising rules change)."""
    changed = 0
    posts = Post.objects.only("pk", "thread_id", "body", "body_html").order_by("pk")
    for post in posts.iterator(chunk_size=batch_size):
        html = render_markdown(post.body)
        if html != post.body_html:
            Post.objects.filter(pk=post.pk).update(body_html=html)
            touch_threads(post.thread_id)
            changed += 1
    return changed
