from django.conf import settings
from django.db import models
from django.db.models import Q


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

    def about(self, posts, member):
        """The flags on a case's posts or, for a case about a profile (no posts), on
        the member's profile."""
        if posts:
            return self.filter(post__in=posts)
        if member is not None:
            return self.filter(member=member)
        return self.none()


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
    case = models.ForeignKey(
        "moderation.Case", null=True, on_delete=models.SET_NULL, related_name="flags"
    )
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
