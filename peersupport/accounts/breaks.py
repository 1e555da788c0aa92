"""How long a member may choose to take a break for."""

import datetime

from django.db import models


class BreakLength(models.TextChoices):
    DAY = "day", "A day"
    THREE_DAYS = "three-days", "Three days"
    WEEK = "week", "A week"
    TWO_WEEKS = "two-weeks", "Two weeks"


DAYS = {
    BreakLength.DAY: 1,
    BreakLength.THREE_DAYS: 3,
    BreakLength.WEEK: 7,
    BreakLength.TWO_WEEKS: 14,
}


def break_duration(length):
    return datetime.timedelta(days=DAYS[length])
