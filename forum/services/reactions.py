"""Reactions to other members' posts."""

from django.db import transaction

from ..models import PostStatus, Reaction
from ..thread_versions import touch_threads
from .errors import PostingRefused


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
    touch_threads(post.thread_id)
    removed, _ = Reaction.objects.filter(post=post, member=member, kind=kind).delete()
    if removed:
        return False
    # get_or_create, so a double click that races itself still leaves one reaction.
    Reaction.objects.get_or_create(post=post, member=member, kind=kind)
    return True
