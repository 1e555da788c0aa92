"""Who may do what, by role. Roles are auth groups; admins are staff (DESIGN.md: Roles).

An account *holds* a role by being in its group (or staff); the role is *in force* only
once the account has two-step sign-in, when REQUIRE_MFA_FOR_STAFF asks for it. Until
then the account is a member everywhere, so a moderator's or an admin's password alone
reads and does nothing a member could not.

Peer supporters are the exception: their role is in force as soon as they are in its
group. It shows them nothing a member cannot see (the threads waiting for a first reply
are on every member's home page too) and lets them do nothing a member cannot, so a
password alone gains an intruder nothing more; and asking trained young volunteers for
an authenticator app would keep many of them from the role.
"""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Exists

from .models import MODERATORS, PEER_SUPPORTERS, SAFEGUARDING_LEADS

# The roles with powers over others, which wait for two-step sign-in.
ROLE_GROUPS = frozenset({MODERATORS, SAFEGUARDING_LEADS})


def remember_roles(user, names, *, has_two_step):
    """Keep the user's role groups, and whether they have two-step sign-in, for the rest
    of the request (the auth backend loads both with the user, so a page asking about
    roles costs no query of its own)."""
    user._group_names = set(names)
    user._has_two_step = has_two_step


def held_roles(user):
    """The role groups the account is in, whether or not they are in force yet."""
    if not user.is_authenticated:
        return set()
    if getattr(user, "_group_names", None) is None:
        user._group_names = set(user.groups.values_list("name", flat=True))
    return user._group_names


def holds_a_role(user):
    """Staff, or in a role group: an account that two-step sign-in is asked of."""
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or bool(held_roles(user) & ROLE_GROUPS)
    )


def has_two_step_sign_in(user):
    """An authenticator app is set up (allauth then asks for its code at every sign-in)."""
    if getattr(user, "_has_two_step", None) is None:
        user._has_two_step = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
    return user._has_two_step


def roles_in_force(user):
    """Whether the roles the account holds give it their powers now."""
    return not settings.REQUIRE_MFA_FOR_STAFF or has_two_step_sign_in(user)


def holds_role_in_force(user_ref):
    """An Exists() for querysets: whether the user `user_ref` points at is a moderator or
    a lead whose role is in force (as roles_in_force), in the caller's own query."""
    in_a_role = Exists(
        Group.user_set.through.objects.filter(
            user_id=user_ref, group__name__in=[MODERATORS, SAFEGUARDING_LEADS]
        )
    )
    if not settings.REQUIRE_MFA_FOR_STAFF:
        return in_a_role
    two_step = Exists(Authenticator.objects.filter(user_id=user_ref, type=Authenticator.Type.TOTP))
    return in_a_role & two_step


def holds_peer_supporter_role(user_ref):
    """An Exists() for querysets: whether the user `user_ref` points at is a peer
    supporter (in force at once, see above), in the caller's own query."""
    return Exists(
        Group.user_set.through.objects.filter(user_id=user_ref, group__name=PEER_SUPPORTERS)
    )


def _in_group(user, *names):
    return bool(held_roles(user).intersection(names)) and roles_in_force(user)


def is_moderator(user):
    """Moderators and safeguarding leads both work the moderation queue."""
    return _in_group(user, MODERATORS, SAFEGUARDING_LEADS)


def is_safeguarding_lead(user):
    return _in_group(user, SAFEGUARDING_LEADS)


def is_peer_supporter(user):
    """A trained member named by the admins, who welcomes first posts."""
    return user.is_authenticated and user.is_active and PEER_SUPPORTERS in held_roles(user)


def is_admin(user):
    """Staff with their powers in force: the admin, the audit log, no pre-moderation."""
    return user.is_authenticated and user.is_active and user.is_staff and roles_in_force(user)


def must_set_up_two_step(user):
    """A role is waiting for two-step sign-in before its powers are in force."""
    return holds_a_role(user) and not roles_in_force(user)


def can_see_profiles(user):
    """Profiles are for signed-in members only, so nothing about a member is public."""
    return user.is_authenticated and user.is_active
