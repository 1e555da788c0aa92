"""Telling safeguarding leads about crisis cases that have waited too long."""

import datetime

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone

from peersupport.accounts.models import User
from peersupport.accounts.permissions import SAFEGUARDING_LEADS

from .models import Case

ALERT_AFTER = datetime.timedelta(minutes=10)


def overdue_cutoff(now=None):
    return (now or timezone.now()) - ALERT_AFTER


def alert_leads_about_waiting_crises(now=None):
    """Email every active lead once about each crisis case open longer than
    ALERT_AFTER. Returns how many cases were alerted."""
    now = now or timezone.now()
    leads = list(
        User.objects.filter(is_active=True, groups__name=SAFEGUARDING_LEADS)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not leads:
        return 0
    alerted = 0
    for case_id in Case.objects.crisis_waiting_since(overdue_cutoff(now)).values_list(
        "pk", flat=True
    ):
        alerted += _alert_leads(case_id, leads, now)
    return alerted


@transaction.atomic
def _alert_leads(case_id, leads, now):
    # skip_locked: a slow run and the next minute's run never email about one case twice.
    case = (
        Case.objects.select_for_update(skip_locked=True)
        .crisis_waiting_since(overdue_cutoff(now))
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        return 0
    minutes = int((now - case.opened_at).total_seconds() // 60)
    # Only the link: the post and its writer stay behind the moderators' sign-in.
    subject = f"A crisis case has waited {minutes} minutes"
    body = (
        f"Case {case.pk} is a crisis case and has been waiting for a moderator for "
        f"{minutes} minutes.\n\nPlease look at it now:\n"
        f"{settings.SITE_URL}/moderation/cases/{case.pk}/\n"
    )
    send_mass_mail(
        [(subject, body, settings.DEFAULT_FROM_EMAIL, [lead]) for lead in leads],
        fail_silently=False,
    )
    case.leads_alerted_at = now
    case.save(update_fields=["leads_alerted_at"])
    return 1
