from django.conf import settings
from django.db import models


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

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["muter", "muted"], name="forum_mute_once"),
            models.CheckConstraint(
                condition=~models.Q(muter=models.F("muted")), name="forum_mute_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.muter_id} mutes {self.muted_id}"
