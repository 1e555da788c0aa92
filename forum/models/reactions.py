from django.conf import settings
from django.db import models


class ReactionKind(models.TextChoices):
    """Supportive reactions, not scores: nothing is ever ranked by them."""

    HUG = "hug", "Hug"
    ME_TOO = "me-too", "Me too"
    THANK_YOU = "thank-you", "Thank you"
    THINKING_OF_YOU = "thinking-of-you", "Thinking of you"


class Reaction(models.Model):
    post = models.ForeignKey("forum.Post", on_delete=models.CASCADE, related_name="reactions")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.CharField(max_length=20, choices=ReactionKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "member", "kind"], name="forum_reaction_one_of_each"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on post {self.post_id}"
