"""The moderation queue: every open case, most urgent first."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.text import Truncator

from forum.display import link_pattern, to_the_minute

from ..case_forms import QueueFilterForm
from ..models import Case
from ..permissions import check_can_moderate

QUEUE_PAGE_SIZE = 25
EXCERPT_LENGTH = 400


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
    page.object_list = _as_listed(page.object_list, request.user)
    return render(request, "moderation/queue.html", {"page": page, "filters": filters})


def _as_listed(cases, moderator):
    """Each case's link, opening time, folded excerpt and whether it is about the
    moderator's own post (someone else decides those), worked out once per page: as
    template tags and filters per case they were a fifth of the page's rendering."""
    cases = list(cases)
    case_link = link_pattern("moderation_case")
    for case in cases:
        case.about_you = (case.post.author_id if case.post_id else case.member_id) == moderator.pk
        case.link = case_link.format(case.pk)
        case.opened_iso = to_the_minute(case.opened_at)
        words = case.post.body if case.post else case.member.pending_bio or case.member.bio
        case.excerpt = Truncator(words).chars(EXCERPT_LENGTH)
    return cases
