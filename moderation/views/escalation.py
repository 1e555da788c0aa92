"""The safeguarding leads' own view: escalated and crisis cases, oldest first, and the
moderators' end-of-shift notes, newest first."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..alerts import overdue_cutoff
from ..models import Case, ShiftNote
from ..permissions import can_lead, can_moderate, check_can_see_crisis_cases

SHIFT_NOTES_SHOWN = 30


@login_required
def escalated(request):
    check_can_see_crisis_cases(request.user)
    cases = Case.objects.for_leads()
    # Written for the leads: an admin who answers for the site sees the cases only.
    notes = ShiftNote.objects.for_leads()[:SHIFT_NOTES_SHOWN] if can_lead(request.user) else None
    return render(
        request,
        "moderation/escalated.html",
        {
            "cases": cases,
            # A superuser without a moderating role sees what waits but cannot open it.
            "can_open_cases": can_moderate(request.user),
            "overdue_cutoff": overdue_cutoff(),
            "reminder_minutes": settings.CRISIS_REMINDER_MINUTES,
            "shift_notes": notes,
        },
    )
