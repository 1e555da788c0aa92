"""Warning, suspending and banning a member. Called by `decide_case` inside its
transaction, which writes the audit row."""

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.utils import timezone

from .models import Sanction, SanctionKind


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


def end_sessions(member):
    """Delete the member's sessions from the session table. Sessions store the member's
    id only inside their encoded data, so each live session is decoded; bans are rare,
    and this needs no extra table kept in step with sign-ins."""
    member_id = str(member.pk)
    ids = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == member_id
    ]
    Session.objects.filter(pk__in=ids).delete()
    return len(ids)


def _iso(when):
    return when.isoformat() if when else None
