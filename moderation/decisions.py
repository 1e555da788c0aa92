"""Claiming and deciding cases.

Each change is one transaction that first locks the case row (`select_for_update`),
so when two moderators act at once the second waits, then sees what the first did:
exactly one decision wins and the other is refused with nothing changed.

What is not someone's to decide (moderation.permissions.decision_limits) is refused
before that transaction, and the refusal is written to the audit log on its own, so
it stays although nothing else changes.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from forum import services as forum_services
from forum.drafts import Draft
from forum.models import Post, PostStatus
from peersupport.accounts.models import User

from . import notices
from .audit import record
from .models import ActionKind, Case, CaseStatus, Flag, Priority, ScreeningVerdict
from .permissions import decision_limits
from .profiles import approve_bio, hide_bio
from .sanctions import ban_member, suspend_member, warn_member

CLAIM_LENGTH = datetime.timedelta(minutes=15)

# The actions a moderator can take on a case (the decision form's `action`).
DECISION_ACTIONS = [
    ActionKind.APPROVE,
    ActionKind.HIDE,
    ActionKind.EDIT,
    ActionKind.ADD_WARNING,
    ActionKind.LOCK,
    ActionKind.MOVE,
    ActionKind.ESCALATE,
    ActionKind.WARN,
    ActionKind.SUSPEND,
    ActionKind.BAN,
]
# Those that make sense for a case about a member's profile (their bio).
PROFILE_DECISION_ACTIONS = [
    ActionKind.APPROVE,
    ActionKind.HIDE,
    ActionKind.ESCALATE,
    ActionKind.WARN,
    ActionKind.SUSPEND,
    ActionKind.BAN,
]


class DecisionRefused(Exception):
    """A plain explanation, for the moderator, of why nothing was changed."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _locked(case):
    return Case.objects.select_for_update(of=("self",)).select_related("claimed_by").get(pk=case.pk)


def _hold_claim(case, moderator, now):
    case.claimed_by = moderator
    case.claimed_until = now + CLAIM_LENGTH
    case.save(update_fields=["claimed_by", "claimed_until"])


def claim_case(*, case, moderator):
    """Take an open case for CLAIM_LENGTH, or keep one's own claim for another
    CLAIM_LENGTH (the case page's "Take this case" button). Updates `case` in place and
    returns it. Raises DecisionRefused, changing nothing, when the case is not theirs to
    decide, is decided already, or someone else holds a live claim on it."""
    _refuse_unless_theirs(case, moderator, ActionKind.CLAIM)
    taken = _take_claim(case, moderator)
    case.claimed_by, case.claimed_until = taken.claimed_by, taken.claimed_until
    return case


@transaction.atomic
def _take_claim(case, moderator):
    now = timezone.now()
    case = _locked(case)
    _check_open_and_free(case, moderator, now)
    renewing = case.claimant(now) is not None
    _hold_claim(case, moderator, now)
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
            _refuse(case, lead, ActionKind.REASSIGN, why, claimed_by=moderator.username)
    return _reassign(case, lead, moderator)


@transaction.atomic
def _reassign(case, lead, moderator):
    now = timezone.now()
    case = _locked(case)
    if not case.is_open:
        raise DecisionRefused("This case is already decided, so there is nothing to reassign.")
    holder = case.claimant(now)
    if moderator is None:
        case.claimed_by = None
        case.claimed_until = None
        case.save(update_fields=["claimed_by", "claimed_until"])
    else:
        _hold_claim(case, moderator, now)
    record(
        actor=lead,
        action=ActionKind.REASSIGN,
        target=case,
        case=case,
        before={"claimed_by": holder.username if holder else None},
        after={"claimed_by": moderator.username if moderator else None},
    )
    return case


def _refuse_unless_theirs(case, moderator, action):
    why = decision_limits(case, moderator).why_not(action)
    if why:
        _refuse(case, moderator, action, why)


def _refuse(case, actor, action, why, **attempted):
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


def _check_open_and_free(case, moderator, now):
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


def _check_not_deleted(post):
    # Deleting is the writer's choice; showing or hiding it again would undo that.
    if post.status == PostStatus.DELETED:
        raise DecisionRefused(
            "The writer has deleted this post, so it can no longer be shown, hidden or "
            "edited. You can still lock or move the thread, or warn the writer."
        )


