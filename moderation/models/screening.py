from django.core.exceptions import ValidationError
from django.db import models


class RiskLevel(models.TextChoices):
    CRISIS = "crisis", "Crisis: current intent or danger (held, top priority)"
    CONCERN = "concern", "Concern: distress or self-harm references (published, reviewed)"
    BLOCKED = "blocked", "Blocked: slurs or spam (refused with a reason)"
    # Only screening gives this level: abuse a member quotes, said to them.
    BULLYING = "bullying", "Bullying received (published, reviewed)"


def concept_choices():
    from moderation.screening.risk.lexicon import CONCEPTS

    return [(concept, concept.replace("-", " ").capitalize()) for concept in sorted(CONCEPTS)]


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
    level = models.CharField(
        max_length=20,
        choices=RiskLevel.choices,
        blank=True,
        help_text="What a match means. Not needed for a concept word.",
    )
    exceptions = models.TextField(
        blank=True, help_text="Idioms containing the phrase that are not a risk, one per line."
    )
    reason = models.CharField(
        max_length=200,
        blank=True,
        help_text="For blocked phrases: the reason shown to the writer.",
    )
    concept = models.CharField(
        max_length=40,
        blank=True,
        choices=concept_choices,
        help_text=(
            "Leave empty for a phrase matched as it is. Choose a concept to add the phrase "
            "as a word the rules read as that concept (its level is then the rules')."
        ),
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
        return f"{self.phrase} ({self.concept or self.level})"

    def clean(self):
        if not self.concept and not self.level:
            raise ValidationError({"level": "Choose a level, or a concept for a concept word."})
