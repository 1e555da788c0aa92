"""What screening's findings mean for who sees a member's words, shared by posts
(moderation.pipeline) and bios (moderation.services.profiles): the outcome, and whether
what the writer writes waits for a moderator first."""

from django.conf import settings

from forum.models import PostStatus
from peersupport.accounts.permissions import is_admin, is_moderator

from .models import CaseReason, ModerationSettings, RiskLevel


class OutcomeKind:
    PUBLISHED = "published"  # showing to everyone (perhaps with a case for review)
    HELD = "held"  # waiting for a moderator
    CRISIS = "crisis"  # held, and the writer is shown help at once
    REFUSED = "refused"  # not saved: blocked words
    PAUSED = "paused"  # not saved: the writer has posted a lot in a short time
    CHECK_PERSONAL_DATA = "check-personal-data"  # not saved: please remove these first


def is_staff(author):
    """Moderators, leads and admins with their roles in force: screened like everyone,
    but neither pre-moderated nor limited."""
    return is_admin(author) or is_moderator(author)


def is_premoderated(author):
    """Whether what a member writes waits for a moderator wherever they write it (a post
    or their bio): their first posts, and everyone's on "moderate everything" nights.
    Staff and moderators (with their two-step sign-in set up) are screened but skip
    pre-moderation."""
    if is_staff(author):
        return False
    if ModerationSettings.current().moderate_everything:
        return True
    first_posts = settings.PREMODERATION_FIRST_POSTS
    return (
        first_posts > 0 and author.posts.filter(status=PostStatus.PUBLISHED).count() < first_posts
    )


# Read by a moderator soon, but not kept from the forum meanwhile.
PUBLISHED_WITH_CASE = {CaseReason.CONCERN_LANGUAGE, CaseReason.BULLYING_RECEIVED}


def decide(screening, *, post_anyway, premoderated):
    """(outcome kind, case reasons) for what the screening found; None when the words
    must not be saved as they are. Crisis comes first, every time: a writer who may be
    in danger is never sent back to remove a phone number or a blocked word, their
    post is held and they are shown help."""
    crisis = screening.is_crisis
    if not crisis and screening.level == RiskLevel.BLOCKED:
        return None
    if not crisis and screening.personal_data and not post_anyway:
        return None
    reasons = []
    levels = {match.level for match in screening.matches}
    if crisis:
        reasons.append(CaseReason.CRISIS_LANGUAGE)
    elif RiskLevel.CONCERN in levels:
        reasons.append(CaseReason.CONCERN_LANGUAGE)
    if RiskLevel.BULLYING in levels:
        reasons.append(CaseReason.BULLYING_RECEIVED)
    if screening.personal_data:
        reasons.append(CaseReason.PERSONAL_DATA)
    if premoderated:
        reasons.append(CaseReason.PREMODERATION)
    if crisis:
        return OutcomeKind.CRISIS, reasons
    held = any(reason not in PUBLISHED_WITH_CASE for reason in reasons)
    return (OutcomeKind.HELD if held else OutcomeKind.PUBLISHED), reasons
