"""Small circles: creating one with its board, members asking to join, withdrawing and
leaving, and the changes the moderators make (placing, declining, assigning, opening,
closing), which moderation.services.circles wraps with its checks and audit rows.

A closed circle's board is locked, so its threads keep their words but take no new
posts: the board's lock is the one rule posting already obeys."""

import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..following import follow_board
from ..models import (
    Board,
    BoardFollow,
    Circle,
    CircleMembership,
    CircleRequest,
    CircleRequestStatus,
    Subscription,
)
from ..unread import forget_unread_counts
from .errors import CircleRefused


@transaction.atomic
def create_circle(*, name, theme):
    """A new circle, closed until a moderator is assigned and opens it. Its board's
    address names no theme, so browser history does not say what a member reads."""
    board = Board.objects.create(
        name=name,
        slug=f"circle-{secrets.token_hex(5)}",
        description=theme,
        is_locked=True,
    )
    return Circle.objects.create(name=name, theme=theme, board=board)


@transaction.atomic
def rename_circle(*, circle, name, theme):
    circle.name, circle.theme = name, theme
    circle.save(update_fields=["name", "theme"])
    board = circle.board
    board.name, board.description = name, theme
    board.save(update_fields=["name", "description"])
    return circle


@transaction.atomic
def ask_to_join(*, member, circle):
    if not circle.is_open:
        raise CircleRefused("This circle is not taking anyone just now.")
    if CircleMembership.objects.filter(circle=circle, member=member).exists():
        raise CircleRefused("You are already in this circle.")
    request, created = CircleRequest.objects.get_or_create(
        circle=circle, member=member, status=CircleRequestStatus.WAITING
    )
    if not created:
        raise CircleRefused(
            "You have already asked to join this circle. A moderator will look soon."
        )
    return request


@transaction.atomic
def withdraw_request(*, member, request):
    updated = CircleRequest.objects.waiting().filter(pk=request.pk, member=member)
    if not updated.update(status=CircleRequestStatus.WITHDRAWN, decided_at=timezone.now()):
        raise CircleRefused("That request is no longer waiting, so there is nothing to withdraw.")


@transaction.atomic
def leave_circle(*, member, circle):
    """The member leaves; nobody is told. They stop following its threads and board, so
    nothing from the circle reaches them any more."""
    left, _ = CircleMembership.objects.filter(circle=circle, member=member).delete()
    if not left:
        raise CircleRefused("You are not in this circle.")
    Subscription.objects.filter(member=member, thread__circle=circle).delete()
    BoardFollow.objects.filter(member=member, board=circle.board_id).delete()
    forget_unread_counts([member.pk])


def _locked_circle(circle):
    return Circle.objects.select_for_update().get(pk=circle.pk)


def _decide(request, status):
    request.status = status
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_at"])


@transaction.atomic
def place_member(*, request):
    """Place the member who asked in the circle. The circle's row is locked while its
    members are counted, so two moderators placing at once cannot overfill it."""
    circle = _locked_circle(request.circle)
    request = CircleRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != CircleRequestStatus.WAITING:
        raise CircleRefused("This request has already been answered, so nothing was changed.")
    if not circle.is_open:
        raise CircleRefused("This circle is not open, so nobody can be placed in it.")
    if circle.memberships.count() >= settings.CIRCLE_SIZE:
        raise CircleRefused(
            f"This circle is full ({settings.CIRCLE_SIZE} members), so nobody was placed. "
            "The request keeps waiting until there is room."
        )
    CircleMembership.objects.create(circle=circle, member=request.member)
    # Joining is following: the circle's threads reach them as a followed board's do,
    # also on the home page of quiet mode and low stimulation, which shows only those.
    follow_board(member=request.member, board=circle.board)
    _decide(request, CircleRequestStatus.PLACED)
    return request


@transaction.atomic
def decline_request(*, request):
    request = CircleRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != CircleRequestStatus.WAITING:
        raise CircleRefused("This request has already been answered, so nothing was changed.")
    _decide(request, CircleRequestStatus.DECLINED)
    return request


@transaction.atomic
def assign_circle_moderator(*, circle, moderator):
    circle = _locked_circle(circle)
    circle.moderator = moderator
    circle.save(update_fields=["moderator"])
    return circle


@transaction.atomic
def open_circle(*, circle):
    circle = _locked_circle(circle)
    if circle.moderator_id is None:
        raise CircleRefused("A circle with no moderator assigned cannot open.")
    return _set_open(circle, True)


@transaction.atomic
def close_circle(*, circle):
    return _set_open(_locked_circle(circle), False)


@transaction.atomic
def close_circles_looked_after_by(moderator):
    """Their account is going: the circles they look after close until a moderator is
    assigned again."""
    for circle in Circle.objects.select_for_update().filter(moderator=moderator, is_open=True):
        _set_open(circle, False)


def _set_open(circle, is_open):
    circle.is_open = is_open
    circle.save(update_fields=["is_open"])
    board = circle.board
    board.is_locked = not is_open
    board.save(update_fields=["is_locked"])
    return circle
