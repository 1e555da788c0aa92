"""The thread fields copied from its posts, kept by the services and rebuilt on demand.

`Thread.reply_count`, `Thread.last_activity_at` and `Thread.status` (the opening post's)
are denormalised so that home, board and search pages never count or join posts. The
posting services move them as posts are published, held, hidden or removed;
`synchronize_thread_counters` puts them right again after a bulk import, a restore or a
bug (`python manage.py synchronize`).
"""

from django.db import transaction
from django.db.models import Case, Count, F, IntegerField, Max, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest

from .models import Post, PostStatus, Thread


def count_published_reply(thread, change, when=None):
    updates = {"reply_count": F("reply_count") + change}
    if when is not None:
        updates["last_activity_at"] = when
    Thread.objects.filter(pk=thread.pk).update(**updates)


def copy_opening_post_status(post):
    if post.depth == 0:
        Thread.objects.filter(pk=post.thread_id).update(status=_status_for_thread(post))


def _status_for_thread(post):
    # A deleted opening post with nothing left to hold in place (its writer erased it,
    # and only a moderation case still points at it) shows to moderators alone, as a
    # hidden one does: see thread_visible_q.
    if post.status == PostStatus.DELETED and not post.is_tombstone:
        return PostStatus.HIDDEN
    return post.status


def _opening_post_status_for_thread():
    return Subquery(
        Post.objects.filter(pk=OuterRef("opening_post"))
        .annotate(
            for_thread=Case(
                When(status=PostStatus.DELETED, is_tombstone=False, then=Value(PostStatus.HIDDEN)),
                default=F("status"),
            )
        )
        .values("for_thread")[:1]
    )


def _published_replies_count():
    return Coalesce(
        Subquery(
            Post.objects.filter(thread=OuterRef("pk"), depth__gt=0, status=PostStatus.PUBLISHED)
            .order_by()
            .values("thread")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def _latest_published_post():
    return Subquery(
        Post.objects.filter(thread=OuterRef("pk"), status=PostStatus.PUBLISHED)
        .order_by()
        .values("thread")
        .annotate(latest=Max("created_at"))
        .values("latest")
    )


@transaction.atomic
def synchronize_thread_counters(thread_ids=None):
    """Copy each opening post's status to its thread, recount each thread's published
    replies, and move `last_activity_at` forward where a published post is newer than
    it. Activity is never moved back: a held reply counts as activity from the moment
    it was approved, which no post records.
    Every thread, or those in `thread_ids`. Returns how many threads were corrected."""
    threads = (
        Thread.objects.all() if thread_ids is None else Thread.objects.filter(pk__in=thread_ids)
    )
    wrong = (
        threads.annotate(
            true_reply_count=_published_replies_count(),
            latest_post_at=_latest_published_post(),
            true_status=_opening_post_status_for_thread(),
        )
        .filter(
            ~Q(reply_count=F("true_reply_count"))
            | Q(last_activity_at__lt=F("latest_post_at"))
            | ~Q(status=F("true_status"))
        )
        .values_list("pk", flat=True)
    )
    wrong_ids = list(wrong)
    Thread.objects.filter(pk__in=wrong_ids).update(
        status=Coalesce(_opening_post_status_for_thread(), F("status")),
        reply_count=_published_replies_count(),
        last_activity_at=Greatest(
            F("last_activity_at"), Coalesce(_latest_published_post(), F("last_activity_at"))
        ),
    )
    return len(wrong_ids)
