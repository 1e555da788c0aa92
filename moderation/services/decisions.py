"""Deciding a case: one decision (see decision_kinds.DECISION_KINDS) taken on its post,
or every post it gathered, or on the member a profile case is about; the audit row; the
case and its flags closed; the writer and the flaggers told kindly. Escalating instead
leaves the case open for a safeguarding lead.

Locking, claims and refusals work as in claims.py: the case row is locked first, and
what is not the moderator's to decide is refused and logged before the transaction.
"""

from django.db import transaction
from django.utils import timezone

from forum import services as forum_services
from forum.models import Post
from peersupport.accounts.models import User

from .. import notices
from ..audit import record
from ..models import ActionKind, CaseStatus, Flag, ScreeningVerdict
from .claims import DecisionRefused, check_open_and_free, locked, refuse_unless_theirs
from .decision_kinds import DECISION_KINDS


def decide_case(
    *, case, moderator, action, reason, screening_verdict="", seen_posts=None, **details
):
    """Decide an open case: act on the post, thread or writer (or, for a case about a
    profile, on the member's bio or the member), write the one audit row, close the case
    and its flags, and tell the writer and the flaggers kindly.

    `screening_verdict` (a ScreeningVerdict, optional) is the moderator's answer to "Was
    the screening right?"; it is kept on the case, in the decision's audit row, only
    when the screening raised the case. `seen_posts` (optional) are the ids of the posts
    the moderator's page showed: a case that has gathered more since is not decided.
    Deciding an unclaimed case claims it in the same step. Escalating is not a final
    decision: the case stays open, unclaimed, for a safeguarding lead.
    Raises DecisionRefused, changing nothing, when the decision is not the moderator's
    to make (logged, see decision_limits), or the case is already decided or held by
    someone else's live claim."""
    refuse_unless_theirs(case, moderator, action)
    return take_decision(case, moderator, action, reason, screening_verdict, seen_posts, details)


@transaction.atomic
def take_decision(case, moderator, action, reason, screening_verdict, seen_posts, details):
    """decide_case once the decision is known to be the moderator's to make."""
    now = timezone.now()
    case = locked(case)
    check_open_and_free(case, moderator, now)
    post, member = _subject(case)
    target = post or member
    added = list(case.added_posts.select_related("thread", "author").order_by("pk")) if post else []
    _check_seen(post, added, seen_posts)
    verdict_before, verdict_after = _answer_screening(case, screening_verdict, now)
    kind = DECISION_KINDS.get(action)
    if kind is not None and kind.escalates:
        return _escalate(
            case=case,
            target=target,
            member=member,
            moderator=moderator,
            reason=reason,
            before=verdict_before,
            after=verdict_after,
        )
    handler = None if kind is None else kind.on_post if post else kind.on_profile
    if handler is None:
        raise DecisionRefused(
            "That decision is for posts, and this case is about a profile, so nothing was changed."
        )
    try:
        before, after, told = _act(
            kind,
            handler,
            post,
            added,
            member=member,
            moderator=moderator,
            reason=reason,
            case=case,
            **details,
        )
    except forum_services.PostingRefused as refused:
        raise DecisionRefused(refused.message) from refused
    before, after = {**before, **verdict_before}, {**after, **verdict_after}
    decision = record(
        actor=moderator,
        action=action,
        target=target,
        case=case,
        member=member,
        reason=reason,
        before=before,
        after=after,
    )
    case.status = CaseStatus.DECIDED
    case.decided_by = moderator
    case.decided_at = now
    case.decision = action
    case.claimed_by = moderator
    case.claimed_until = None
    case.save(
        update_fields=[
            "status",
            "decided_by",
            "decided_at",
            "decision",
            "claimed_by",
            "claimed_until",
            "screening_verdict",
            "screening_verdict_at",
        ]
    )
    if told is not None:
        notices.tell_author(
            member=told,
            kind=kind,
            reason=reason,
            post=post,
            decision=decision,
            about_bio=post is None,
            in_crisis=case.is_crisis,
        )
    _close_flags([post, *added] if post else [], member)
    return case


def _act(kind, handler, post, added, **kwargs):
    """Carry out the decision on the case's post (or the profile's member), or on every
    post it gathered; returns (before, after, the member to tell) as each handler does."""
    if not added or not kind.on_every_post:
        if added and kind.action == ActionKind.EDIT:
            raise DecisionRefused(
                "This case holds several posts from one writer, so there is no one text "
                "to edit. Nothing was changed: please approve or hide them together, or "
                "add a content warning to them all."
            )
        return handler(post=post, **kwargs)
    # The writer may have deleted some of them; the others are still decided.
    posts = [each for each in (post, *added) if not each.is_deleted] or [post]
    outcomes = [handler(post=each, **kwargs) for each in posts]
    before = {str(each.pk): was for each, (was, _, _) in zip(posts, outcomes, strict=True)}
    after = {str(each.pk): now for each, (_, now, _) in zip(posts, outcomes, strict=True)}
    told = next((member for _, _, member in outcomes if member is not None), None)
    return {"posts": before}, {"posts": after}, told


def _check_seen(post, added, seen_posts):
    """A case gathering a writer's crisis posts can gain one while a moderator reads it:
    a decision must never publish, hide or close over words they have not read.
    `seen_posts` is None for callers that did not say what they saw."""
    if seen_posts is None or not added:
        return
    if not {post.pk, *(each.pk for each in added)} <= set(seen_posts):
        raise DecisionRefused(
            "More posts from this writer joined this case after you opened it, so "
            "nothing was changed. Please read them below, then decide."
        )


def _subject(case):
    """The case's post (None for a profile case) and the member it concerns."""
    if case.is_about_profile:
        return None, User.objects.select_for_update().get(pk=case.member_id)
    post = Post.objects.select_related("thread__board", "thread__author", "author").get(
        pk=case.post_id
    )
    return post, post.author


def _answer_screening(case, verdict, now):
    """Set the moderator's verdict on the screening on `case` (not saved), and return
    what the audit row's before and after gain: nothing when no verdict was given.

    A blank answer leaves an earlier one alone (a lead deciding an escalated case need
    not answer again). A case the screening did not raise keeps no verdict: the
    question was about the screening's findings, and there are none to judge."""
    if not verdict or not case.has_screening_findings:
        return {}, {}
    before = {"screening_verdict": case.screening_verdict}
    case.screening_verdict = ScreeningVerdict(verdict)
    case.screening_verdict_at = now
    return before, {"screening_verdict": case.screening_verdict.value}


def _escalate(*, case, target, member, moderator, reason, before, after):
    if case.is_escalated:
        raise DecisionRefused("This case is already with the safeguarding leads.")
    case.is_escalated = True
    case.claimed_by = None
    case.claimed_until = None
    case.save(
        update_fields=[
            "is_escalated",
            "claimed_by",
            "claimed_until",
            "screening_verdict",
            "screening_verdict_at",
        ]
    )
    record(
        actor=moderator,
        action=ActionKind.ESCALATE,
        target=target,
        case=case,
        member=member,
        reason=reason,
        before={"is_escalated": False, **before},
        after={"is_escalated": True, **after},
    )
    return case


def _close_flags(posts, member):
    """Close the open flags on the posts, or on the member's profile when there are none."""
    flags = Flag.objects.open().about(posts, member)
    flaggers = {flag.flagger for flag in flags.select_related("flagger") if flag.flagger}
    flags.update(is_open=False)
    notices.tell_flaggers(sorted(flaggers, key=lambda flagger: flagger.pk), about_profile=not posts)
