"""Who may do what, by role. Roles are auth groups (DESIGN.md: Roles)."""

MODERATORS = "Moderators"
SAFEGUARDING_LEADS = "Safeguarding leads"


def remember_group_names(user, names):
    """Keep the user's role groups for the rest of the request (the auth backend loads
    them with the user, so a page asking about roles costs no query of its own)."""
    user._group_names = set(names)


def _in_group(user, *names):
    if not user.is_authenticated:
        return False
    if getattr(user, "_group_names", None) is None:
        remember_group_names(user, user.groups.values_list("name", flat=True))
    return bool(user._group_names.intersection(names))


def is_moderator(user):
    """Moderators and safeguarding leads both work the moderation queue."""
    return _in_group(user, MODERATORS, SAFEGUARDING_LEADS)


def is_safeguarding_lead(user):
    return _in_group(user, SAFEGUARDING_LEADS)


def can_see_profiles(user):
    """Profiles are for signed-in members only, so nothing about a member is public."""
    return user.is_authenticated and user.is_active
