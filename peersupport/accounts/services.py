from django.db import transaction

from .models import User


@transaction.atomic
def update_preferences(
    user: User,
    *,
    region: str,
    bio: str,
    email_on_reply: bool | None = None,
    quiet_mode: bool | None = None,
    muted_words: str | None = None,
    warning_preferences: dict | None = None,
) -> User:
    user.region = region
    user.bio = bio
    changed = ["region", "bio"]
    if email_on_reply is not None:
        user.email_on_reply = email_on_reply
        changed.append("email_on_reply")
    # Left out, a preference keeps its value; given, it is saved.
    optional = {
        "quiet_mode": quiet_mode,
        "muted_words": muted_words,
        "warning_preferences": warning_preferences,
    }
    for name, value in optional.items():
        if value is not None:
            setattr(user, name, value)
            changed.append(name)
    user.save(update_fields=changed)
    return user
