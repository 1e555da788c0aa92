"""Who may do what with threads and posts."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404

from peersupport.accounts.permissions import is_moderator, is_peer_supporter

from .models import CircleMembership, PostStatus


def can_read(user):
    """Members read the forum; visitors only where a deployment opens it to them."""
    return user.is_authenticated or settings.PUBLIC_READING


def can_post(user):
    """Signed in, not banned, and not suspended from posting by a moderator."""
    return user.is_authenticated and user.is_active and not user.is_suspended()


def can_reply(user, thread):
    return can_post(user) and thread.accepts_replies


def can_edit_post(user, post):
    return can_post(user) and post.author_id == user.pk and post.status != PostStatus.DELETED


def can_delete_post(user, post):
    return can_edit_post(user, post)


def can_close_thread(user, thread):
    return can_post(user) and thread.author_id == user.pk and not thread.is_closed


def can_see_waiting_threads(user):
    """The list of first posts waiting for a reply is for peer supporters, and for the
    moderators who look after them."""
    return user.is_authenticated and (is_peer_supporter(user) or is_moderator(user))


def check_can_edit_post(user, post):
    # Another member's post: say nothing about it beyond what they may already see.
    if not can_edit_post(user, post):
        raise PermissionDenied


def check_can_delete_post(user, post):
    if not can_delete_post(user, post):
        raise PermissionDenied


def check_can_close_thread(user, thread):
    if not can_close_thread(user, thread):
        raise PermissionDenied


def check_can_see_waiting_threads(user):
    if not can_see_waiting_threads(user):
        raise PermissionDenied


def can_see_circle(user, circle):
    """A small circle, its members and its threads are for its members and the
    moderators, who read everything."""
    if not user.is_authenticated:
        return False
    if is_moderator(user):
        return True
    return CircleMembership.objects.filter(circle=circle, member=user).exists()


def can_see_board(user, board):
    """Every board but a circle's (the caller selects `circle` with the board)."""
    circle = getattr(board, "circle", None)
    return circle is None or can_see_circle(user, circle)


def check_can_see_circle(user, circle):
    # "Not found", never "not yours": a non-member may not know what a circle holds.
    if not can_see_circle(user, circle):
        raise Http404


def check_can_see_board(user, board):
    if not can_see_board(user, board):
        raise Http404
