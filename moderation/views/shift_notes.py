"""End-of-shift notes: a moderator writes one for the safeguarding leads, who read them
on their own page (moderation.views.escalation)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from ..forms import ShiftNoteForm
from ..permissions import check_can_moderate
from ..services import leave_shift_note


@login_required
def shift_note(request):
    check_can_moderate(request.user)
    form = ShiftNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        leave_shift_note(moderator=request.user, text=form.cleaned_data["text"].strip())
        messages.success(request, "Thank you. Your note is with the safeguarding leads.")
        return redirect("moderation:queue")
    return render(request, "moderation/shift_note.html", {"form": form})
