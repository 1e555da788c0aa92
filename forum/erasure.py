"""Erasing a member's posts when they delete their account and ask for their words to
go (accounts.deletion). The one place posts are removed rather than hidden: DESIGN's
"nothing is lost" gives way to the member's right to erasure.

Deepest first, so a reply goes before what it answers. A post others replied to, or
that a moderation case is about, stays in its place emptied (a tombstone), so the
replies keep their place and the moderators' records keep what they point at.
"""

from django.db import transaction

from .counters import copy_opening_post_status, synchronize_thread_counters
from .models import Notification, Post, PostStatus, Reaction, Revision, Thread
from .thread_versions import touch_threads

# A thread that stays because others replied keeps its place, not its writer's words.
REMOVED_TITLE = "A thread whose writer has left"


@transaction.atomic
def erase_posts_by(member):
    """Remove every post `member` wrote; returns their ids."""
    posts = list(
        Post.objects.filter(author=member).select_related("thread").order_by("-depth", "-pk")
    )
    for post in posts:
        if _must_stay(post):
            _empty(post)
        else:
            _delete(post)
    thread_ids = {post.thread_id for post in posts}
    synchronize_thread_counters(thread_ids=thread_ids)
    touch_threads(*thread_ids)
    return [post.pk for post in posts]


def _others_in_thread(post):
    return post.depth == 0 and post.thread.posts.exclude(pk=post.pk).exists()


def _must_stay(post):
    return _others_in_thread(post) or post.replies.exists() or post.cases.exists()


def _empty(post):
    # A tombstone shows "deleted" where others' replies hang from it; one kept only for
    # the moderators' records shows to nobody else.
    post.author = None
    post.body = post.body_html = post.content_warning = post.content_warning_text = ""
    post.edited_at = post.search_vector = None
    post.status = PostStatus.DELETED
    post.is_tombstone = post.replies.exists() or _others_in_thread(post)
    post.save()
    Revision.objects.filter(post=post).delete()
    Reaction.objects.filter(post=post).delete()
    Notification.objects.filter(post=post).delete()
    if post.depth == 0:
        Thread.objects.filter(pk=post.thread_id).update(author=None, title=REMOVED_TITLE)
        copy_opening_post_status(post)


def _delete(post):
    if post.depth == 0:
        # The thread holds nothing else: it goes, and its opening post with it.
        Thread.objects.filter(pk=post.thread_id).update(opening_post=None)
        Thread.objects.filter(pk=post.thread_id).delete()
    else:
        Post.objects.filter(pk=post.pk).delete()
