"""The moderators' verbs for small circles: placing a member who asked, declining kindly,
assigning a circle's moderator, opening and closing it. forum's services make each change
(and refuse what breaks a circle's rules); these add who may, the audit row in the same
transaction, and the member's notice."""

from django.db import transaction
from django.urls import reverse

from forum import services as forum_services
from forum.notifications import notify_member
from peersupport.refusals import Refused

from ..audit import record
from ..models import ActionKind
from ..permissions import can_moderate


class CircleDecisionRefused(Refused):
    """Why a moderator's change to a circle was not made."""


def _check_moderator(moderator):
    if not can_moderate(moderator):
        raise CircleDecisionRefused("Only moderators look after circles.")


@transaction.atomic
def place_member(*, request, moderator):
    _check_moderator(moderator)
    if request.member_id == moderator.pk:
        raise CircleDecisionRefused(
            "This is your own request, so another moderator will answer it."
        )
    request = forum_services.place_member(request=request)
    circle = request.circle
    record(
        actor=moderator,
        action=ActionKind.CIRCLE_PLACE,
        target=circle,
        member=request.member,
        after={"circle": circle.name},
    )
    notify_member(
        recipient=request.member,
        message=f"Welcome: a moderator has placed you in the circle “{circle.name}”. Go "
        "there whenever you feel ready; there is no hurry.",
        link=reverse("forum:circle", args=[circle.pk]),
        link_label="Go to the circle",
    )
    return request


@transaction.atomic
def decline_request(*, request, moderator):
    _check_moderator(moderator)
    request = forum_services.decline_request(request=request)
    circle = request.circle
    record(
        actor=moderator,
        action=ActionKind.CIRCLE_DECLINE,
        target=circle,
        member=request.member,
    )
    notify_member(
        recipient=request.member,
        message=f"Thank you for asking to join the circle “{circle.name}”. A moderator could "
        "not place you there this time, and it is not about anything you did. You are "
        "welcome to ask to join another circle, or to ask again later.",
        link=reverse("forum:circles"),
        link_label="See the circles",
    )
    return request


@transaction.atomic
def assign_circle_moderator(*, circle, moderator, assignee):
    _check_moderator(moderator)
    if assignee is None or not can_moderate(assignee):
        raise CircleDecisionRefused(
            "Only a moderator or a safeguarding lead can look after a circle."
        )
    before = circle.moderator.username if circle.moderator else None
    circle = forum_services.assign_circle_moderator(circle=circle, moderator=assignee)
    record(
        actor=moderator,
        action=ActionKind.CIRCLE_MODERATOR,
        target=circle,
        before={"moderator": before},
        after={"moderator": assignee.username},
    )
    return circle


@transaction.atomic
def open_circle(*, circle, moderator):
    _check_moderator(moderator)
    return _opened_or_closed(forum_services.open_circle(circle=circle), moderator)


@transaction.atomic
def close_circle(*, circle, moderator):
    _check_moderator(moderator)
    return _opened_or_closed(forum_services.close_circle(circle=circle), moderator)


def _opened_or_closed(circle, moderator):
    record(
        actor=moderator,
        action=ActionKind.CIRCLE_OPEN if circle.is_open else ActionKind.CIRCLE_CLOSE,
        target=circle,
        before={"is_open": not circle.is_open},
        after={"is_open": circle.is_open},
    )
    return circle
