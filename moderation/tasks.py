"""Moderation's scheduled work, run by Celery beat and the worker (docs/deploy.md)."""

from celery import shared_task

from .escalation import alert_leads_about_waiting_crises


# Each case is locked and marked as it is alerted, so a retry emails only the rest.
@shared_task(autoretry_for=(OSError,), retry_backoff=10, max_retries=3)
def alert_safeguarding_leads():
    return alert_leads_about_waiting_crises()
