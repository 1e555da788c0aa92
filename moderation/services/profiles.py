"""A member's bio: the words every signed-in member reads on their profile.

It takes the posts' path (moderation.pipeline): screened by the same `screen_text`,
judged by the same `decide`, held for a member whose posts are still pre-moderated,
and a case opened (about the profile, not a post) whenever a moderator should look.
Crisis words are held and the writer is shown help, never just refused.

Two things differ from a post. Personal data is refused outright, with no "post it
anyway": a bio stands beside the pseudonym on a page anyone signed in can open, for
as long as the member is here, and a member sharing their number or school means it
for someone, not for everyone. And the bio showing (`User.bio`) is kept apart from one
waiting for a moderator (`User.pending_bio`), so the profile never shows words nobody
has read, nor goes blank while new ones wait.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from forum.notifications import notify_member
from forum.permissions import can_post
from peersupport.accounts.models import User

from .. import notices
from ..models import RiskLevel
from ..screening.screen import screen_text
from ..visibility import OutcomeKind, decide, is_premoderated
from .cases import open_profile_case

# Nothing to do: the bio given is the one already showing or waiting.
UNCHANGED = "unchanged"
HELD_CRISIS_NOTICE = "bio-held-crisis"


@dataclass
class BioOutcome:
    """What became of a bio: an OutcomeKind (published, held, crisis or refused, with
    the kind reason to show), or UNCHANGED."""

    kind: str
    reason: str = ""


@transaction.atomic
def submit_bio(*, member, bio):
    """Screen a member's new bio and show it, hold it for a moderator or refuse it."""
    member = User.objects.select_for_update().get(pk=member.pk)
    if bio == (member.pending_bio or member.bio):
        return BioOutcome(UNCHANGED)
    if not bio or bio == member.bio:
        # Taking a bio down, or going back to the one showing, puts up no new words:
        # a member may do it whenever they like, suspended or not.
        _store(member, bio=bio, pending_bio="")
        return BioOutcome(OutcomeKind.PUBLISHED)
    if not can_post(member):
        return BioOutcome(OutcomeKind.REFUSED, reason=_paused(member))
    screening = screen_text(bio)
    decided = decide(screening, post_anyway=False, premoderated=is_premoderated(member))
    if decided is None:
        return BioOutcome(OutcomeKind.REFUSED, reason=_refusal(screening))
    kind, reasons = decided
    if kind == OutcomeKind.PUBLISHED:
        _store(member, bio=bio, pending_bio="")
    else:
        _store(member, pending_bio=bio)
    if reasons:
        open_profile_case(member=member, reasons=reasons, findings=screening.as_findings())
    if kind == OutcomeKind.CRISIS:
        # Kept in their notifications: the page of help is gone once they leave it.
        notify_member(recipient=member, message=notices.compose(HELD_CRISIS_NOTICE))
    return BioOutcome(kind)


def approve_bio(member):
    """Show the bio waiting for a moderator, if one is; a bio already showing stays.
    Returns the audit row's before and after."""
    before = _bios(member)
    if member.pending_bio:
        _store(member, bio=member.pending_bio, pending_bio="")
    return before, _bios(member)


def hide_bio(member):
    """Take the bio off the profile, the one showing and any waiting. Nothing is lost:
    the audit row's before keeps the words."""
    before = _bios(member)
    _store(member, bio="", pending_bio="")
    return before, _bios(member)


def _bios(member):
    return {"bio": member.bio, "pending_bio": member.pending_bio}


def _store(member, **values):
    User.objects.filter(pk=member.pk).update(**values)
    for name, value in values.items():
        setattr(member, name, value)


def _paused(member):
    if member.is_active and member.posting_suspended_until:
        until = date_format(timezone.localtime(member.posting_suspended_until), "j F Y, H:i")
        return (
            f"Sorry, you cannot change your bio while a moderator has paused your posting "
            f"(until {until}). You can still remove it, and you are still welcome here."
        )
    return "Sorry, you cannot change your bio at the moment. You can still remove it."


def _refusal(screening):
    if screening.level == RiskLevel.BLOCKED:
        return "Sorry, your bio cannot go up as it is. " + (
            screening.blocked_reason or "It includes words we do not allow here."
        )
    found = "; ".join(f"{item.kind} “{item.text}”" for item in screening.personal_data)
    return (
        f"Sorry, your bio cannot go up as it is: it looks like it includes personal "
        f"information ({found}). Every member can read your profile, and details like "
        f"these could help someone find you, so please take them out."
    )
