"""Telling the safeguarding leads about crisis cases: at once when a case opens (through
the task queue), and once more if it is still open CRISIS_REMINDER_MINUTES later."""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.module_loading import import_string

from peersupport.accounts.models import User

from .models import Case


def reminder_after():
    return datetime.timedelta(minutes=settings.CRISIS_REMINDER_MINUTES)


def overdue_cutoff(now=None):
    """Crisis cases opened before this have waited longer than the leads should."""
    return (now or timezone.now()) - reminder_after()


def active_leads():
    return User.objects.safeguarding_leads().filter(is_active=True)


def on_call_leads():
    """The leads on call, or every lead when nobody is marked on call: a new site, or a
    rota with a gap, still reaches someone."""
    leads = active_leads()
    on_call = leads.filter(on_call=True)
    return on_call if on_call.exists() else leads


def lead_coverage_problem():
    """Why a crisis alert would reach nobody, in a sentence for the site's admins; empty
    when at least one active lead has a verified email address."""
    leads = active_leads()
    if not leads.exists():
        return (
            "No safeguarding lead exists, so nobody is alerted about crisis posts. "
            'Add a member with a verified email address to the "Safeguarding leads" group.'
        )
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    if not leads.filter(Exists(verified)).exists():
        return (
            "No safeguarding lead has a verified email address, so crisis alerts may "
            "reach nobody. Ask a lead to confirm their address."
        )
    return ""


def notifiers():
    return [import_string(path)() for path in settings.CRISIS_NOTIFIERS]


def alert_leads_about_case(case_id, now=None):
    """Tell the on-call leads about a new crisis case, once: a crisis post that joins
    an open case (a burst) finds it already alerted. Returns whether it alerted."""
    return _tell_leads(case_id, Case.objects.crisis_not_alerted(), now, reminder=False)


def alert_leads_about_waiting_crises(now=None):
    """The minute-by-minute run: alerts any crisis case the queue could not (no lead
    yet, a notifier down), and reminds every lead once about a case still open
    CRISIS_REMINDER_MINUTES after its alert. Returns how many cases it told leads about."""
    now = now or timezone.now()
    told = 0
    for case_id in Case.objects.crisis_not_alerted().values_list("pk", flat=True):
        told += alert_leads_about_case(case_id, now)
    due = Case.objects.crisis_due_a_reminder(overdue_cutoff(now))
    for case_id in due.values_list("pk", flat=True):
        told += _tell_leads(case_id, due, now, reminder=True)
    return told


@transaction.atomic
def _tell_leads(case_id, cases, now, *, reminder):
    # skip_locked: the queue's alert and the minute's run never tell about one case twice.
    case = cases.select_for_update(skip_locked=True, of=("self",)).filter(pk=case_id).first()
    if case is None:
        return 0
    # A reminder goes to every lead: whoever was on call has not reached the case.
    leads = list(active_leads() if reminder else on_call_leads())
    if not leads:
        return 0
    for notifier in notifiers():
        notifier.notify(case, leads, reminder=reminder)
    now = now or timezone.now()
    field = "leads_reminded_at" if reminder else "leads_alerted_at"
    setattr(case, field, now)
    case.save(update_fields=[field])
    return 1
