"""Warning, suspending and banning a member. Called by `decide_case` inside its
transaction, which writes the audit row."""

from django.contrib.auth import get_user_model

from peersupport.accounts.sessions import end_sessions

from ..models import Sanction, SanctionKind


def warn_member(*, member, moderator, reason, case):
    Sanction.objects.create(
        member=member, kind=SanctionKind.WARN, reason=reason, case=case, created_by=moderator
    )
    return {}, {"sanction": SanctionKind.WARN.value}


def suspend_member(*, member, moderator, reason, case, until):
    """The member can still read, but cannot post until `until`."""
    before = {"posting_suspended_until": _iso(member.posting_suspended_until)}
    Sanction.objects.create(
        member=member,
        kind=SanctionKind.SUSPEND,
        reason=reason,
        until=until,
        case=case,
        created_by=moderator,
    )
    get_user_model().objects.filter(pk=member.pk).update(posting_suspended_until=until)
    member.posting_suspended_until = until
    return before, {"sanction": SanctionKind.SUSPEND.value, "posting_suspended_until": _iso(until)}


def ban_member(*, member, moderator, reason, case):
    """The member cannot sign in again, and every session they have open ends now."""
    Sanction.objects.create(
        member=member, kind=SanctionKind.BAN, reason=reason, case=case, created_by=moderator
    )
    get_user_model().objects.filter(pk=member.pk).update(is_active=False)
    member.is_active = False
    ended = end_sessions(member)
    return {"is_active": True}, {
        "sanction": SanctionKind.BAN.value,
        "is_active": False,
        "sessions_ended": ended,
    }


def _iso(when):
    return when.isoformat() if when else None
