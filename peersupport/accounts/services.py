from django.db import transaction

from .models import User


@transaction.atomic
def update_preferences(
    user: User,
    *,
    region: str | None = None,
    email_on_reply: bool | None = None,
    quiet_mode: bool | None = None,
    muted_words: str | None = None,
    warning_preferences: dict | None = None,
) -> User:
    """Save the preferences given; one left out keeps its value. The bio is not among
    them: it is screened first (moderation.services.submit_bio)."""
    given = {
        "region": region,
        "email_on_reply": email_on_reply,
        "quiet_mode": quiet_mode,
        "muted_words": muted_words,
        "warning_preferences": warning_preferences,
    }
    changed = [name for name, value in given.items() if value is not None]
    for name in changed:
        setattr(user, name, given[name])
    user.save(update_fields=changed)
    return user
