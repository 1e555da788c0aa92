import datetime

from django.db import models

from peersupport.caching import cached

SETTINGS_CACHE_KEY = "moderation:settings"
# Saving the settings drops the cached copy at once (moderation/signals.py).
SETTINGS_CACHE_TIMEOUT = 60 * 60


class ModerationSettings(models.Model):
    """Site-wide switches, edited by admins. There is one row (pk 1)."""

    moderate_everything = models.BooleanField(
        default=False,
        help_text="Hold every new post for a moderator (for nights with nobody on shift).",
    )
    hours_start = models.TimeField(default=datetime.time(9, 0))
    hours_end = models.TimeField(default=datetime.time(22, 0))
    hours_description = models.CharField(
        max_length=200,
        default="every day from 9am to 10pm",
        help_text="Shown to writers whose post is waiting outside these hours.",
    )

    class Meta:
        verbose_name = "moderation settings"
        verbose_name_plural = "moderation settings"

    def __str__(self):
        return "Moderation settings"

    @classmethod
    def current(cls):
        """The one row, from the cache: every new post asks whether to hold it."""
        return cached(
            SETTINGS_CACHE_KEY,
            SETTINGS_CACHE_TIMEOUT,
            lambda: cls.objects.get_or_create(pk=1)[0],
        )

    def in_hours(self, when):
        now = when.time()
        if self.hours_start <= self.hours_end:
            return self.hours_start <= now < self.hours_end
        return now >= self.hours_start or now < self.hours_end

    def next_look(self, now):
        """When a moderator will next be here: `now` within the hours, else when the
        hours next begin (in `now`'s time zone), or None when the hours are empty."""
        if self.in_hours(now):
            return now
        if self.hours_start == self.hours_end:
            return None
        day = now.date()
        if now.time() >= self.hours_start:
            day += datetime.timedelta(days=1)
        # Combined with the zone, not added as hours, so a change of the clocks overnight
        # still gives the opening time on the wall clock.
        return datetime.datetime.combine(day, self.hours_start, tzinfo=now.tzinfo)


# The playbook's ready-made check-in messages share this start of their key.
CHECK_IN_TEMPLATE_PREFIX = "check-in-"


class MessageTemplateQuerySet(models.QuerySet):
    def for_check_ins(self):
        """The ready-made messages a moderator may start a check-in from."""
        return self.filter(key__startswith=CHECK_IN_TEMPLATE_PREFIX)


class MessageTemplate(models.Model):
    """Ready-made, kind words sent to a member about a decision. Admins edit these."""

    key = models.SlugField(unique=True, help_text="Which decision or reason it is for.")
    title = models.CharField(max_length=120)
    body = models.TextField(help_text="Plain words. {reason} is replaced by the reason given.")

    objects = MessageTemplateQuerySet.as_manager()

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return self.title
