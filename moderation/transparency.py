"""The figures on the public transparency page (/transparency/): how moderation went in
each of the last twelve months, with no way to tell who anyone is.

A case counts in the month it opened (site time), and an appeal in the month it was
made, so each month's figures are about the same cases: how many opened and why, how
soon a moderator first looked, how many they decided and how soon, and what came of the
appeals. Nothing is counted per member, moderator, board or day.

Small numbers could point at someone, so every count from 1 to
TRANSPARENCY_SMALLEST_SHOWN - 1 is shown as "fewer than ...", and a median or share
of fewer cases than that is not shown. The numbers are suppressed here, before they are
cached, so the small ones never reach a template.

The figures are worked out once a day and kept under a key naming the date.
"""

import datetime
import statistics
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from peersupport.caching import cached

from .models import Appeal, Case, CaseReason, CaseStatus, Priority
from .models.audit import CLOSING_DECISIONS, ActionKind

MONTHS_SHOWN = 12
# How soon a moderator should first look at a crisis case.
CRISIS_LOOK_WITHIN = datetime.timedelta(minutes=10)
# A day's figures are kept a little longer than the day, so the first visitor after
# midnight works out the new day's rather than everyone finding none.
CACHE_TIMEOUT = 25 * 60 * 60
TOO_FEW = "too few to say"
# An appeal's case decided with one of these let the post stay up or come back: the
# first decision was changed. Any other closing decision let it stand.
APPEAL_CHANGED = {ActionKind.APPROVE, ActionKind.EDIT, ActionKind.ADD_WARNING}

# Why cases open, in words for the public: (name, one plain sentence), in the order
# the page lists them.
REASONS_IN_PLAIN_WORDS = {
    CaseReason.CRISIS_LANGUAGE: (
        "Someone may be in danger",
        "Our checks found words that suggest the writer may be in danger now, so the post "
        "waited for a moderator and the writer was shown where to get help at once.",
    ),
    CaseReason.CONCERN_LANGUAGE: (
        "Someone may be struggling",
        "Our checks found words about distress or self-harm; the post was shown, and a "
        "moderator was asked to look at it too.",
    ),
    CaseReason.BULLYING_RECEIVED: (
        "Someone quoted unkind words said to them",
        "A post repeated bullying aimed at its writer, so a moderator checked that they "
        "were all right.",
    ),
    CaseReason.PERSONAL_DATA: (
        "Personal details",
        "A post held something that could show who someone is, such as a phone number or a school.",
    ),
    CaseReason.PREMODERATION: (
        "First posts of new members",
        "A new member's first few posts, and posts on boards where every post is checked, "
        "wait for a moderator.",
    ),
    CaseReason.FLAGGED: (
        "Members raised a worry",
        "A member flagged a post or profile they were worried about.",
    ),
    CaseReason.EDITED: (
        "A post was changed",
        "A post was edited after a moderator had already looked at it, so it was looked at again.",
    ),
    CaseReason.APPEAL: (
        "Asked to look again",
        "A member asked for a decision about them to be looked at again (an appeal).",
    ),
    CaseReason.CHECK_IN_REPLY: (
        "A reply to the moderators",
        "Someone answered a private message a moderator sent to check on them.",
    ),
}


@dataclass(frozen=True)
class MonthFigures:
    """One month's figures, each already a phrase to show ("12", "fewer than 5")."""

    month: datetime.date  # its first day
    so_far: bool  # the current month, still under way
    opened: str
    by_reason: tuple  # (the reason's name in plain words, count shown)
    decided: str
    first_look: str
    to_decision: str
    crisis_looked_at_soon: str
    appeals: str
    appeals_changed: str
    appeals_stood: str
    appeals_waiting: str
    appeals_ended: str


@dataclass(frozen=True)
class Figures:
    worked_out_at: datetime.datetime
    months: tuple  # MonthFigures, newest first


def figures_for_today():
    """Today's figures, worked out by the first request of the day (site time)."""
    key = f"moderation:transparency:{timezone.localdate().isoformat()}"
    return cached(key, CACHE_TIMEOUT, lambda: work_out_figures(timezone.now()))


def work_out_figures(now):
    months = _last_months(timezone.localdate(now))
    since = _start_of(months[-1])
    tallies = {month: _Tally() for month in months}
    for case in Case.objects.for_transparency(since):
        tally = tallies.get(_month_of(case["opened_at"]))
        if tally is not None:
            tally.add_case(case, now)
    for appeal in Appeal.objects.outcomes_since(since):
        tally = tallies.get(_month_of(appeal["created_at"]))
        if tally is not None:
            tally.add_appeal(appeal)
    return Figures(
        worked_out_at=now,
        months=tuple(tallies[month].shown(month, so_far=month == months[0]) for month in months),
    )


