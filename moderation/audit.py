"""Writing the audit log. Every moderation service calls `record` inside its own
transaction, so a decision and its audit row are saved together or not at all."""

from .models import ModerationAction


def record(*, actor, action, target, reason="", before=None, after=None, case=None, member=None):
    """Append one row to the audit log. `target` is any model instance."""
    return ModerationAction.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target._meta.label,
        target_id=str(target.pk),
        target_repr=str(target)[:200],
        case=case,
        member=member,
        reason=reason,
        before=before or {},
        after=after or {},
    )
