"""Where a member lands first: the welcome after joining, once, and the calm "welcome
back" page after a long break; and what those pages show."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from forum.models import Board, Notification, Thread
from forum.reader_choices import shown_title

# The session remembers which break's "welcome back" it has shown, so going elsewhere
# without answering is not sent back to it in the same visit.
WELCOME_BACK_SHOWN = "welcome_back_shown_for"
NEWS_SHOWN = 5
INTRODUCTIONS = "introductions"


def landing_for(request):
    """The page a member should land on instead of the home page, or None."""
    member = request.user
    if not member.is_authenticated:
        return None
    if member.welcome_due:
        return reverse("accounts:welcome")
    if member.away_since and request.session.get(WELCOME_BACK_SHOWN) != str(member.away_since):
        return reverse("accounts:welcome_back")
    return None


def note_welcome_back_shown(request):
    request.session[WELCOME_BACK_SHOWN] = str(request.user.away_since)


@dataclass
class NewsSince:
    replies_to_them: bool
    threads: list  # (thread, its title as the member sees it), newest first


def news_since(member, since: datetime.date):
    """What happened in what the member follows since the day they were last here: two
    queries, and nothing counted."""
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    replied = (
        Notification.objects.for_member(member)
        .replies_to_them()
        .filter(created_at__gte=start)
        .exists()
    )
    threads = (
        Thread.objects.visible_to(member)
        .followed_by(member)
        .filter(last_activity_at__gte=start)
        .order_by("-last_activity_at")[:NEWS_SHOWN]
    )
    return NewsSince(replied, [(thread, shown_title(thread, member)) for thread in threads])


def introductions_board():
    """Where a new member introduces themself: the introductions board if there is one,
    otherwise the first board."""
    boards = Board.objects.listed()
    return boards.filter(slug=INTRODUCTIONS).first() or boards.first()
