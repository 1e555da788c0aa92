"""Who may moderate, and who may decide what about whom. Roles are auth groups
(accounts.permissions), in force only once two-step sign-in is set up."""

from dataclasses import dataclass, field
from enum import IntEnum

from django.core.exceptions import PermissionDenied
from django.http import Http404

from peersupport.accounts.permissions import (
    MODERATORS,
    SAFEGUARDING_LEADS,
    held_roles,
    is_admin,
    is_moderator,
    is_safeguarding_lead,
    roles_in_force,
)

from .models import ActionKind, Appeal, CaseReason, Priority


def can_moderate(user):
    """Moderators and safeguarding leads work the queue."""
    return user.is_authenticated and user.is_active and is_moderator(user)


def can_lead(user):
    return user.is_authenticated and user.is_active and is_safeguarding_lead(user)


def can_see_crisis_cases(user):
    """The leads' page: leads, and superusers, who answer for the site and must be able
    to see what is waiting on it (both with their powers in force). Only leads act on it."""
    return can_lead(user) or (user.is_authenticated and user.is_superuser and is_admin(user))


def check_can_moderate(user):
    if not can_moderate(user):
        raise PermissionDenied


def check_can_lead(user):
    if not can_lead(user):
        raise PermissionDenied


def can_see_moderation_record(user, person):
    """A member's moderation record (cases, sanctions, staff notes) is for moderators, but
    not their own: notes are written candidly about a member, and a moderator reading or
    adding to theirs would be deciding about themselves."""
    return can_moderate(user) and person.pk != user.pk


def check_can_see_moderation_record(user, person):
    if not can_see_moderation_record(user, person):
        raise PermissionDenied


def check_can_see_crisis_cases(user):
    if not can_see_crisis_cases(user):
        raise PermissionDenied


def can_read_audit_log(user):
    """Moderators and leads; admins too, who answer for the site (DESIGN.md: admins)."""
    return can_moderate(user) or is_admin(user)


def check_can_read_audit_log(user):
    if not can_read_audit_log(user):
        raise PermissionDenied


class Rank(IntEnum):
    """Warning, suspending and banning reach only someone of strictly lower rank: a
    moderator sanctions members, a lead moderators too, an admin who works the queue
    leads too. Nobody sanctions an admin from the queue: admins manage each other's
    accounts in the Django admin, where every change is logged."""

    MEMBER = 0
    MODERATOR = 1
    LEAD = 2
    ADMIN = 3


SANCTIONS = frozenset({ActionKind.WARN, ActionKind.SUSPEND, ActionKind.BAN})


def standing(user):
    """An account's rank from the roles it holds, in force or not: an admin who has not
    set up two-step sign-in yet is still out of a moderator's reach."""
    if user.is_staff or user.is_superuser:
        return Rank.ADMIN
    roles = held_roles(user)
    if SAFEGUARDING_LEADS in roles:
        return Rank.LEAD
    if MODERATORS in roles:
        return Rank.MODERATOR
    return Rank.MEMBER


def authority(user):
    """The rank an account acts with now: its roles in force only."""
    rank = standing(user)
    if rank == Rank.MEMBER or not (user.is_active and roles_in_force(user)):
        return Rank.MEMBER
    return rank


