"""Times in a page's markup, to the minute only."""

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
