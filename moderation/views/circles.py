"""The moderators' page for small circles: requests waiting, oldest first, to place or
decline; each circle's moderator; opening and closing circles."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from forum.models import Circle, CircleRequest
from peersupport.refusals import Refused

from .. import services
from ..forms import CircleModeratorForm
from ..permissions import check_can_moderate


@login_required
def circles(request):
    check_can_moderate(request.user)
    waiting = CircleRequest.objects.waiting().select_related("member").oldest_first()
    circles = Circle.objects.for_moderators().prefetch_related(
        Prefetch("requests", queryset=waiting, to_attr="waiting_requests")
    )
    return render(
        request,
        "moderation/circles.html",
        {
            "circles": circles,
            "circle_size": settings.CIRCLE_SIZE,
            # One list for every circle's choice of moderator.
            "moderators": list(CircleModeratorForm.base_fields["moderator"].queryset.all()),
        },
    )


def _act(request, change, done):
    """Run a moderator's change to a circle; tell them what happened, or why not."""
    check_can_moderate(request.user)
    try:
        change()
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, done)
    return redirect("moderation:circles")


def _waiting_request(pk):
    return get_object_or_404(CircleRequest.objects.select_related("circle", "member"), pk=pk)


@login_required
@require_POST
def place(request, pk):
    circle_request = _waiting_request(pk)
    return _act(
        request,
        lambda: services.place_member(request=circle_request, moderator=request.user),
        f"{circle_request.member.username} is placed in “{circle_request.circle.name}”.",
    )


@login_required
@require_POST
def decline(request, pk):
    circle_request = _waiting_request(pk)
    return _act(
        request,
        lambda: services.decline_request(request=circle_request, moderator=request.user),
        f"The request is declined, and {circle_request.member.username} is told kindly.",
    )


@login_required
@require_POST
def assign(request, pk):
    check_can_moderate(request.user)
    circle = get_object_or_404(Circle.objects.select_related("moderator"), pk=pk)
    form = CircleModeratorForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please choose a moderator from the list.")
        return redirect("moderation:circles")
    assignee = form.cleaned_data["moderator"]
    return _act(
        request,
        lambda: services.assign_circle_moderator(
            circle=circle, moderator=request.user, assignee=assignee
        ),
        f"{assignee.username} now looks after “{circle.name}”.",
    )


@login_required
@require_POST
def open_circle(request, pk):
    circle = get_object_or_404(Circle, pk=pk)
    return _act(
        request,
        lambda: services.open_circle(circle=circle, moderator=request.user),
        f"“{circle.name}” is open.",
    )


@login_required
@require_POST
def close_circle(request, pk):
    circle = get_object_or_404(Circle, pk=pk)
    return _act(
        request,
        lambda: services.close_circle(circle=circle, moderator=request.user),
        f"“{circle.name}” is closed. Its threads stay, and take no new posts.",
    )
