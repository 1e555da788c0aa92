from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
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
    CHECK_IN_REPLY = "check-in-reply", "The writer answered a check-in"


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
        words (folded away), writer, thread and board, or the bio a profile case is about, and
        who holds the claim."""
        return (
            self.open()
            .select_related("post__thread__board", "post__author", "member", "claimed_by")
            .only(
                *("status", "priority", "reasons", "findings", "is_escalated", "opened_at"),
                "claimed_until",
                *("post__body", "post__author__username"),
                *("post__thread__title", "post__thread__board__name"),
                *("member__username", "member__bio", "member__pending_bio"),
                "claimed_by__username",
            )
            .with_added_post_count()
            .in_queue_order()
        )

    def about_post(self, post):
        """Cases about `post`: as the post a case was opened for, or as one of the posts
        gathered into it since (see Case.added_posts)."""
        gathered = self.model.added_posts.through.objects.filter(post=post).values("case_id")
        return self.filter(Q(post=post) | Q(pk__in=gathered))

    def crisis_of_writer(self, member):
        """The open crisis case a member's next crisis post joins, if they have one."""
        # By priority, not reason: a JSON lookup SQLite (`make run`) cannot do, and only
        # crisis words give a case the crisis priority.
        return self.open().crisis().filter(post__author=member).in_queue_order()

    def with_added_post_count(self):
        """Each case with `added_post_count`, how many posts were gathered into it after
        its first, counted in the same query."""
        through = self.model.added_posts.through
        count = (
            through.objects.filter(case_id=OuterRef("pk"))
            .order_by()
            .values("case_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            added_post_count=Coalesce(Subquery(count, output_field=models.IntegerField()), 0)
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
        """Every case about a member's posts or profile, newest first: their history."""
        return (
            self.filter(Q(post__author=member) | Q(member=member))
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

    def next_for(self, moderator, now=None):
        """The open case `moderator` should read next, in queue order: not held by
        someone else and not about their own post or profile (someone else decides
        those). Rank limits only withhold sanctions, so such cases still come."""
        now = now or timezone.now()
        return (
            self.open()
            .filter(
                Q(claimed_until__isnull=True) | Q(claimed_until__lte=now) | Q(claimed_by=moderator)
            )
            .exclude(post__author=moderator)
            .exclude(member=moderator)
            .in_queue_order()
            .first()
        )

    def plain_first_posts(self):
        """Open cases held only for pre-moderation that nothing was found in, by the
        screening or by a member: the ones a moderator may approve several at once."""
        return (
            self.open()
            .filter(reasons=[CaseReason.PREMODERATION], findings=[], post__isnull=False)
            .exclude(Exists(Flag.objects.filter(post=OuterRef("post"))))
            .exclude(Exists(self.model.added_posts.through.objects.filter(case=OuterRef("pk"))))
        )

    def escalated_or_crisis(self):
        return self.open().filter(Q(is_escalated=True) | Q(priority=Priority.CRISIS))

    def crisis_not_alerted(self):
        """Open crisis cases no lead has been told about yet."""
        return self.open().crisis().filter(leads_alerted_at__isnull=True)

    def crisis_due_a_reminder(self, cutoff):
        """Open crisis cases the leads were told about before `cutoff` and not yet
        reminded about."""
        return (
            self.open().crisis().filter(leads_alerted_at__lt=cutoff, leads_reminded_at__isnull=True)
        )


class Case(models.Model):
    """One open case per post, or per member's profile (their bio): everything a
    moderator needs to decide about it."""

    post = models.ForeignKey(
        "forum.Post", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    # Set instead of `post` for a case about what a member's profile shows. Emptied when
    # the member deletes their account (moderation.erasure closes the case first).
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profile_cases",
    )
    # The writer's later crisis posts, gathered here while the case is open: a burst of
    # crisis posts reaches the moderators as one case, decided together, and alerts the
    # leads once, instead of filling the queue ahead of everyone else's.
    added_posts = models.ManyToManyField("forum.Post", blank=True, related_name="gathered_in")
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
    # The leads are told about a crisis case once when it opens, and reminded once if it
    # is still open CRISIS_REMINDER_MINUTES later (moderation.escalation).
    leads_alerted_at = models.DateTimeField(null=True, blank=True)
    leads_reminded_at = models.DateTimeField(null=True, blank=True)
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
            ),
            models.UniqueConstraint(
                fields=["member"], condition=Q(status="open"), name="one_open_case_per_profile"
            ),
            models.CheckConstraint(
                condition=Q(post__isnull=True) | Q(member__isnull=True),
                name="case_about_a_post_or_a_profile",
            ),
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
    def is_about_profile(self):
        return self.post_id is None

    @property
    def concerns(self):
        """The member the case is about: the post's writer, or the profile's owner."""
        return self.member if self.post_id is None else self.post.author

    @property
    def has_screening_findings(self):
        """Whether the screening opened or added to this case (see SCREENING_LEVELS)."""
        return any(
            isinstance(finding, dict) and finding.get("level") in SCREENING_LEVELS
            for finding in self.findings
        )

    @property
    def may_distress(self):
        """Whether the screening or a member found something: only then is the
        moderator warned before reading."""
        return self.has_screening_findings or CaseReason.FLAGGED in self.reasons

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
    """A member's concern about a post, or about another member's profile. The author
    never learns who flagged."""

    post = models.ForeignKey(
        "forum.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    # Set instead of `post` for a flag on a member's profile.
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profile_flags",
    )
    flagger = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="flags"
    )
    reason = models.CharField(max_length=20, choices=FlagReason.choices)
    note = models.TextField(max_length=1000, blank=True)
    case = models.ForeignKey(Case, null=True, on_delete=models.SET_NULL, related_name="flags")
    is_open = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Where it came from, to spot one person flagging from several accounts: keyed
    # hashes of the address and of the browser (moderation/flag_sources.py), never the
    # address itself. Dropped by retention.
    address_hash = models.CharField(max_length=64, blank=True)
    device_hash = models.CharField(max_length=64, blank=True)

    objects = FlagQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "flagger"], condition=Q(is_open=True), name="one_open_flag_each"
            ),
            models.UniqueConstraint(
                fields=["member", "flagger"],
                condition=Q(is_open=True),
                name="one_open_profile_flag_each",
            ),
            models.CheckConstraint(
                condition=Q(post__isnull=True) | Q(member__isnull=True),
                name="flag_on_a_post_or_a_profile",
            ),
        ]

    def __str__(self):
        if self.post_id is None:
            return f"Flag on the profile of member {self.member_id}: {self.reason}"
        return f"Flag on post {self.post_id}: {self.reason}"
