"""Who may moderate. Roles are auth groups (accounts.permissions)."""

from django.core.exceptions import PermissionDenied

from peersupport.accounts.permissions import is_admin, is_moderator, is_safeguarding_lead

from .models import Appeal


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


def can_read_audit_log(user):
    """Moderators and leads; admins too, who answer for the site (DESIGN.md: admins)."""
    return can_moderate(user) or is_admin(user)


def check_can_read_audit_log(user):
    if not can_read_audit_log(user):
        raise PermissionDenied


def can_decide(case, moderator):
    """An appeal goes to a different moderator: whoever made the appealed decision
    may not decide the appeal's case."""
    return can_moderate(moderator) and not (
        Appeal.objects.filter(case=case, decision__actor=moderator).exists()
    )
