"""A private check-in: a moderator writes from a crisis or concern case's page, and the
writer reads and answers on a page only they can open."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ..forms import CheckInAnswerForm, CheckInForm
from ..models import Case, CheckIn, MessageTemplate
from ..permissions import (
    can_check_in,
    check_can_moderate,
    check_can_read_check_in,
    is_crisis_or_concern,
)
from ..services import CheckInRefused, answer_check_in, send_check_in


def check_in_context(case, moderator, chosen_key=""):
    """What the case page shows of the check-in: the playbook and conversation on a
    crisis or concern case, and the form when the moderator may write."""
    if case.post_id is None or not is_crisis_or_concern(case):
        return {"check_in_shown": False}
    templates = MessageTemplate.objects.for_check_ins()
    chosen = next((each for each in templates if each.key == chosen_key), None)
    return {
        "check_in_shown": True,
        "check_ins": CheckIn.objects.about_case(case),
        "can_check_in": can_check_in(case, moderator),
        "check_in_templates": templates,
        "check_in_chosen": chosen.key if chosen else "",
        # Its own ids: the decision form on the same page has a `body` field too.
        "check_in_form": CheckInForm(
            initial={"body": chosen.body if chosen else ""}, auto_id="id_check_in_%s"
        ),
    }


@login_required
@require_POST
def send(request, pk):
    check_can_moderate(request.user)
    case = get_object_or_404(Case.objects.select_related("post__author"), pk=pk)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["body"]))
        return redirect("moderation:case", case.pk)
    try:
        send_check_in(case=case, moderator=request.user, body=form.cleaned_data["body"].strip())
    except CheckInRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request, "Your check-in is sent. The writer sees it as from the moderators."
        )
    return redirect("moderation:case", case.pk)


@login_required
def conversation(request, pk):
    case = get_object_or_404(Case.objects.select_related("post__author", "post__thread"), pk=pk)
    check_can_read_check_in(case, request.user)
    form = CheckInAnswerForm(request.POST or None)
    crisis = False
    if request.method == "POST" and form.is_valid():
        try:
            answer = answer_check_in(
                case=case, writer=request.user, body=form.cleaned_data["body"].strip()
            )
        except CheckInRefused as refused:
            form.add_error("body", refused.message)
        else:
            if not answer.crisis:
                messages.success(request, "Thank you. Your answer is with the moderators.")
                return redirect("moderation:check_in", case.pk)
            # Help at once, on this page, as for a crisis post.
            crisis = True
            form = CheckInAnswerForm()
    return render(
        request,
        "moderation/check_in.html",
        {
            "case": case,
            "check_ins": case.check_ins.in_order(),
            "form": form,
            "crisis": crisis,
            "help_on_page": crisis,
        },
    )
