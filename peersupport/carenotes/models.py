"""A member's private notes for their care team: what happened online and how it
affected them, and posts they saved as plain text. Nobody else reads these, moderators
and admins included, so they are kept out of the admin and never screened: they are never
shown to anyone unless the member prints or downloads them."""

from django.conf import settings
from django.db import models
from django.db.models import Q

NOTE_FIELD_LENGTH = 4000
COMMENT_LENGTH = 500


class OwnedQuerySet(models.QuerySet):
    def of(self, member):
        """What `member` wrote or saved: the only rows any page reads."""
        return self.filter(member=member)


class CareNote(models.Model):
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_notes"
    )
    what_happened = models.TextField(
        "What happened",
        blank=True,
        max_length=NOTE_FIELD_LENGTH,
        help_text="Where were you, and what did you see or read? "
        "Your own words are enough; there is no right way to write this.",
    )
    how_it_affected_me = models.TextField(
        "How it affected me",
        blank=True,
        max_length=NOTE_FIELD_LENGTH,
        help_text="How did you feel then, and since? You might notice changes in "
        "sleep, mood, eating, or how much you want to be online.",
    )
    help_wanted = models.TextField(
        "What I'd like help with",
        blank=True,
        max_length=NOTE_FIELD_LENGTH,
        help_text="It might be making sense of it, feeling safer online, "
        "or simply being listened to.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["member", "-created_at"], name="carenote_member_newest")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(what_happened="", how_it_affected_me="", help_wanted=""),
                name="carenote_not_empty",
                violation_error_message="Please write something in at least one of the boxes.",
            )
        ]

    def __str__(self):
        return f"Note {self.pk}"

    @property
    def parts(self):
        """(prompt, words) for each part the member wrote, in the order they are asked."""
        fields = ("what_happened", "how_it_affected_me", "help_wanted")
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in fields
            if getattr(self, name)
        ]


class SavedQuote(models.Model):
    """A post's words as they were when saved. Deliberately no link to the post or its
    writer: a printed page names nobody, and nothing here leads back to anyone."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_quotes"
    )
    text = models.TextField()
    written_at = models.DateTimeField(help_text="When the post was written.")
    comment = models.CharField(
        "Your note about it",
        max_length=COMMENT_LENGTH,
        blank=True,
        help_text="Why you saved it, in a few words, if you like.",
    )
    saved_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-saved_at", "-pk"]
        indexes = [models.Index(fields=["member", "-saved_at"], name="savedquote_member_newest")]

    def __str__(self):
        return f"Saved post {self.pk}"
