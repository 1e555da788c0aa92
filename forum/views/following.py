"""Following threads and boards, and the notifications page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .. import following
from ..models import Board, Notification, Thread

NOTIFICATIONS_PER_PAGE = 20


@login_required
@require_POST
def follow_thread(request, pk, follow):
    thread = get_object_or_404(Thread.objects.visible_to(request.user), pk=pk)
    if follow:
        following.follow_thread(member=request.user, thread=thread)
        messages.success(
            request, "You are following this thread. We will tell you about new replies."
        )
    else:
        following.unfollow_thread(member=request.user, thread=thread)
        messages.success(request, "You are no longer following this thread.")
    return redirect(thread)


@login_required
@require_POST
def follow_board(request, slug, follow):
    board = get_object_or_404(Board, slug=slug)
    if follow:
        following.follow_board(member=request.user, board=board)
        messages.success(request, "You are following this board.")
    else:
        following.unfollow_board(member=request.user, board=board)
        messages.success(request, "You are no longer following this board.")
    return redirect(board)


@login_required
def notifications(request):
    # Opening the page changes nothing (a browser may open it ahead, or someone else at
    # a shared computer): they stay new until the member marks them read.
    shown = Notification.objects.for_member(request.user).with_links().newest_first()
    page = Paginator(shown, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "forum/notifications.html", {"page": page})


@require_POST
@login_required
def mark_notifications_read(request):
    following.mark_notifications_read(member=request.user)
    messages.success(request, "All your notifications are marked as read.")
    return redirect("notifications")
