from django.db import models


class RiskLevel(models.TextChoices):
    CRISIS = "crisis", "Crisis: current intent or danger (held, top priority)"
    CONCERN = "concern", "Concern: distress or self-harm references (published, reviewed)"
    BLOCKED = "blocked", "Blocked: slurs or spam (refused with a reason)"


class WatchedPhraseQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class WatchedPhrase(models.Model):
    """A phrase the screening looks for, managed by admins.

    `phrase` is matched on normalised text (case, accents, repeated letters, leetspeak
    and common misspellings folded away), as whole words; `*` stands for any one word.
    `exceptions` lists idioms that contain the phrase but are not a risk (one per line).
    """

    phrase = models.CharField(max_length=200)
    level = models.CharField(max_length=20, choices=RiskLevel.choices)
    exceptions = models.TextField(
        blank=True, help_text="Idioms containing the phrase that are not a risk, one per line."
    )
    reason = models.CharField(
        max_length=200,
        blank=True,
        help_text="For blocked phrases: the reason shown to the writer.",
    )
    is_active = models.BooleanField("active", default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WatchedPhraseQuerySet.as_manager()

    class Meta:
        ordering = ["level", "phrase"]
        constraints = [
            models.UniqueConstraint(fields=["phrase", "level"], name="watched_phrase_unique"),
        ]

    def __str__(self):
        return f"{self.phrase} ({self.level})"
