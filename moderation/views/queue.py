"""The moderation queue: every open case, most urgent first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from .. import breaks
from ..availability import Rota
from ..forms import PlainApprovalForm, QueueFilterForm
from ..models import Case
from ..permissions import check_can_moderate
from ..services import approve_plain_cases

QUEUE_PAGE_SIZE = 25
EXCERPT_LENGTH = 400


@login_required
def queue(request):
    check_can_moderate(request.user)
    filters = QueueFilterForm(request.GET)
    cases = Case.objects.for_queue()
    # Unknown filter values are ignored rather than refused: the queue always shows.
    if filters.is_valid():
        cases = cases.filtered(moderator=request.user, **filters.cleaned_data)
    page = Paginator(cases, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = _as_listed(page.object_list, request.user)
    rota, now = Rota.current(), timezone.now()
    return render(
        request,
        "moderation/queue.html",
        {
            "page": page,
            "filters": filters,
            "any_plain": any(case.is_plain for case in page.object_list),
            "rota_in_use": rota.in_use(now),
            "on_shift": rota.on_shift(now),
            "later_today": rota.later_today(now),
            "break_prompt": breaks.take_break_prompt(request),
        },
    )


def _as_listed(cases, moderator):
    """Each case's excerpt and whether it is about the moderator's own post (someone
    else decides those), and whether it is a plain first post to approve from here."""
    cases = list(cases)
    for case in cases:
        case.about_you = (case.post.author_id if case.post_id else case.member_id) == moderator.pk
        words = case.post.body if case.post else case.member.pending_bio or case.member.bio
        case.excerpt = Truncator(words).chars(EXCERPT_LENGTH)
        case.is_plain = case.looks_plain and not case.about_you
    return cases


@login_required
@require_POST
def approve_plain(request):
    check_can_moderate(request.user)
    form = PlainApprovalForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please tick the first posts you want to approve.")
        return redirect("moderation:queue")
    approved, left = approve_plain_cases(
        moderator=request.user, case_ids=form.cleaned_data["cases"]
    )
    if approved:
        count = len(approved)
        messages.success(request, f"{count} first post{'s' if count != 1 else ''} approved.")
    if left:
        named = ", ".join(f"Case {pk}" for pk in left)
        messages.error(
            request,
            f"Sorry, {named} changed since you looked or is not yours to decide, so "
            f"{'it was' if len(left) == 1 else 'they were'} left open: please open "
            f"{'it' if len(left) == 1 else 'them'} to decide.",
        )
    return redirect("moderation:queue")
