"""A writer's pseudonym, linked to their profile, the same way on every page."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

FORMER_MEMBER = mark_safe('<span class="pseudonym former-member">former member</span>')
MODERATOR_BADGE = mark_safe(' <span class="moderator-badge">Moderator</span>')
PEER_SUPPORTER_BADGE = mark_safe(' <span class="peer-supporter-badge">Peer supporter</span>')


@register.simple_tag
def pseudonym(name, moderator=False, peer_supporter=False):
    """`name` is empty for a former member; `moderator` or `peer_supporter` adds a badge
    (one only: a moderator who is a peer supporter too speaks for the site first). A tag
    rather than an included template: it stands beside every post and thread in a list,
    where an include costs a template context of its own each time."""
    if not name:
        return FORMER_MEMBER
    link = format_html(
        '<a href="{}" class="pseudonym">{}</a>', reverse("accounts:profile", args=[name]), name
    )
    if moderator:
        return format_html("{}{}", link, MODERATOR_BADGE)
    if peer_supporter:
        return format_html("{}{}", link, PEER_SUPPORTER_BADGE)
    return link
