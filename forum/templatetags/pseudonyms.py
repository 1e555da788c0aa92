"""A writer's pseudonym, linked to their profile, the same way on every page."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

FORMER_MEMBER = mark_safe('<span class="pseudonym former-member">former member</span>')
MODERATOR_BADGE = mark_safe(' <span class="moderator-badge">Moderator</span>')


@register.simple_tag
def pseudonym(name, moderator=False):
    """`name` is empty for a former member; `moderator` adds the badge. A tag rather than
    an included template: it stands beside every post and thread in a list, where an
    include costs a template context of its own each time."""
    if not name:
        return FORMER_MEMBER
    link = format_html(
        '<a href="{}" class="pseudonym">{}</a>', reverse("accounts:profile", args=[name]), name
    )
    return format_html("{}{}", link, MODERATOR_BADGE) if moderator else link
