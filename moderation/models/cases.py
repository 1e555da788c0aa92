from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .audit import ActionKind


class Priority(models.IntegerChoices):
    """Lower is more urgent, so the queue is ordered by priority then waiting time."""

    CRISIS = 0, "crisis"
    HIGH = 1, "high"
    MEDIUM = 2, "medium"
    LOW = 3, "low"


class CaseReason(models.TextChoices):
    CRISIS_LANGUAGE = "crisis-language", "Crisis language"
    CONCERN_LANGUAGE = "concern-language", "Concern language"
    BULLYING_RECEIVED = "bullying-received", "Quotes bullying aimed at the writer"
    PERSONAL_DATA = "personal-data", "Personal information"
    PREMODERATION = "premoderation", "Waiting for first approval"
    FLAGGED = "flagged", "Flagged by members"
    EDITED = "edited", "Edited after review"
    APPEAL = "appeal", "Appeal"


class CaseStatus(models.TextChoices):
    OPEN = "open", "Open"
    DECIDED = "decided", "Decided"


class ScreeningVerdict(models.TextChoices):
    """A moderator's answer to "Was the screening right?", asked when they decide a case
    the screening opened or added to. What the screening learns from."""

    CRISIS = "crisis", "Crisis: confirmed"
    CONCERN = "concern", "A concern, not a crisis"
    NOT_CONCERNING = "not-concerning", "Not concerning"


# The finding levels that mean the screening itself raised the case (or added to it):
# only these ask the moderator whether the screening was right. Blocked posts are never
# saved, and personal data is a fact about the words, not a judgement of risk.
SCREENING_LEVELS = ("crisis", "concern", "bullying")


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=CaseStatus.OPEN)

    def crisis(self):
        return self.filter(priority=Priority.CRISIS)

    def in_queue_order(self):
        return self.order_by("priority", "opened_at", "pk")

    def for_queue(self):
        """Open cases in queue order, with only what the queue shows of each: the post's
        words (folded away) and writer, its board and who holds the claim."""
        return (
            self.open()
            .select_related("post__thread__board", "claimed_by")
            .only(
                *("status", "priority", "reasons", "is_escalated", "opened_at", "claimed_until"),
                *("post__body", "post__author", "post__thread__board__name"),
                "claimed_by__username",
            )
            .in_queue_order()
        )

    def with_priority(self, label):
        """Cases of one priority, named as in the markup: crisis, high, medium, low."""
        return self.filter(priority={p.label: p.value for p in Priority}[label])

    def with_reason(self, reason):
        return self.filter(reasons__contains=[reason])

    def in_board(self, board):
        return self.filter(post__thread__board=board)

    def claimed_by(self, user, now=None):
        """Cases `user` holds a live claim on (claims expire, see `claimed_until`)."""
        return self.filter(claimed_by=user, claimed_until__gt=now or timezone.now())

    def about_member(self, member):
        """Every case about a member's posts, newest first: their history."""
        return (
            self.filter(post__author=member)
            .select_related("post__thread", "decided_by")
            .order_by("-opened_at", "-pk")
        )

    def with_screening_verdict(self, since=None):
        """Cases a moderator said whether the screening was right about, answered at or
        after `since` if given: what the screening learns from."""
        cases = self.exclude(screening_verdict="")
        if since is not None:
            cases = cases.filter(screening_verdict_at__gte=since)
        return cases

    def claimed_by_other_than(self, user, now=None):
        return self.filter(claimed_until__gt=now or timezone.now()).exclude(claimed_by=user)

    def escalated_or_crisis(self):
        return self.open().filter(Q(is_escalated=True) | Q(priority=Priority.CRISIS))

    def crisis_waiting_since(self, cutoff):
        """Open crisis cases opened before `cutoff` that no lead has been emailed about."""
        return self.open().crisis().filter(opened_at__lt=cutoff, leads_alerted_at__isnull=True)


class Case(models.Model):
    """One open case per post: everything a moderator needs to decide about it."""

    post = models.ForeignKey("forum.Post", on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, db_index=True)
    reasons = models.JSONField(default=list, help_text="CaseReason values, oldest first.")
    # What the screening found, shown to the moderator ("which phrase matched").
    findings = models.JSONField(default=list, blank=True)
    is_escalated = models.BooleanField(default=False)
    opened_at = models.DateTimeField(default=timezone.now, db_index=True)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_until = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=20, blank=True)
    # Leads are emailed once about a crisis case left open too long.
    leads_alerted_at = models.DateTimeField(null=True, blank=True)
    # Was the screening right? Optional, given with the decision on a case with
    # screening findings; what moderation.verdicts counts and exports.
    screening_verdict = models.CharField(
        max_length=20, blank=True, choices=ScreeningVerdict.choices
    )
    screening_verdict_at = models.DateTimeField(null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post"], condition=Q(status="open"), name="one_open_case_per_post"
            )
        ]
        indexes = [
            models.Index(fields=["status", "priority", "opened_at"]),
            # Only answered cases: the precision page and the export read the newest.
            models.Index(
                fields=["screening_verdict_at"],
                condition=Q(screening_verdict_at__isnull=False),
                name="moderation_case_verdict_at",
            ),
        ]

    def __str__(self):
        return f"Case {self.pk} ({self.get_priority_display()})"

    @property
    def priority_label(self):
        return Priority(self.priority).label

    @property
    def reason_labels(self):
        return [CaseReason(reason).label for reason in self.reasons]

    @property
    def decision_label(self):
        return ActionKind(self.decision).label if self.decision else ""

    @property
    def is_open(self):
        return self.status == CaseStatus.OPEN

    @property
    def has_screening_findings(self):
        """Whether the screening opened or added to this case (see SCREENING_LEVELS)."""
        return any(
            isinstance(finding, dict) and finding.get("level") in SCREENING_LEVELS
            for finding in self.findings
        )

    def claimant(self, now=None):
        """Who holds the claim on this case now, or None once it has expired."""
        if self.claimed_until is None or self.claimed_until <= (now or timezone.now()):
            return None
        return self.claimed_by


class FlagReason(models.TextChoices):
    # First, because it is the one that matters most.
    SAFETY = "safety", "I'm worried about this person's safety"
    RISK_TO_OTHERS = "risk-to-others", "It could put someone else at risk"
    BULLYING = "bullying", "Bullying or unkindness"
    PERSONAL_INFO = "personal-info", "It shares personal information"
    NEEDS_WARNING = "needs-warning", "It needs a content warning"
    SPAM = "spam", "Spam or advertising"
    OTHER = "other", "Something else"


class FlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(is_open=True)


class Flag(models.Model):
    """A member's concern about a post. The author never learns who flagged."""

    post = models.ForeignKey("forum.Post", on_delete=models.CASCADE, related_name="flags")
    flagger = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="flags"
    )
    reason = models.CharField(max_length=20, choices=FlagReason.choices)
    note = models.TextField(max_length=1000, blank=True)
    case = models.ForeignKey(Case, null=True, on_delete=models.SET_NULL, related_name="flags")
    is_open = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Kept for abuse checks (several accounts from one address); dropped by retention.
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = FlagQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "flagger"], condition=Q(is_open=True), name="one_open_flag_each"
            )
        ]

    def __str__(self):
        return f"Flag on post {self.post_id}: {self.reason}"
