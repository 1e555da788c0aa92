"""Handing slow work to the task queue (peersupport/celery.py)."""

import logging

from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


def send_to_queue(task, *args):
    """Queue `task(*args)`. If the broker cannot take it, the work is done here instead:
    one slow request rather than a notification or an email that silently never
    happens."""
    try:
        task.delay(*args)
    except OperationalError:
        logger.warning("The task queue is unreachable: running %s in the request", task.name)
        task.apply(args=args, throw=True)


def run_after_commit(task, *args):
    """Queue `task(*args)` once the current transaction commits, so the worker never
    looks for rows that are not there yet. Robust: whatever fails is logged, and the
    member, whose post is already saved, still gets their page."""

    # A named function, not a partial: Django logs a robust callback's failure by its
    # __qualname__, which a partial does not have.
    def queue_task():
        send_to_queue(task, *args)

    transaction.on_commit(queue_task, robust=True)
