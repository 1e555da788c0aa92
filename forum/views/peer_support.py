"""The peer supporters' page: first posts still waiting for a reply."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .. import permissions
from ..models import Thread
from ..paging import page_without_count

WAITING_PER_PAGE = 20


@login_required
def waiting_for_first_reply(request):
    permissions.check_can_see_waiting_threads(request.user)
    threads = Thread.objects.waiting_for_first_reply().with_listing()
    # Paged without a count: how many are waiting is not the peer supporter's weight.
    page = page_without_count(threads, request.GET, "page", WAITING_PER_PAGE)
    return render(request, "forum/waiting_for_first_reply.html", {"page": page})
