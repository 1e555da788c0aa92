"""How safeguarding leads hear about a crisis case: CRISIS_NOTIFIERS names the classes.

A notifier is a class with `notify(case, leads, *, reminder=False)`; `leads` are the
User rows to tell. Notifiers say only that a crisis case is waiting and link to it:
never what was written, never who wrote it, so nothing leaves the moderators' sign-in.
A deployment adds SMS or a chat room by naming another class in the setting.
"""

import json
import urllib.request

from django.conf import settings
from django.core.mail import send_mass_mail


def case_link(case):
    return f"{settings.SITE_URL.rstrip('/')}/moderation/cases/{case.pk}/"


def leads_page_link():
    return f"{settings.SITE_URL.rstrip('/')}/moderation/escalated/"


def headline(case, *, reminder=False):
    if reminder:
        return f"Still waiting: crisis case {case.pk} is open"
    return f"A crisis case is waiting: case {case.pk}"


class EmailNotifier:
    """One email to each lead with an address."""

    def notify(self, case, leads, *, reminder=False):
        subject = headline(case, reminder=reminder)
        opening = (
            f"Case {case.pk} is a crisis case and is still open."
            if reminder
            else f"Case {case.pk} is a new crisis case."
        )
        body = (
            f"{opening}\n\nPlease look at it now:\n{case_link(case)}\n\n"
            f"Every open crisis case: {leads_page_link()}\n"
        )
        send_mass_mail(
            [
                (subject, body, settings.DEFAULT_FROM_EMAIL, [lead.email])
                for lead in leads
                if lead.email
            ],
            fail_silently=False,
        )


class WebhookNotifier:
    """Posts {"text": ..., "url": ...} as JSON to CRISIS_WEBHOOK_URL: the shape chat
    rooms' incoming webhooks take, and easy for an SMS gateway to read."""

    timeout = 10

    def notify(self, case, leads, *, reminder=False):
        url = settings.CRISIS_WEBHOOK_URL
        # Unset is warned about at start-up (peersupport.W002); only web addresses are
        # posted to, never a file: or other scheme urllib would also open.
        if not url.startswith(("https://", "http://")):
            return
        payload = {
            "text": f"{headline(case, reminder=reminder)}: {case_link(case)}",
            "url": case_link(case),
        }
        request = urllib.request.Request(  # noqa: S310 (checked above)
            url,
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        # A failure raises OSError, which the task queue retries.
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
            response.read()
