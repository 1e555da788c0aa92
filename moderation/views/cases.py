"""One case: the post in context (or the profile, for a case about a member's bio), the
writer's history, and the decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .. import breaks, notices
from ..forms import DecisionForm, ReassignForm
from ..models import Case, Flag, Sanction, StaffNote
from ..permissions import can_lead, check_can_lead, check_can_moderate, decision_limits
from ..screening.findings import describe_findings
from ..services import DecisionRefused, claim_case, decide_case, reassign_case
from ..services.decision_kinds import DECISION_KINDS
from .check_ins import check_in_context

HISTORY_LENGTH = 20


@login_required
def case(request, pk):
    check_can_moderate(request.user)
    case = get_object_or_404(Case.objects.for_case_page(), pk=pk)
    limits = decision_limits(case, request.user)
    form = DecisionForm(
        request.POST or None,
        # The post's words start the "edit and approve" box, so a small change stays
        # small; an escalated case shows the lead the first moderator's verdict.
        initial={
            "body": case.post.body if case.post else "",
            "screening_verdict": case.screening_verdict,
        },
        asks_screening_verdict=case.has_screening_findings,
        about_profile=case.is_about_profile,
        withheld=limits.withheld,
    )
    preview = None
    if request.method == "POST" and "preview" in request.POST:
        preview = _message_preview(request.POST.get("action"), request.POST.get("reason", ""), case)
    elif request.method == "POST" and form.is_valid():
        try:
            decide_case(
                case=case,
                moderator=request.user,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"].strip(),
                screening_verdict=form.cleaned_data.get("screening_verdict", ""),
                seen_posts=form.cleaned_data["seen_posts"],
                **form.details(),
            )
        except DecisionRefused as refused:
            messages.error(request, refused.message)
            return redirect("moderation:case", case.pk)
        messages.success(request, "Your decision is saved. Thank you.")
        breaks.suggest_a_break_if_due(request)
        return _next_case(request.user)
    # Opening a case changes nothing: it is taken with its button, or by deciding it.
    return render(
        request,
        "moderation/case.html",
        {
            **_case_context(case, request.user, limits),
            **check_in_context(case, request.user, request.GET.get("check_in_template", "")),
            "form": form,
            "preview": preview,
            "break_prompt": breaks.take_break_prompt(request),
        },
    )


@login_required
@require_POST
def take(request, pk):
    check_can_moderate(request.user)
    case = get_object_or_404(
        Case.objects.select_related("post__author", "member", "claimed_by"), pk=pk
    )
    try:
        claim_case(case=case, moderator=request.user)
    except DecisionRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, "The case is yours for the next 15 minutes.")
    return redirect("moderation:case", case.pk)


@login_required
def next_case(request):
    """The start of a shift: the most urgent case this moderator may decide."""
    check_can_moderate(request.user)
    return _next_case(request.user)


def _next_case(moderator):
    """On to the next case, so a shift is one page per decision; the queue when none."""
    following = Case.objects.next_for(moderator)
    if following is None:
        return redirect("moderation:queue")
    return redirect("moderation:case", following.pk)


def _message_preview(action, reason, case):
    kind = DECISION_KINDS.get(action)
    if kind is None or kind.escalates:
        return {
            "sends_nothing": True,
            "text": "Escalating sends the member nothing: the case stays open for a "
            "safeguarding lead, who reads your reason.",
        }
    return {
        "text": notices.decision_notice(
            kind, reason, about_bio=case.is_about_profile, in_crisis=case.is_crisis
        )
    }


def _case_context(case, user, limits):
    post = case.post
    author = post.author if post else case.member
    holder = case.claimant()
    # Asked for only when the case gathered a burst of posts: most cases hold one.
    added_posts = (
        list(case.added_posts.select_related("thread__board").order_by("pk"))
        if case.added_post_count
        else []
    )
    posts = [post, *added_posts] if post else []
    is_mine = holder is not None and holder.pk == user.pk
    return {
        "case": case,
        "limits": limits,
        "can_take": case.is_open and not limits.nothing and (holder is None or is_mine),
        "findings": describe_findings(case.findings),
        "post": post,
        "added_posts": added_posts,
        "seen_posts": ",".join(str(each.pk) for each in posts),
        "writer": author,
        "holder": holder,
        "is_mine": is_mine,
        # Its writer never learns who flagged, a moderator no more than anyone.
        "about_you": author is not None and author.pk == user.pk,
        # Only an edited post has earlier versions (edit_post sets edited_at).
        "revisions": post.revisions.select_related("edited_by") if post and post.edited_at else [],
        "flags": Flag.objects.about(posts, author).select_related("flagger").order_by("created_at"),
        "history": (
            Case.objects.about_member(author).exclude(pk=case.pk)[:HISTORY_LENGTH] if author else []
        ),
        "sanctions": Sanction.objects.for_member(author) if author else [],
        "staff_notes": StaffNote.objects.for_member(author) if author else [],
        "can_lead": can_lead(user),
        "reassign_form": ReassignForm(),
    }


@login_required
@require_POST
def reassign(request, pk):
    check_can_lead(request.user)
    case = get_object_or_404(Case, pk=pk)
    form = ReassignForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("username", [])))
        return redirect("moderation:case", case.pk)
    moderator = form.cleaned_data["moderator"]
    try:
        reassign_case(case=case, lead=request.user, moderator=moderator)
    except DecisionRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            f"The case is now with {moderator.username}." if moderator else "The case is free.",
        )
    return redirect("moderation:case", case.pk)
