"""Whether a moderator is here now and, if not, when one will next look: the honest
answer every page gives, from the moderation hours and the site's clock."""

import math
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from .models import ModerationSettings


@dataclass(frozen=True)
class ModeratorAvailability:
    now: datetime
    next_look: datetime | None
    hours_description: str

    @classmethod
    def now_on_the_site_clock(cls):
        hours = ModerationSettings.current()
        now = timezone.localtime()
        return cls(now, hours.next_look(now), hours.hours_description)

    @property
    def here_now(self):
        return self.next_look == self.now

    @property
    def next_look_tomorrow(self):
        return self.next_look is not None and self.next_look.date() > self.now.date()

    @property
    def next_look_clock(self):
        """ "9am", "4:30pm": how people say a time."""
        when = self.next_look
        hour = when.hour % 12 or 12
        minutes = f":{when.minute:02d}" if when.minute else ""
        return f"{hour}{minutes}{'am' if when.hour < 12 else 'pm'}"

    @property
    def wait(self):
        """ "53 minutes", "3 hours", "about 11 hours"."""
        minutes = math.ceil((self.next_look - self.now).total_seconds() / 60)
        if minutes < 60:
            return f"{minutes} minute{'' if minutes == 1 else 's'}"
        hours, rest = divmod(minutes, 60)
        if not rest:
            return "1 hour" if hours == 1 else f"{hours} hours"
        hours += rest >= 30
        return "about an hour" if hours == 1 else f"about {hours} hours"