@dataclass
class _Tally:
    """The raw numbers of one month, kept only while the figures are worked out."""

    opened: int = 0
    by_reason: dict = field(default_factory=lambda: dict.fromkeys(CaseReason, 0))
    first_looks: list = field(default_factory=list)  # seconds from opening
    decisions: list = field(default_factory=list)  # seconds from opening
    crisis: int = 0
    crisis_soon: int = 0
    appeals: dict = field(
        default_factory=lambda: {"changed": 0, "stood": 0, "waiting": 0, "ended": 0}
    )

    def add_case(self, case, now):
        self.opened += 1
        for reason in set(case["reasons"]) & set(CaseReason):
            self.by_reason[CaseReason(reason)] += 1
        opened_at = case["opened_at"]
        # Deciding writes a look too, so the first look is never after the decision.
        if case["first_look_at"] is not None:
            self.first_looks.append((case["first_look_at"] - opened_at).total_seconds())
        if case["decision"] in CLOSING_DECISIONS:
            self.decisions.append((case["decided_at"] - opened_at).total_seconds())
        if case["priority"] == Priority.CRISIS:
            self._add_crisis(case, now)

    def _add_crisis(self, case, now):
        # From when it became a crisis case; a case the audit log has no such row for
        # (made by hand, say) was one from its opening.
        if case["crisis_at"] is not None:
            since, looked_at = case["crisis_at"], case["crisis_look_at"]
        else:
            since, looked_at = case["opened_at"], case["first_look_at"]
        soon = looked_at is not None and looked_at - since <= CRISIS_LOOK_WITHIN
        # One still waiting, but not yet for the whole ten minutes, is neither.
        if soon or now - since > CRISIS_LOOK_WITHIN:
            self.crisis += 1
            self.crisis_soon += soon

    def add_appeal(self, appeal):
        if appeal["case__status"] == CaseStatus.OPEN:
            self.appeals["waiting"] += 1
        elif appeal["case__decision"] in APPEAL_CHANGED:
            self.appeals["changed"] += 1
        elif appeal["case__decision"] in CLOSING_DECISIONS:
            self.appeals["stood"] += 1
        else:
            # The writer deleted the post, which closes its case with nothing to decide.
            self.appeals["ended"] += 1

    def shown(self, month, so_far):
        return MonthFigures(
            month=month,
            so_far=so_far,
            opened=shown_count(self.opened),
            by_reason=tuple(
                (REASONS_IN_PLAIN_WORDS[reason][0], shown_count(self.by_reason[reason]))
                for reason in REASONS_IN_PLAIN_WORDS
            ),
            decided=shown_count(len(self.decisions)),
            first_look=shown_median(self.first_looks),
            to_decision=shown_median(self.decisions),
            crisis_looked_at_soon=shown_share(self.crisis_soon, self.crisis),
            appeals=shown_count(sum(self.appeals.values())),
            appeals_changed=shown_count(self.appeals["changed"]),
            appeals_stood=shown_count(self.appeals["stood"]),
            appeals_waiting=shown_count(self.appeals["waiting"]),
            appeals_ended=shown_count(self.appeals["ended"]),
        )


def shown_count(n):
    smallest = settings.TRANSPARENCY_SMALLEST_SHOWN
    if 0 < n < smallest:
        return f"fewer than {smallest}"
    return f"{n:,}"


def shown_median(seconds):
    if len(seconds) < settings.TRANSPARENCY_SMALLEST_SHOWN:
        return TOO_FEW
    return duration_words(statistics.median(seconds))


def shown_share(part, whole):
    """ "n of m (p%)"; the share only when n itself may be shown."""
    smallest = settings.TRANSPARENCY_SMALLEST_SHOWN
    if whole < smallest:
        return TOO_FEW
    if 0 < part < smallest:
        return f"{shown_count(part)} of {whole:,}"
    return f"{part:,} of {whole:,} ({round(100 * part / whole)}%)"


def duration_words(seconds):
    """A wait in plain words, as precise as a reader needs: "8 minutes", "2 hours 5
    minutes", "3 days"."""
    minutes = round(seconds / 60)
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return _plural(minutes, "minute")
    if minutes < 48 * 60:
        hours, minutes = divmod(minutes, 60)
        words = [_plural(hours, "hour")] + ([_plural(minutes, "minute")] if minutes else [])
        return " ".join(words)
    return _plural(round(minutes / (24 * 60)), "day")


def _plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _last_months(today):
    """The first days of this month and the eleven before it, newest first."""
    months, month = [], today.replace(day=1)
    for _ in range(MONTHS_SHOWN):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return months


def _start_of(month):
    return timezone.make_aware(datetime.datetime.combine(month, datetime.time.min))


def _month_of(moment):
    return timezone.localtime(moment).date().replace(day=1)
