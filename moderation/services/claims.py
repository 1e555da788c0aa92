"""Who works on a case now: taking a case for a while (a claim), and a lead handing it
to another moderator. Also the checks every change to a case starts with, shared by
deciding.

Each change is one transaction that first locks the case row (`select_for_update`),
so when two moderators act at once the second waits, then sees what the first did:
exactly one wins and the other is refused with nothing changed.

What is not someone's to decide (moderation.permissions.decision_limits) is refused
before that transaction, and the refusal is written to the audit log on its own, so
it stays although nothing else changes.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from peersupport.refusals import Refused

from ..audit import record
from ..models import ActionKind, Case
from ..permissions import decision_limits

CLAIM_LENGTH = datetime.timedelta(minutes=15)


class DecisionRefused(Refused):
    """Why a moderator's claim, reassignment or decision changed nothing."""


def claim_case(*, case, moderator):
    """Take an open case for CLAIM_LENGTH, or keep one's own claim for another
    CLAIM_LENGTH (the case page's "Take this case" button). Updates `case` in place and
    returns it. Raises DecisionRefused, changing nothing, when the case is not theirs to
    decide, is decided already, or someone else holds a live claim on it."""
    refuse_unless_theirs(case, moderator, ActionKind.CLAIM)
    taken = _take_claim(case, moderator)
    case.claimed_by, case.claimed_until = taken.claimed_by, taken.claimed_until
    return case


@transaction.atomic
def _take_claim(case, moderator):
    now = timezone.now()
    case = locked(case)
    check_open_and_free(case, moderator, now)
    renewing = case.claimant(now) is not None
    hold_claim(case, moderator, now)
    # Keeping one's own claim is not a new fact for the log.
    if not renewing:
        record(actor=moderator, action=ActionKind.CLAIM, target=case, case=case)
    return case


def reassign_case(*, case, lead, moderator=None):
    """A safeguarding lead hands a case to another moderator, or frees it (None). A case
    is never handed to someone who may not decide it (see decision_limits)."""
    if moderator is not None:
        why = decision_limits(case, moderator).why_not_theirs()
        if why:
            refuse(case, lead, ActionKind.REASSIGN, why, claimed_by=moderator.username)
    return _reassign(case, lead, moderator)


@transaction.atomic
def _reassign(case, lead, moderator):
    now = timezone.now()
    case = locked(case)
    if not case.is_open:
        raise DecisionRefused("This case is already decided, so there is nothing to reassign.")
    holder = case.claimant(now)
    if moderator is None:
        case.claimed_by = None
        case.claimed_until = None
        case.save(update_fields=["claimed_by", "claimed_until"])
    else:
        hold_claim(case, moderator, now)
    record(
        actor=lead,
        action=ActionKind.REASSIGN,
        target=case,
        case=case,
        before={"claimed_by": holder.username if holder else None},
        after={"claimed_by": moderator.username if moderator else None},
    )
    return case


def locked(case):
    """The case again, its row locked until the transaction ends."""
    return Case.objects.select_for_update(of=("self",)).select_related("claimed_by").get(pk=case.pk)


def hold_claim(case, moderator, now):
    case.claimed_by = moderator
    case.claimed_until = now + CLAIM_LENGTH
    case.save(update_fields=["claimed_by", "claimed_until"])


def refuse_unless_theirs(case, moderator, action):
    why = decision_limits(case, moderator).why_not(action)
    if why:
        refuse(case, moderator, action, why)


def refuse(case, actor, action, why, **attempted):
    """Log the refused attempt and raise it, explained. Called before any transaction of
    the attempt's own, so the row is kept; nothing else has changed."""
    record(
        actor=actor,
        action=ActionKind.REFUSED,
        target=case,
        case=case,
        member=case.concerns,
        reason=why,
        after={"action": str(action), **attempted},
    )
    raise DecisionRefused(f"{why} Nothing was changed.")


def check_open_and_free(case, moderator, now):
    if not case.is_open:
        raise DecisionRefused(
            "Another moderator has already decided this case, so nothing was changed. "
            "You can see their decision below."
        )
    holder = case.claimant(now)
    if holder is not None and holder.pk != moderator.pk:
        until = timezone.localtime(case.claimed_until)
        raise DecisionRefused(
            f"{holder.username} is working on this case (until {until:%H:%M}), so nothing "
            "was changed. A safeguarding lead can reassign it."
        )