def _publish(post):
    _check_not_deleted(post)
    was = post.status
    forum_services.set_post_status(post=post, status=PostStatus.PUBLISHED)
    return was


def _approve(*, post, **_):
    was = _publish(post)
    # The writer hears only when their post was waiting or hidden; a flag on a
    # published post never reaches its author.
    told = post.author if was in (PostStatus.HELD, PostStatus.HIDDEN) else None
    return {"status": was}, {"status": PostStatus.PUBLISHED}, told


def _hide(*, post, **_):
    _check_not_deleted(post)
    was = post.status
    forum_services.set_post_status(post=post, status=PostStatus.HIDDEN)
    return {"status": was}, {"status": PostStatus.HIDDEN}, post.author


def _edit(*, post, moderator, body, **_):
    _check_not_deleted(post)
    before = {"status": post.status, "body": post.body}
    draft = Draft(
        body=body,
        content_warning=post.content_warning,
        content_warning_text=post.content_warning_text,
    )
    forum_services.edit_post(post=post, editor=moderator, draft=draft)
    _publish(post)
    return before, {"status": PostStatus.PUBLISHED, "body": body}, post.author


def _add_warning(*, post, content_warning, content_warning_text="", **_):
    before = {
        "status": post.status,
        "content_warning": post.content_warning,
        "content_warning_text": post.content_warning_text,
    }
    forum_services.set_content_warning(
        post=post, content_warning=content_warning, content_warning_text=content_warning_text
    )
    _publish(post)
    after = {
        "status": PostStatus.PUBLISHED,
        "content_warning": post.content_warning,
        "content_warning_text": post.content_warning_text,
    }
    return before, after, post.author


def _lock(*, post, **_):
    if post.thread.is_locked:
        raise DecisionRefused("This thread is already locked, so nothing was changed.")
    forum_services.lock_thread(thread=post.thread)
    return {"is_locked": False}, {"is_locked": True}, post.thread.author


def _move(*, post, board, **_):
    thread = post.thread
    if thread.board_id == board.pk:
        raise DecisionRefused(f"The thread is already in “{board.name}”, so nothing was changed.")
    before = {"board": thread.board.slug}
    forum_services.move_thread(thread=thread, board=board)
    return before, {"board": board.slug}, thread.author


def _check_member(member):
    if member is None:
        raise DecisionRefused("The writer has left, so there is nobody to sanction.")
    return member


def _warn(*, member, moderator, reason, case, **_):
    member = _check_member(member)
    before, after = warn_member(member=member, moderator=moderator, reason=reason, case=case)
    return before, after, member


def _suspend(*, member, moderator, reason, case, until, **_):
    member = _check_member(member)
    if until <= timezone.now():
        raise DecisionRefused("Please choose when the suspension ends: a time in the future.")
    before, after = suspend_member(
        member=member, moderator=moderator, reason=reason, case=case, until=until
    )
    return before, after, member


def _ban(*, member, moderator, reason, case, **_):
    member = _check_member(member)
    before, after = ban_member(member=member, moderator=moderator, reason=reason, case=case)
    return before, after, member


DECISIONS = {
    ActionKind.APPROVE: _approve,
    ActionKind.HIDE: _hide,
    ActionKind.EDIT: _edit,
    ActionKind.ADD_WARNING: _add_warning,
    ActionKind.LOCK: _lock,
    ActionKind.MOVE: _move,
    ActionKind.WARN: _warn,
    ActionKind.SUSPEND: _suspend,
    ActionKind.BAN: _ban,
}

# Decisions about the words themselves: a case that gathered a burst of posts takes
# them for every post in it.
ON_EVERY_POST = (ActionKind.APPROVE, ActionKind.HIDE, ActionKind.ADD_WARNING)


