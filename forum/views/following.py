"""Following threads and boards."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from .. import following, permissions
from ..models import Board, Thread


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
    board = get_object_or_404(Board.objects.select_related("circle"), slug=slug)
    permissions.check_can_see_board(request.user, board)
    if follow:
        following.follow_board(member=request.user, board=board)
        messages.success(request, "You are following this board.")
    else:
        following.unfollow_board(member=request.user, board=board)
        messages.success(request, "You are no longer following this board.")
    return redirect(board)
