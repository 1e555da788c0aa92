"""The moderation side of the benchmark's forum: open cases with a realistic mix of
reasons and priorities, the flags behind them, and held or hidden posts to match.

Statuses, priorities and notices come from the product's own rules: crisis language,
personal data and pre-moderation hold a post; concern language leaves it published;
enough different members' flags hide it (moderation.services.flags.enough_to_hide); a case's
priority is moderation.services.cases.case_priority's; a held post's writer gets the notice
moderation.pipeline.held_notice picks.
"""

import datetime
from dataclasses import dataclass, field

from forum.models import Notification, NotificationKind, PostStatus
from forum.rendering import render_markdown
from moderation.models import Case, CaseReason, Flag, FlagReason
from moderation.notices import compose
from moderation.pipeline import held_notice
from moderation.screening.screen import screen_text
from moderation.services.cases import case_priority
from moderation.services.flags import REASON_PRIORITY as FLAG_PRIORITY
from moderation.services.flags import enough_to_hide

# Bodies that the screening finds something in, for the cases that say so.
SCREENED_BODIES = {
    CaseReason.CRISIS_LANGUAGE: [
        "Everything feels like too much tonight and I want to die. I don't know who to tell.",
        "I keep thinking everyone would be better off without me.",
        "I'm scared to go home after school because of what happens there.",
    ],
    CaseReason.CONCERN_LANGUAGE: [
        "I relapsed this week after a long time, and I feel so ashamed.",
        "Some days I just hate myself and I can't explain why.",
        "I feel worthless at the moment, even when people are kind to me.",
        "I can't cope with everything at the moment and I'm so tired.",
    ],
    CaseReason.PERSONAL_DATA: [
        "If anyone wants to talk you can text me on 07700 900123.",
        "Message me at quiet.fern@example.com if you want to chat.",
    ],
}
# Of the open cases, the share opened for each reason.
CASE_MIX = [
    (CaseReason.CRISIS_LANGUAGE, 0.04),
    (CaseReason.CONCERN_LANGUAGE, 0.14),
    (CaseReason.PERSONAL_DATA, 0.08),
    (CaseReason.PREMODERATION, 0.14),
    (CaseReason.FLAGGED, 0.60),
]
HOLDING_REASONS = {
    CaseReason.CRISIS_LANGUAGE,
    CaseReason.PERSONAL_DATA,
    CaseReason.PREMODERATION,
}
FLAG_REASONS = [
    (FlagReason.SAFETY, 15),
    (FlagReason.RISK_TO_OTHERS, 5),
    (FlagReason.BULLYING, 20),
    (FlagReason.PERSONAL_INFO, 10),
    (FlagReason.NEEDS_WARNING, 20),
    (FlagReason.SPAM, 15),
    (FlagReason.OTHER, 15),
]
FLAGS_PER_CASE = [(1, 40), (2, 25), (3, 20), (4, 10), (5, 5)]
FLAG_NOTES = [
    "",
    "",
    "I'm a bit worried about them.",
    "This felt unkind.",
    "Could someone check this please?",
    "I think this needs a warning.",
]


@dataclass
class PlannedCase:
    post: object
    reason: str
    opened_at: datetime.datetime
    findings: list = field(default_factory=list)
    flags: list = field(default_factory=list)  # (flagger index, reason, note, when)

    @property
    def priority(self):
        """As open_case leaves it: opened for the reason, raised by each flag's own."""
        flag_priorities = [FLAG_PRIORITY[reason] for _, reason, _, _ in self.flags]
        return case_priority([self.reason], min(flag_priorities, default=None))


def add_screened_bodies(pool):
    """Add the screened bodies to the body pool; returns {reason: [(index, findings)]}."""
    screened = {}
    for reason, bodies in SCREENED_BODIES.items():
        for body in bodies:
            pool.append((body, render_markdown(body)))
            screened.setdefault(reason, []).append((len(pool) - 1, screen_text(body).as_findings()))
    return screened


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def plan_cases(rng, candidates, count, *, screened, member_count, now):
    """`count` open cases on distinct replies from `candidates`, changing the posts'
    statuses (and, for screened reasons, their words) to match."""
    leaves = [post for post in candidates if not post.has_replies]
    counts = {reason: round(count * share) for reason, share in CASE_MIX}
    counts[CaseReason.FLAGGED] += count - sum(counts.values())
    held_count = sum(counts[reason] for reason in HOLDING_REASONS)
    # A held post was never seen by anyone else, so nobody can have answered it.
    held_posts = rng.sample(leaves, min(held_count, len(leaves)))
    taken = set(map(id, held_posts))
    others = [post for post in candidates if id(post) not in taken]
    other_posts = rng.sample(others, min(count - len(held_posts), len(others)))
    cases = []
    for reason, _ in CASE_MIX:
        pool = held_posts if reason in HOLDING_REASONS else other_posts
        for _ in range(counts[reason]):
            if not pool:
                break
            cases.append(_plan_case(rng, pool.pop(), reason, screened, member_count, now))
    return cases


def _plan_case(rng, post, reason, screened, member_count, now):
    case = PlannedCase(post=post, reason=reason, opened_at=post.created_at)
    if reason in screened:
        post.body, case.findings = rng.choice(screened[reason])
    if reason in HOLDING_REASONS:
        post.status = PostStatus.HELD
    if reason == CaseReason.FLAGGED:
        waited = (now - post.created_at).total_seconds()
        flaggers = set()
        for _ in range(_weighted(rng, FLAGS_PER_CASE)):
            flagger = rng.randrange(member_count)
            if flagger == post.author or flagger in flaggers:
                continue
            flaggers.add(flagger)
            when = post.created_at + datetime.timedelta(seconds=rng.uniform(60, max(waited, 61)))
            note = rng.choice(FLAG_NOTES)
            case.flags.append((flagger, _weighted(rng, FLAG_REASONS), note, min(when, now)))
        case.flags.sort(key=lambda flag: flag[3])
        if not case.flags:
            case.flags.append(((post.author + 1) % member_count, FlagReason.OTHER, "", now))
        case.opened_at = case.flags[0][3]
        if enough_to_hide(len(case.flags)):
            post.status = PostStatus.HIDDEN
    return case


def build_cases(planned, case_ids, member_ids):
    """(cases, flags) as unsaved rows, cases with their reserved ids."""
    cases = []
    flags = []
    for plan, pk in zip(planned, case_ids, strict=True):
        cases.append(
            Case(
                pk=pk,
                post_id=plan.post.pk,
                priority=plan.priority,
                reasons=[plan.reason],
                findings=plan.findings,
                opened_at=plan.opened_at,
            )
        )
        flags.extend(
            Flag(
                post_id=plan.post.pk,
                flagger_id=member_ids[flagger],
                reason=reason,
                note=note,
                case_id=pk,
                created_at=when,
            )
            for flagger, reason, note, when in plan.flags
        )
    return cases, flags


def held_notices(planned, member_ids):
    """The notice each held post's writer keeps, as the pipeline sends it."""
    messages = {}  # each notice's wording is read from the database once
    notices = []
    for plan in planned:
        key = held_notice([plan.reason])
        if key is None:
            continue
        if key not in messages:
            messages[key] = compose(key)
        notices.append(
            Notification(
                recipient_id=member_ids[plan.post.author],
                kind=NotificationKind.MODERATION,
                thread_id=plan.post.thread.pk,
                post_id=plan.post.pk,
                message=messages[key],
                created_at=plan.post.created_at,
            )
        )
    return notices