def _act(decisions, action, post, added, **kwargs):
    """Carry out `action` (one of `decisions`) on the case's post, or on every post it
    gathered; returns (before, after, the member to tell) as each decision does."""
    decision = decisions[ActionKind(action)]
    if not added or action not in ON_EVERY_POST:
        if added and action == ActionKind.EDIT:
            raise DecisionRefused(
                "This case holds several posts from one writer, so there is no one text "
                "to edit. Nothing was changed: please approve or hide them together, or "
                "add a content warning to them all."
            )
        return decision(post=post, **kwargs)
    # The writer may have deleted some of them; the others are still decided.
    posts = [each for each in (post, *added) if each.status != PostStatus.DELETED] or [post]
    outcomes = [decision(post=each, **kwargs) for each in posts]
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


def _approve_bio(*, member, **_):
    before, after = approve_bio(member)
    # As with a post: the member hears only when their bio was waiting.
    return before, after, member if before["pending_bio"] else None


def _hide_bio(*, member, **_):
    before, after = hide_bio(member)
    return before, after, member


PROFILE_DECISIONS = {
    ActionKind.APPROVE: _approve_bio,
    ActionKind.HIDE: _hide_bio,
    ActionKind.WARN: _warn,
    ActionKind.SUSPEND: _suspend,
    ActionKind.BAN: _ban,
}


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
    _refuse_unless_theirs(case, moderator, action)
    return _decide(case, moderator, action, reason, screening_verdict, seen_posts, details)


@transaction.atomic
def _decide(case, moderator, action, reason, screening_verdict, seen_posts, details):
    now = timezone.now()
    case = _locked(case)
    _check_open_and_free(case, moderator, now)
    post, member, decisions = _subject(case)
    target = post or member
    added = list(case.added_posts.select_related("thread", "author").order_by("pk")) if post else []
    _check_seen(post, added, seen_posts)
    verdict_before, verdict_after = _answer_screening(case, screening_verdict, now)
    if action == ActionKind.ESCALATE:
        return _escalate(
            case=case,
            target=target,
            member=member,
            moderator=moderator,
            reason=reason,
            before=verdict_before,
            after=verdict_after,
        )
    if action not in decisions:
        raise DecisionRefused(
            "That decision is for posts, and this case is about a profile, so nothing was changed."
        )
    try:
        before, after, told = _act(
            decisions,
            action,
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
            action=action,
            reason=reason,
            post=post,
            decision=decision,
            about_bio=post is None,
            in_crisis=case.priority == Priority.CRISIS,
        )
    _close_flags([post, *added] if post else [], member)
    return case


def approve_plain_cases(*, moderator, case_ids):
    """Approve several plain first posts (see CaseQuerySet.plain_first_posts), each as
    its own decision with its own audit row. A case no longer plain, decided meanwhile,
    or not the moderator's to decide is left alone. Returns (approved, left) as lists
    of case ids."""
    approved, left = [], []
    plain = Case.objects.plain_first_posts().select_related("post__author", "member")
    for pk in sorted(set(case_ids)):
        case = plain.filter(pk=pk).first()
        try:
            if case is None:
                raise DecisionRefused("No longer a plain first post.")
            # Outside the transaction below, so a refusal's audit row is kept.
            _refuse_unless_theirs(case, moderator, ActionKind.APPROVE)
            # Checked again under the lock: a flag or an edit arriving now either waits
            # and finds the case decided, or comes first and keeps it open.
            with transaction.atomic():
                if not plain.select_for_update(of=("self",)).filter(pk=pk).exists():
                    raise DecisionRefused("No longer a plain first post.")
                _decide(case, moderator, ActionKind.APPROVE, "", "", {case.post_id}, {})
        except DecisionRefused:
            left.append(pk)
        else:
            approved.append(pk)
    return approved, left


def _subject(case):
    """The case's post (None for a profile case), the member it concerns, and the
    decisions that can be taken on it."""
    if case.post_id is None:
        member = User.objects.select_for_update().get(pk=case.member_id)
        return None, member, PROFILE_DECISIONS
    post = Post.objects.select_related("thread__board", "thread__author", "author").get(
        pk=case.post_id
    )
    return post, post.author, DECISIONS


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
    flags = Flag.objects.open().filter(post__in=posts) if posts else member.profile_flags.open()
    flaggers = {flag.flagger for flag in flags.select_related("flagger") if flag.flagger}
    flags.update(is_open=False)
    notices.tell_flaggers(sorted(flaggers, key=lambda flagger: flagger.pk), about_profile=not posts)
