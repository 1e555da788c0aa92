"""Times in a page's markup, to the minute only."""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def to_the_minute(moment):
    """A moment as a <time datetime> gives it: local time to the minute with its offset
    (ISO 8601, with the colon in the offset that Django's `date` filter cannot write).
    Seconds and microseconds would only help match a pseudonym's post to a server log,
    a screenshot or another site's record."""
    if not moment:
        return ""
    return timezone.localtime(moment).isoformat(timespec="minutes")


# How long a thread has waited, in words that say roughly and do not count: the list of
# waiting threads is an invitation, not a clock.
WAITING_WORDS = [
    (datetime.timedelta(hours=1), "posted in the last hour"),
    (datetime.timedelta(hours=3), "waiting for about an hour or two"),
    (datetime.timedelta(days=1), "waiting for a few hours"),
    (datetime.timedelta(days=2), "waiting for about a day"),
]
WAITED_LONGER = "waiting for a few days"


@register.filter
def time_waiting(since, now=None):
    waited = (now or timezone.now()) - since
    return next((words for under, words in WAITING_WORDS if waited < under), WAITED_LONGER)
