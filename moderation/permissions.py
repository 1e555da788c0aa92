"""Who may moderate. Roles are auth groups (accounts.permissions)."""

from django.core.exceptions import PermissionDenied

from peersupport.accounts.permissions import is_moderator, is_safeguarding_lead


def can_moderate(user):
    """Moderators and safeguarding leads work the queue."""
    return user.is_authenticated and user.is_active and is_moderator(user)


def can_lead(user):
    return user.is_authenticated and user.is_active and is_safeguarding_lead(user)


def check_can_moderate(user):
    if not can_moderate(user):
        raise PermissionDenied


def check_can_lead(user):
    if not can_lead(user):
        raise PermissionDenied
