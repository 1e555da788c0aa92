"""Boards: the categories threads are started in, managed in the admin."""

from django.db import models
from django.urls import reverse


class BoardQuerySet(models.QuerySet):
    def listed(self):
        """The boards everyone sees: a small circle's board is found only from the
        circle's own page."""
        return self.filter(circle__isnull=True).order_by("order", "name")

    def followed_by(self, user):
        return self.filter(follows__member=user)

    def not_followed_by(self, user):
        return self.exclude(follows__member=user)


class Board(models.Model):
    """A category of threads. Managed in the admin."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(unique=True)
    description = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=100, help_text="Lower comes first.")
    is_premoderated = models.BooleanField(
        "pre-moderated", default=False, help_text="Every post waits for a moderator."
    )
    is_locked = models.BooleanField("locked", default=False, help_text="No new threads or replies.")

    objects = BoardQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forum:board", args=[self.slug])
