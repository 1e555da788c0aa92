"""Who may do what, by role. Roles are auth groups (DESIGN.md: Roles)."""

MODERATORS = "Moderators"
SAFEGUARDING_LEADS = "Safeguarding leads"


def _in_group(user, *names):
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_group_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._group_names = cached
    return bool(cached.intersection(names))


def is_moderator(user):
    """Moderators and safeguarding leads both work the moderation queue."""
    return _in_group(user, MODERATORS, SAFEGUARDING_LEADS)


def is_safeguarding_lead(user):
    return _in_group(user, SAFEGUARDING_LEADS)


def can_see_profiles(user):
    """Profiles are for signed-in members only, so nothing about a member is public."""
    return user.is_authenticated and user.is_active
