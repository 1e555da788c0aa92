"""What moderation keeps when a member deletes their account: the fact of every
decision, and the concerns members raised, without the member's name or words.

Called by the account deletion service inside its transaction, before the member's row
is deleted (the database then clears the remaining links to it)."""

from django.contrib.auth import get_user_model
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from forum.models import Post

from ..audit import record
from ..models import ActionKind, Case, CaseStatus, CheckIn, Flag, ModerationAction

KEPT_REASON = "Their posts stay, shown as by a former member."
REMOVED_REASON = "Their posts were removed at their request."
CASE_CLOSED_REASON = "The writer deleted their account and asked for their posts to be removed."
PROFILE_CASE_CLOSED_REASON = "The member deleted their account, and their profile went with it."
# The keys of a screening finding that quote the post.
WRITERS_WORDS = ("excerpt", "words")


def forget_member(member, *, removed_post_ids):
    """Blank the member's identity in the audit log and in the flags they made; strip
    their words from the cases about posts being removed and about their profile,
    closing those still open. Records the deletion itself, without a name."""
    _blank_audit_identity(member, removed_post_ids)
    # Their concerns stay with the moderators; who raised them, and from where, goes.
    Flag.objects.filter(flagger=member).update(flagger=None, address_hash="", device_hash="")
    # What they told the moderators privately was for the moderators while they were
    # here; the moderators' own messages stay, as the fact that someone reached out.
    CheckIn.objects.filter(sender=member, from_moderators=False).delete()
    _close_cases_on_removed_posts(removed_post_ids)
    # Their bio goes with their account, so nothing is left to decide about it.
    _close_cases(Case.objects.filter(member=member), PROFILE_CASE_CLOSED_REASON)
    Flag.objects.filter(member=member).update(is_open=False)
    ModerationAction.objects.create(
        action=ActionKind.ACCOUNT_DELETED,
        target_type=get_user_model()._meta.label,
        target_id=str(member.pk),
        reason=REMOVED_REASON if removed_post_ids else KEPT_REASON,
    )


def _blank_audit_identity(member, removed_post_ids):
    log = ModerationAction.objects.all()
    log.filter(actor=member).update(actor=None)
    log.filter(member=member).update(member=None)
    log.filter(target_type=member._meta.label, target_id=str(member.pk)).update(target_repr="")
    # Before/after values hold a removed post's words (an edit) or the member's name (a
    # reassigned claim, an admin change that named them): those values go, the row stays.
    quoted = f'"{member.username}"'
    names_them = Q(before_text__contains=quoted) | Q(after_text__contains=quoted)
    about_removed = Q(
        target_type=Post._meta.label, target_id__in=[str(pk) for pk in removed_post_ids]
    )
    # A decision about their profile holds their bio, shown or waiting.
    about_their_bio = Q(target_type=member._meta.label, target_id=str(member.pk)) & (
        Q(before__has_key="bio") | Q(after__has_key="bio")
    )
    log.annotate(
        before_text=Cast("before", TextField()), after_text=Cast("after", TextField())
    ).filter(names_them | about_removed | about_their_bio).exclude(before={}, after={}).update(
        before={}, after={}
    )


def _close_cases_on_removed_posts(removed_post_ids):
    _close_cases(Case.objects.filter(post_id__in=removed_post_ids), CASE_CLOSED_REASON)
    Flag.objects.filter(post_id__in=removed_post_ids).update(is_open=False)


def _close_cases(cases, reason):
    """Strip the writer's words from the cases' findings and close those still open."""
    for case in cases.exclude(findings=[]):
        # Which rule or watched phrase matched stays; the writer's words go: those
        # around the match and those that fired.
        case.findings = [
            {key: value for key, value in finding.items() if key not in WRITERS_WORDS}
            for finding in case.findings
        ]
        case.save(update_fields=["findings"])
    # Nothing is left to decide, and approving an emptied post would publish it.
    still_open = list(cases.open())
    for case in still_open:
        record(
            actor=None,
            action=ActionKind.ACCOUNT_DELETED,
            target=case,
            case=case,
            reason=reason,
        )
    Case.objects.filter(pk__in=[case.pk for case in still_open]).update(
        status=CaseStatus.DECIDED,
        decided_at=timezone.now(),
        decision=ActionKind.ACCOUNT_DELETED,
        claimed_by=None,
        claimed_until=None,
    )
