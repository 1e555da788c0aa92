"""Small circles for members: finding one and asking to join, a circle's own page, and
leaving it. Moderators place members (moderation/views/circles.py); members never invite
one another."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from peersupport.refusals import Refused

from .. import permissions, services
from ..models import Circle, CircleMembership, CircleRequest, Thread

CIRCLE_THREADS_PER_PAGE = 20


@login_required
def circles(request):
    member = request.user
    return render(
        request,
        "forum/circles.html",
        {
            "circle_size": settings.CIRCLE_SIZE,
            "open_circles": Circle.objects.open().with_room().with_request_of(member),
            "my_circles": Circle.objects.of_member(member),
            "my_requests": CircleRequest.objects.waiting()
            .filter(member=member)
            .select_related("circle")
            .oldest_first(),
        },
    )


@login_required
@require_POST
def ask_to_join(request, pk):
    circle = get_object_or_404(Circle.objects.open(), pk=pk)
    try:
        services.ask_to_join(member=request.user, circle=circle)
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            "Thank you for asking. A moderator will read your request and let you know here, "
            "in your notifications.",
        )
    return redirect("forum:circles")


@login_required
@require_POST
def withdraw_request(request, pk):
    circle_request = get_object_or_404(CircleRequest, pk=pk, member=request.user)
    try:
        services.withdraw_request(member=request.user, request=circle_request)
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, "Your request is withdrawn. You can ask again at any time.")
    return redirect("forum:circles")


@login_required
def circle(request, pk):
    circle = get_object_or_404(Circle.objects.select_related("board", "moderator"), pk=pk)
    permissions.check_can_see_circle(request.user, circle)
    threads = (
        Thread.objects.visible_to(request.user)
        .filter(circle=circle)
        .with_listing()
        .order_by("-last_activity_at")
    )
    members = (
        CircleMembership.objects.filter(circle=circle)
        .select_related("member")
        .order_by("joined_at", "pk")
    )
    return render(
        request,
        "forum/circle.html",
        {
            "circle": circle,
            "members": members,
            "is_member": any(each.member_id == request.user.pk for each in members),
            "page": Paginator(threads, CIRCLE_THREADS_PER_PAGE).get_page(request.GET.get("page")),
        },
    )


@login_required
def leave_circle(request, pk):
    circle = get_object_or_404(Circle.objects.of_member(request.user), pk=pk)
    if request.method == "POST":
        services.leave_circle(member=request.user, circle=circle)
        messages.success(
            request,
            "You have left the circle. Nobody there is told why. If you would like to come "
            "back one day, you can ask again whenever you are ready.",
        )
        return redirect("forum:circles")
    return render(request, "forum/leave_circle.html", {"circle": circle})
