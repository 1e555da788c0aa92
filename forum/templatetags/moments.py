"""Times in a page's markup, to the minute only (forum.display.to_the_minute)."""

from django import template

from ..display import to_the_minute as _to_the_minute

register = template.Library()


@register.filter
def to_the_minute(moment):
    return _to_the_minute(moment) if moment else ""
