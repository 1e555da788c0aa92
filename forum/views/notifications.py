"""A member's notifications page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .. import notifications as notifying
from ..models import Notification
from .breaks import resting_during_break

NOTIFICATIONS_PER_PAGE = 20


@resting_during_break
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
    notifying.mark_notifications_read(member=request.user)
    messages.success(request, "All your notifications are marked as read.")
    return redirect("forum:notifications")
