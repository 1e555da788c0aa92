"""Whether a moderator is here now and, if not, when one will next look: the honest
answer every page gives. It comes from the rota (moderation.models.Shift) once admins
keep one, and from the moderation hours on a site whose rota is empty."""

import datetime
import math
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone

from peersupport.caching import cached

from .models import ModerationSettings, Shift

ROTA_CACHE_KEY = "moderation:rota"
# A saved or deleted shift drops the copy at once (moderation/signals.py). A moderator
# who loses their role, or has not set up two-step sign-in, sends no signal: they drop
# out of "on shift now" when the copy expires.
ROTA_CACHE_SECONDS = 5 * 60
# How far ahead "a moderator will next look" reaches; beyond it we promise no time.
LOOK_AHEAD = datetime.timedelta(days=7)
# The copy holds a little more than LOOK_AHEAD, so it still reaches a week ahead of
# every moment it is read at.
READ_AHEAD = LOOK_AHEAD + datetime.timedelta(days=1)


@dataclass(frozen=True)
class OnTheRota:
    start: datetime.datetime
    end: datetime.datetime
    pseudonym: str


@dataclass(frozen=True)
class Rota:
    """The shifts in force from a moment to a little over a week later, and when the
    latest shift on the rota ends (None when the rota is empty). Answers for any moment
    until the cached copy expires."""

    shifts: tuple
    last_end: datetime.datetime | None

    @classmethod
    def current(cls):
        return cached(ROTA_CACHE_KEY, ROTA_CACHE_SECONDS, cls.read)

    @classmethod
    def read(cls, now=None):
        now = now or timezone.now()
        shifts = Shift.objects.in_force().between(now, now + READ_AHEAD)
        rows = shifts.values_list("start", "end", "moderator__username")
        return cls(
            shifts=tuple(OnTheRota(start, end, pseudonym) for start, end, pseudonym in rows),
            last_end=Shift.objects.aggregate(last=Max("end"))["last"],
        )

    def in_use(self, now):
        """Admins keep a rota: a shift covers now or lies ahead. Until then, and once it
        runs out, the moderation hours answer."""
        return self.last_end is not None and self.last_end > now

    def on_shift(self, now):
        return [shift for shift in self.shifts if shift.start <= now < shift.end]

    def later_today(self, now):
        """Shifts starting after `now` and before midnight on the site's clock."""
        today = timezone.localtime(now).date()
        return [
            shift
            for shift in self.shifts
            if shift.start > now and timezone.localtime(shift.start).date() == today
        ]

    def next_look(self, now):
        """`now` when someone is on shift, else the start of the next shift within
        LOOK_AHEAD (on the site's clock), else None."""
        if self.on_shift(now):
            return now
        starts = [shift.start for shift in self.shifts if now < shift.start <= now + LOOK_AHEAD]
        return timezone.localtime(min(starts)) if starts else None


@dataclass(frozen=True)
class ModeratorAvailability:
    now: datetime.datetime
    next_look: datetime.datetime | None
    # The moderation hours in words, when they answer; empty when the rota does.
    hours_description: str

    @classmethod
    def now_on_the_site_clock(cls):
        now = timezone.localtime()
        rota = Rota.current()
        if rota.in_use(now):
            return cls(now, rota.next_look(now), "")
        hours = ModerationSettings.current()
        return cls(now, hours.next_look(now), hours.hours_description)

    @property
    def here_now(self):
        return self.next_look == self.now

    @property
    def next_look_day(self):
        """ "", "tomorrow" or "on Friday": the day of the next look, said from today."""
        days = (self.next_look.date() - self.now.date()).days
        if days <= 0:
            return ""
        return "tomorrow" if days == 1 else f"on {self.next_look:%A}"

    @property
    def next_look_clock(self):
        """ "9am", "4:30pm": how people say a time."""
        when = self.next_look
        hour = when.hour % 12 or 12
        minutes = f":{when.minute:02d}" if when.minute else ""
        return f"{hour}{minutes}{'am' if when.hour < 12 else 'pm'}"

    @property
    def wait(self):
        """ "53 minutes", "3 hours", "about 11 hours", "about 3 days"."""
        minutes = math.ceil((self.next_look - self.now).total_seconds() / 60)
        if minutes < 60:
            return f"{minutes} minute{'' if minutes == 1 else 's'}"
        hours, rest = divmod(minutes, 60)
        if hours >= 36:
            return f"about {round(minutes / (24 * 60))} days"
        if not rest:
            return "1 hour" if hours == 1 else f"{hours} hours"
        hours += rest >= 30
        return "about an hour" if hours == 1 else f"about {hours} hours"
