"""The moderation queue: every open case, most urgent first."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from ..case_forms import QueueFilterForm
from ..models import Case
from ..permissions import check_can_moderate

QUEUE_PAGE_SIZE = 25


@login_required
def queue(request):
    check_can_moderate(request.user)
    filters = QueueFilterForm(request.GET)
    cases = Case.objects.for_queue()
    # Unknown filter values are ignored rather than refused: the queue always shows.
    if filters.is_valid():
        chosen = filters.cleaned_data
        if chosen["priority"]:
            cases = cases.with_priority(chosen["priority"])
        if chosen["reason"]:
            cases = cases.with_reason(chosen["reason"])
        if chosen["board"]:
            cases = cases.in_board(chosen["board"])
        if chosen["mine"]:
            cases = cases.claimed_by(request.user)
    page = Paginator(cases, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "moderation/queue.html", {"page": page, "filters": filters})
