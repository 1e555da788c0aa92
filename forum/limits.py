"""How much one member may post in a while, so no one (and no script) can flood the
forum. Counted from the member's own recent posts, whatever became of them (held,
hidden or deleted count too, so deleting and posting again does not reset a limit), so
the limits hold across every app server with nothing else to keep in step. The numbers
are the POSTING_RATE_LIMITS setting; RATE_LIMITS_ENABLED switches them off.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone

from .models import Post

THREAD = "thread"
REPLY = "reply"

# Windows up to this long are "a short time"; longer ones are "today".
SHORT_WINDOW = datetime.timedelta(hours=1)

PAUSE_SHORT = (
    "You've posted a lot in a short time. Take a breather — you can post again in a few "
    "minutes. If you need to talk to someone now, the crisis lines on this page are there "
    "for you."
)
PAUSE_LONG = (
    "You've posted a lot today. Take a breather — you can post again later on. If you "
    "need to talk to someone now, the crisis lines on this page are there for you."
)


def take_posting_turn(author):
    """Lock the writer's account row until the transaction ends. Posts they send at the
    same moment (two tabs, a script) are then counted and stored one after another, on
    any app server, so none slips past a limit by counting before the others are
    stored. A "no key" lock: others may still reply to them or mention them meanwhile."""
    list(
        get_user_model()
        .objects.select_for_update(no_key=True)
        .filter(pk=author.pk)
        .values_list("pk", flat=True)
    )


def posting_pause(author, kind):
    """The kind message to show when `author` has reached a limit for `kind` (THREAD or
    REPLY), or "" when they may post. One query, however many limits there are."""
    if not settings.RATE_LIMITS_ENABLED:
        return ""
    # Longest window first: someone at their daily limit is not told "a few minutes".
    limits = sorted(
        (
            (count, datetime.timedelta(seconds=seconds))
            for count, seconds in settings.POSTING_RATE_LIMITS[kind]
        ),
        key=lambda limit: limit[1],
        reverse=True,
    )
    now = timezone.now()
    posts = Post.objects.filter(author=author)
    posts = posts.filter(depth=0) if kind == THREAD else posts.filter(depth__gt=0)
    counts = posts.filter(created_at__gte=now - limits[0][1]).aggregate(
        **{
            f"within_{n}": Count("pk", filter=Q(created_at__gte=now - window))
            for n, (_, window) in enumerate(limits)
        }
    )
    for n, (count, window) in enumerate(limits):
        if counts[f"within_{n}"] >= count:
            return PAUSE_SHORT if window <= SHORT_WINDOW else PAUSE_LONG
    return ""
