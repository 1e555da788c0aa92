"""System checks: a site where a crisis alert would reach nobody says so at start-up."""

from django.conf import settings
from django.core.checks import Warning, register
from django.db import DatabaseError

from .alerts import lead_coverage_problem

WEBHOOK_NOTIFIER = "moderation.notifiers.WebhookNotifier"


@register()
def safeguarding_leads_check(app_configs, **kwargs):
    try:
        problem = lead_coverage_problem()
    except DatabaseError:
        # Before the first migrate there is nothing to look at yet.
        return []
    if not problem:
        return []
    return [
        Warning(
            problem,
            hint="In the admin: Members, choose the member, Roles, Safeguarding leads.",
            id="peersupport.W001",
        )
    ]


@register()
def crisis_webhook_check(app_configs, **kwargs):
    url = settings.CRISIS_WEBHOOK_URL
    if WEBHOOK_NOTIFIER in settings.CRISIS_NOTIFIERS and not url.startswith(
        ("https://", "http://")
    ):
        return [
            Warning(
                "CRISIS_NOTIFIERS names the webhook notifier but CRISIS_WEBHOOK_URL is not "
                "an http(s) address, so crisis alerts are not posted anywhere.",
                id="peersupport.W002",
            )
        ]
    return []
