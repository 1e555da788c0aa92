from django import template
from django.utils.html import format_html

from ..directory import NO_EMERGENCY_LINE

register = template.Library()


@register.simple_tag(takes_context=True)
def emergency_call(context):
    """ "call 999 or go to A&E", linked, from the directory for the viewer's region: the
    one wording every page's "if your life is in danger" line uses."""
    directory = context.get("crisis_directory")
    emergency = directory.emergency if directory else None
    if emergency is None or not emergency.phone:
        return NO_EMERGENCY_LINE
    after = f" {emergency.after_number}" if emergency.after_number else ""
    return format_html('<a href="{}">call {}</a>{}', emergency.tel_href, emergency.phone, after)
