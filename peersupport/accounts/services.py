from django.db import transaction
from django.utils import timezone

from .breaks import break_duration
from .models import User


@transaction.atomic
def update_preferences(
    user: User,
    *,
    region: str | None = None,
    email_on_reply: bool | None = None,
    quiet_mode: bool | None = None,
    low_stimulation: bool | None = None,
    muted_words: str | None = None,
    warning_preferences: dict | None = None,
) -> User:
    """Save the preferences given; one left out keeps its value. The bio is not among
    them: it is screened first (moderation.services.submit_bio)."""
    given = {
        "region": region,
        "email_on_reply": email_on_reply,
        "quiet_mode": quiet_mode,
        "low_stimulation": low_stimulation,
        "muted_words": muted_words,
        "warning_preferences": warning_preferences,
    }
    changed = [name for name, value in given.items() if value is not None]
    for name in changed:
        setattr(user, name, given[name])
    user.save(update_fields=changed)
    return user


@transaction.atomic
def take_break(user: User, *, length: str, now=None) -> User:
    """Rest the forum for the member for `length` (a BreakLength) from now: they see a
    gentle page instead of it, and are sent no emails, until it ends or they end it."""
    user.break_until = (now or timezone.now()) + break_duration(length)
    user.save(update_fields=["break_until"])
    return user


@transaction.atomic
def end_break(user: User) -> User:
    """Come back early: the forum and its notifications are there again at once."""
    user.break_until = None
    user.save(update_fields=["break_until"])
    return user
