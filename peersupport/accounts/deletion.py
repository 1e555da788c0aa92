"""Deleting a member's account, at their request, completely.

DESIGN: nothing is lost, except that erasure happens when a member asks for it, and
then completely. So their posts are either kept, shown as by a "former member", or
removed with their revisions and search words (forum.erasure).
"""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from forum.erasure import erase_posts_by
from forum.services import close_circles_looked_after_by
from forum.thread_versions import touch_threads_written_in_by
from moderation.services import forget_member

from .models import User
from .sessions import end_sessions


@transaction.atomic
def delete_account(member, *, keep_posts):
    """Delete the member and everything about them, keeping their posts as a former
    member's if `keep_posts`, or removing them. Returns how many posts were removed."""
    member = User.objects.select_for_update().get(pk=member.pk)
    # Their threads change either way: kept posts show a former member from now on.
    touch_threads_written_in_by(member.pk)
    removed = [] if keep_posts else erase_posts_by(member)
    forget_member(member, removed_post_ids=removed)
    end_sessions(member)
    # A circle with no moderator cannot stay open (issue 17).
    close_circles_looked_after_by(member)
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(member.pk)
    ).delete()
    # The rest goes with the row: emails, mutes either way, follows, reactions given,
    # notifications, sanctions, appeals, staff notes, circle places and requests to join,
    # and their notes for their care team with the posts they saved there; posts kept
    # lose their author.
    member.delete()
    return len(removed)
