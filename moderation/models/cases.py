from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .audit import ActionKind
from .case_choices import SCREENING_LEVELS, CaseReason, CaseStatus, Priority, ScreeningVerdict
from .case_queries import CaseQuerySet


class Case(models.Model):
    """One open case per post, or per member's profile (their bio): everything a
    moderator needs to decide about it."""

    post = models.ForeignKey(
        "forum.Post", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    # Set instead of `post` for a case about what a member's profile shows. Emptied when
    # the member deletes their account (moderation.services.erasure closes the case first).
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
    # is still open CRISIS_REMINDER_MINUTES later (moderation.alerts).
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
    def is_crisis(self):
        return self.priority == Priority.CRISIS

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
    def looks_plain(self):
        """What a listing can tell of `Case.objects.plain_first_posts()` (which also
        checks flags): held only for pre-moderation, nothing found, no posts gathered.
        Needs `with_added_post_count()`."""
        return (
            self.post_id is not None
            and self.reasons == [CaseReason.PREMODERATION]
            and not self.findings
            and not self.added_post_count
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
