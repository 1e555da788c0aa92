"""A member as moderators see them: their bio, cases, sanctions and staff notes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from peersupport.accounts.models import User

from ..forms import StaffNoteForm
from ..models import Case, Sanction, StaffNote
from ..permissions import check_can_moderate, check_can_see_moderation_record
from ..services import add_staff_note


@login_required
def member(request, username):
    check_can_moderate(request.user)
    person = get_object_or_404(User, username__iexact=username)
    check_can_see_moderation_record(request.user, person)
    form = StaffNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        add_staff_note(author=request.user, member=person, text=form.cleaned_data["text"])
        messages.success(request, "Your note is saved.")
        return redirect("moderation:member", username=person.username)
    return render(
        request,
        "moderation/member.html",
        {
            "person": person,
            "form": form,
            "cases": Case.objects.about_member(person),
            "sanctions": Sanction.objects.for_member(person),
            "notes": StaffNote.objects.for_member(person),
        },
    )
