from django.conf import settings
from django.db import models
from django.db.models import Count, Q


class ReactionKind(models.TextChoices):
    """Supportive reactions, not scores: nothing is ever ranked by them."""

    HUG = "hug", "Hug"
    ME_TOO = "me-too", "Me too"
    THANK_YOU = "thank-you", "Thank you"
    THINKING_OF_YOU = "thinking-of-you", "Thinking of you"


class ReactionQuerySet(models.QuerySet):
    def counts_on(self, post_ids, viewer):
        """(post id, kind, count, how many are the viewer's) rows: one grouped query for
        a whole page of posts."""
        mine = Q(member_id=viewer.pk) if viewer.pk else Q(pk__in=[])
        return (
            self.filter(post_id__in=post_ids)
            .values_list("post_id", "kind")
            .annotate(count=Count("pk"), mine=Count("pk", filter=mine))
            .order_by()
        )

    def names_on(self, post_ids):
        """(post id, kind, pseudonym) rows: who reacted, shown only to a post's writer."""
        return (
            self.filter(post_id__in=post_ids)
            .values_list("post_id", "kind", "member__username")
            .order_by("created_at")
        )


class Reaction(models.Model):
    post = models.ForeignKey("forum.Post", on_delete=models.CASCADE, related_name="reactions")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.CharField(max_length=20, choices=ReactionKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReactionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "member", "kind"], name="forum_reaction_one_of_each"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on post {self.post_id}"
