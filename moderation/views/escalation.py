"""The safeguarding leads' own view: escalated and crisis cases, oldest first."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..alerts import overdue_cutoff
from ..models import Case
from ..permissions import can_moderate, check_can_see_crisis_cases


@login_required
def escalated(request):
    check_can_see_crisis_cases(request.user)
    cases = Case.objects.for_leads()
    return render(
        request,
        "moderation/escalated.html",
        {
            "cases": cases,
            # A superuser without a moderating role sees what waits but cannot open it.
            "can_open_cases": can_moderate(request.user),
            "overdue_cutoff": overdue_cutoff(),
            "reminder_minutes": settings.CRISIS_REMINDER_MINUTES,
        },
    )
