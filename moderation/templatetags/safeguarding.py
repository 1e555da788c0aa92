from django import template

from ..alerts import lead_coverage_problem

register = template.Library()


@register.inclusion_tag("admin/safeguarding_warning.html")
def safeguarding_warning():
    """The admin's banner while a crisis alert would reach nobody."""
    return {"problem": lead_coverage_problem()}