# Why someone may decide nothing on a case: (said to them, said to a lead giving it to them).
NOT_A_MODERATOR = (
    "Deciding cases is for moderators who have set up two-step sign-in.",
    "That person is not a moderator with two-step sign-in, so please give it to someone else.",
)
OWN_POST = (
    "This case is about your own post, so another moderator will decide it.",
    "This case is about that moderator's own post, so please give it to someone else.",
)
OWN_PROFILE = (
    "This case is about your own profile, so another moderator will decide it.",
    "This case is about that moderator's own profile, so please give it to someone else.",
)
OWN_APPEAL = (
    "This case is your own appeal, so another moderator will decide it.",
    "This case is that moderator's own appeal, so please give it to someone else.",
)
OWN_DECISION = (
    "You made the decision this appeal is about, so another moderator will decide it.",
    "That moderator made the decision this appeal is about, so please give it to someone else.",
)
# Why a decider may not sanction the member a case is about, by that member's rank.
OUT_OF_REACH = {
    Rank.MODERATOR: "This member is a moderator, so only a safeguarding lead or an admin can "
    "warn, suspend or ban them.",
    Rank.LEAD: "This member is a safeguarding lead, so only an admin can warn, suspend or "
    "ban them.",
    Rank.ADMIN: "This member is an admin, so nobody can warn, suspend or ban them from the "
    "queue; another admin can help.",
}
STILL_YOURS = " You can still decide what happens to what they wrote."


@dataclass(frozen=True)
class DecisionLimits:
    """What one moderator may not decide on one case, with the kind sentence that says
    why: `nothing` (they may not decide or take it at all), or the sanctions only."""

    nothing: tuple = ()
    sanctions: str = ""
    withheld: frozenset = field(default_factory=frozenset)

    def why_not(self, action=None):
        """Why `action` is not theirs to take ("" when it is); any action when None."""
        if self.nothing:
            return self.nothing[0]
        return self.sanctions if action in self.withheld else ""

    def why_not_theirs(self):
        """Why the case cannot be given to them, said to the lead giving it."""
        return self.nothing[1] if self.nothing else ""


def decision_limits(case, moderator):
    """Nobody decides a case about their own post or account, their own appeal, or an
    appeal of their own decision; nobody warns, suspends or bans someone of their own
    rank or above (see Rank). Reads `case.concerns`."""
    if not can_moderate(moderator):
        return DecisionLimits(nothing=NOT_A_MODERATOR)
    author = case.concerns
    if author is not None and author.pk == moderator.pk:
        return DecisionLimits(nothing=OWN_PROFILE if case.is_about_profile else OWN_POST)
    # Only an appeal's case has appeals to ask about.
    if CaseReason.APPEAL in case.reasons:
        for member_id, about_id, decided_by_id in Appeal.objects.filter(case=case).values_list(
            "member", "decision__member", "decision__actor"
        ):
            if moderator.pk in (member_id, about_id):
                return DecisionLimits(nothing=OWN_APPEAL)
            if decided_by_id == moderator.pk:
                return DecisionLimits(nothing=OWN_DECISION)
    if author is not None and standing(author) >= authority(moderator):
        return DecisionLimits(
            sanctions=OUT_OF_REACH[standing(author)] + STILL_YOURS, withheld=SANCTIONS
        )
    return DecisionLimits()


def can_decide(case, moderator, action=None):
    """Whether `moderator` may take `action` on `case` (any decision, when None)."""
    return not decision_limits(case, moderator).why_not(action)


# The cases whose writer the moderators may check in with privately.
CHECK_IN_REASONS = {CaseReason.CRISIS_LANGUAGE, CaseReason.CONCERN_LANGUAGE}


def is_crisis_or_concern(case):
    return case.priority <= Priority.HIGH or bool(CHECK_IN_REASONS & set(case.reasons))


def can_check_in(case, moderator):
    """A moderator who may decide a crisis or concern case about a post may write to its
    writer, if they still have an account; nobody checks in about their own post."""
    writer = case.concerns
    return (
        case.post_id is not None
        and writer is not None
        and writer.is_active
        and is_crisis_or_concern(case)
        and not decision_limits(case, moderator).nothing
    )


def can_read_check_in(case, user):
    """Only the writer the case is about, once the moderators have written to them."""
    writer = case.concerns
    return (
        user.is_authenticated
        and writer is not None
        and writer.pk == user.pk
        and case.check_ins.filter(from_moderators=True).exists()
    )


def check_can_read_check_in(case, user):
    # 404, not 403: anyone else must not learn that the check-in, or the case, exists.
    if not can_read_check_in(case, user):
        raise Http404
