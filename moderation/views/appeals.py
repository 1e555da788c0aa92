"""A member asks for a decision about their post or account to be looked at again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from ..forms import AppealForm
from ..models import Appeal, ModerationAction
from ..services import AppealRefused, appeal_decision


@login_required
def appeal(request, pk):
    # Only the member the decision concerns: anyone else must not learn it exists.
    decision = get_object_or_404(ModerationAction.objects.appealable_by(request.user), pk=pk)
    earlier = Appeal.objects.filter(decision=decision).first()
    form = AppealForm(request.POST or None)
    if request.method == "POST" and earlier is None and form.is_valid():
        try:
            appeal_decision(member=request.user, decision=decision, text=form.cleaned_data["text"])
        except AppealRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(
                request,
                "Thank you. A different moderator will look at this again and let you know.",
            )
            return redirect("moderation:appeal", pk=decision.pk)
    return render(
        request,
        "moderation/appeal.html",
        {"decision": decision, "earlier": earlier, "form": form},
    )
