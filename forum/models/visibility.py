"""Who may see a post or a thread. Every read rule goes through these: views, search
and notifications all use the QuerySets' `visible_to` and `readable_by`, built on them."""

from django.db import models
from django.db.models import Q

from peersupport.accounts.permissions import is_moderator

from .circles import CircleMembership


class PostStatus(models.TextChoices):
    PUBLISHED = "published", "Published"
    HELD = "held", "Waiting for a moderator"
    HIDDEN = "hidden", "Hidden by a moderator"
    DELETED = "deleted", "Deleted by its writer"


def visible_q(user, prefix=""):
    """Who sees a post: published posts and tombstones for all; held or hidden posts for
    their writer; everything for moderators. `prefix` applies it across a relation."""

    def field(name):
        return f"{prefix}{name}"

    if user.is_authenticated and is_moderator(user):
        return Q()
    shown = Q(**{field("status"): PostStatus.PUBLISHED}) | Q(
        **{field("status"): PostStatus.DELETED, field("is_tombstone"): True}
    )
    if user.is_authenticated:
        shown |= Q(**{field("author"): user}) & Q(
            **{field("status") + "__in": [PostStatus.HELD, PostStatus.HIDDEN]}
        )
    return shown


def thread_visible_q(user, prefix=""):
    """Who sees a thread: the same rule as for its opening post, read from the thread's
    own copy of that post's status, so listing and counting threads needs no join. (An
    opening post is always a tombstone once deleted: the thread stays in place.)"""

    def field(name):
        return f"{prefix}{name}"

    if user.is_authenticated and is_moderator(user):
        return Q()
    shown = Q(**{field("status") + "__in": [PostStatus.PUBLISHED, PostStatus.DELETED]})
    if user.is_authenticated:
        shown |= Q(**{field("author"): user}) & Q(
            **{field("status") + "__in": [PostStatus.HELD, PostStatus.HIDDEN]}
        )
    return shown & circle_q(user, prefix)


def circle_q(user, prefix=""):
    """A small circle's threads are for its members (and moderators) alone; a member who
    has left sees none of them, even their own."""
    outside_circles = Q(**{f"{prefix}circle__isnull": True})
    if not user.is_authenticated:
        return outside_circles
    their_circles = CircleMembership.objects.filter(member=user).values("circle_id")
    return outside_circles | Q(**{f"{prefix}circle__in": their_circles})
