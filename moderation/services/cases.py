"""Opening cases and adding to them, and closing them when the writer deletes the post.
Each change is one transaction with its audit row."""

from django.db import transaction
from django.utils import timezone

from forum import services as forum_services
from peersupport.queue import run_after_commit

from ..audit import record
from ..models import ActionKind, Case, CaseReason, CaseStatus, Priority
from ..tasks import alert_leads_about_crisis_case

# Each reason's urgency in the queue (DESIGN.md, "The queue").
REASON_PRIORITY = {
    CaseReason.CRISIS_LANGUAGE: Priority.CRISIS,
    CaseReason.CONCERN_LANGUAGE: Priority.HIGH,
    CaseReason.BULLYING_RECEIVED: Priority.MEDIUM,
    CaseReason.PERSONAL_DATA: Priority.MEDIUM,
    CaseReason.PREMODERATION: Priority.MEDIUM,
    CaseReason.EDITED: Priority.MEDIUM,
    CaseReason.APPEAL: Priority.MEDIUM,
    # Someone a crisis or concern case was about has answered the moderators.
    CaseReason.CHECK_IN_REPLY: Priority.HIGH,
    CaseReason.FLAGGED: Priority.LOW,
}


def case_priority(reasons, priority=None):
    """The most urgent of the reasons' priorities and `priority` (a flag's, say)."""
    return min(
        [REASON_PRIORITY[reason] for reason in reasons]
        + ([priority] if priority is not None else [])
    )


def _open_cases():
    return Case.objects.select_for_update(of=("self",)).open()


@transaction.atomic
def open_case(*, post, reasons, priority=None, findings=(), actor=None):
    """Open a case for a post, or add to the one already open about it (its own, or
    the one it was gathered into): reasons and findings are merged and the priority
    only ever rises. Returns the case."""
    case = _open_cases().about_post(post).first()
    return _open_or_add_for_post(case, post, reasons, priority, findings, actor)


@transaction.atomic
def open_crisis_case(*, post, reasons, findings=()):
    """A crisis post's case. While the writer has a crisis case open, their next crisis
    post joins it instead of opening another: a burst of crisis posts (which no posting
    limit stops) is one case to read and decide, one alert to the leads, and one place
    in the queue, so it never buries anyone else's. The pipeline holds the writer's
    posting turn (forum.limits), so two crisis posts sent at once still find each other."""
    case = _open_cases().about_post(post).first()
    joined = False
    if case is None and post.author_id is not None:
        case = _open_cases().crisis_of_writer(post.author).first()
        if case is not None:
            case.added_posts.add(post)
            joined = True
    return _open_or_add_for_post(case, post, reasons, None, findings, None, joined=joined)


@transaction.atomic
def open_profile_case(*, member, reasons, priority=None, findings=(), actor=None):
    """open_case for what a member's profile shows (their bio), rather than a post."""
    case = _open_cases().filter(member=member).first()
    return _open_or_add(
        case,
        subject={"member": member},
        target=member,
        member=member,
        reasons=reasons,
        priority=priority,
        findings=findings,
        actor=actor,
    )


def _open_or_add_for_post(case, post, reasons, priority, findings, actor, joined=False):
    return _open_or_add(
        case,
        subject={"post": post},
        target=post,
        member=post.author,
        reasons=reasons,
        priority=priority,
        findings=findings,
        actor=actor,
        joined=joined,
    )


def _open_or_add(
    case, *, subject, target, member, reasons, priority, findings, actor, joined=False
):
    """Adds to `case`, or opens one about `subject` (its post, or the member whose
    profile it is); the audit row is about `target` and concerns `member`."""
    priority = case_priority(reasons, priority)
    if case is None:
        before = {}
        case = Case.objects.create(
            **subject, priority=priority, reasons=list(reasons), findings=list(findings)
        )
    else:
        before = _summary(case)
        case.reasons = list(dict.fromkeys([*case.reasons, *reasons]))
        case.findings = [*case.findings, *findings]
        case.priority = min(case.priority, priority)
        case.save(update_fields=["reasons", "findings", "priority"])
    after = _summary(case)
    if joined:
        after["added_post"] = target.pk
    if after != before:
        record(
            actor=actor,
            action=ActionKind.OPEN_CASE,
            target=target,
            case=case,
            member=member,
            reason=", ".join(reasons),
            before=before,
            after=after,
        )
    if case.priority == Priority.CRISIS and case.leads_alerted_at is None:
        # After the commit, so a moment's wait on a mail server never holds the post.
        run_after_commit(alert_leads_about_crisis_case, case.pk)
    return case


def _summary(case):
    return {"priority": case.priority_label, "reasons": list(case.reasons)}


@transaction.atomic
def delete_post(*, post):
    """The writer deletes their post, and the open cases about it close themselves: there
    is nothing left to decide, and approving it would publish what they took back. A
    crisis or escalated case stays open, since deleting the words does not end the risk."""
    post = forum_services.delete_post(post=post)
    cases = (
        Case.objects.select_for_update(of=("self",))
        .open()
        .about_post(post)
        .exclude(is_escalated=True)
        .exclude(priority=Priority.CRISIS)
    )
    for case in cases:
        record(
            actor=None,
            action=ActionKind.POST_DELETED,
            target=post,
            case=case,
            member=post.author,
            reason="The writer deleted the post, so nothing was left to decide.",
        )
        case.status = CaseStatus.DECIDED
        case.decided_at = timezone.now()
        case.decision = ActionKind.POST_DELETED
        case.claimed_by = None
        case.claimed_until = None
        case.save(update_fields=["status", "decided_at", "decision", "claimed_by", "claimed_until"])
    return post
