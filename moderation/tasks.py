"""Moderation's work on the task queue, run by the worker and Celery beat (docs/deploy.md)."""

from celery import shared_task

from .alerts import alert_leads_about_case, alert_leads_about_waiting_crises


# Each case is locked and marked as the leads are told, so a retry tells only the rest.
@shared_task(autoretry_for=(OSError,), retry_backoff=10, max_retries=3)
def alert_safeguarding_leads():
    return alert_leads_about_waiting_crises()


@shared_task(autoretry_for=(OSError,), retry_backoff=10, max_retries=3)
def alert_leads_about_crisis_case(case_id):
    return alert_leads_about_case(case_id)
