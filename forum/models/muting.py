from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class MuteDuration(models.TextChoices):
    DAY = "day", "For a day"
    WEEK = "week", "For a week"
    MONTH = "month", "For a month"
    ALWAYS = "always", "Until I unmute them"


class MuteQuerySet(models.QuerySet):
    def active(self):
        return self.filter(Q(until__isnull=True) | Q(until__gt=timezone.now()))


class Mute(models.Model):
    """A member mutes another: the muted member's posts collapse for the muter only."""

    muter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mutes"
    )
    muted = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="muted_by"
    )
    until = models.DateTimeField(null=True, blank=True, help_text="Empty means always.")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MuteQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["muter", "muted"], name="forum_mute_once"),
            models.CheckConstraint(
                condition=~models.Q(muter=models.F("muted")), name="forum_mute_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.muter_id} mutes {self.muted_id}"
