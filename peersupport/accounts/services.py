import datetime

from django.db import transaction
from django.utils import timezone

from forum.following import follow_board, unfollow_board
from forum.models import Board

from .breaks import break_duration
from .models import User

# How long "Ease back in" keeps quiet mode on.
EASING_DAYS = 7


@transaction.atomic
def update_preferences(
    user: User,
    *,
    region: str | None = None,
    email_on_reply: bool | None = None,
    quiet_mode: bool | None = None,
    low_stimulation: bool | None = None,
    muted_words: str | None = None,
    warning_preferences: dict | None = None,
    welcome_back_after: int | None = None,
) -> User:
    """Save the preferences given; one left out keeps its value. The bio is not among
    them: it is screened first (moderation.services.submit_bio)."""
    given = {
        "region": region,
        "email_on_reply": email_on_reply,
        "quiet_mode": quiet_mode,
        "low_stimulation": low_stimulation,
        "muted_words": muted_words,
        "warning_preferences": warning_preferences,
        "welcome_back_after": welcome_back_after,
    }
    changed = [name for name, value in given.items() if value is not None]
    if quiet_mode is False and user.quiet_mode_until is not None:
        # Turned off by the member: easing back in is over, nothing turns it off again.
        user.quiet_mode_until = None
        changed.append("quiet_mode_until")
    for name in changed:
        if name in given:
            setattr(user, name, given[name])
    user.save(update_fields=changed)
    return user


@transaction.atomic
def note_visit(member: User, today: datetime.date | None = None) -> User:
    """Record that the member is here today: one write, on their first visit of the day
    (the caller checks `last_seen_on` first). After a break longer than they chose, the
    "welcome back" page is due, about what happened since `away_since`; a week of easing
    back in that has run its course ends, and quiet mode is back as it was."""
    today = today or timezone.localdate()
    before = member.last_seen_on
    days = member.welcome_back_after
    long_break = before is not None and days and (today - before).days > days
    member.away_since = before if long_break else None
    member.last_seen_on = today
    fields = ["last_seen_on", "away_since"]
    if member.quiet_mode_until is not None and member.quiet_mode_until <= today:
        member.quiet_mode = False
        member.quiet_mode_until = None
        fields += ["quiet_mode", "quiet_mode_until"]
    member.save(update_fields=fields)
    return member


@transaction.atomic
def mark_welcomed(member: User) -> User:
    """The member has landed on the welcome: it is not shown to them unasked again."""
    member.welcome_due = False
    member.save(update_fields=["welcome_due"])
    return member


@transaction.atomic
def choose_boards(member: User, boards) -> None:
    """Follow exactly `boards` among the listed boards: those left unticked are unfollowed."""
    chosen = {board.pk for board in boards}
    for board in Board.objects.listed():
        if board.pk in chosen:
            follow_board(member=member, board=board)
        else:
            unfollow_board(member=member, board=board)


@transaction.atomic
def ease_back_in(member: User, today: datetime.date | None = None) -> User:
    """Quiet mode for a week, then back to how it was. Already in quiet mode, the member
    keeps it as they set it. Either way the "welcome back" page has been answered."""
    today = today or timezone.localdate()
    fields = ["away_since"]
    if not member.quiet_mode:
        member.quiet_mode = True
        member.quiet_mode_until = today + datetime.timedelta(days=EASING_DAYS)
        fields += ["quiet_mode", "quiet_mode_until"]
    member.away_since = None
    member.save(update_fields=fields)
    return member


@transaction.atomic
def set_aside_welcome_back(member: User) -> User:
    """ "Not now": the forum as usual, and no "welcome back" until the next long break."""
    member.away_since = None
    member.save(update_fields=["away_since"])
    return member


@transaction.atomic
def take_break(user: User, *, length: str, now=None) -> User:
    """Rest the forum for the member for `length` (a BreakLength) from now: they see a
    gentle page instead of it, and are sent no emails, until it ends or they end it."""
    user.break_until = (now or timezone.now()) + break_duration(length)
    user.save(update_fields=["break_until"])
    return user


@transaction.atomic
def end_break(user: User) -> User:
    """Come back early: the forum and its notifications are there again at once."""
    user.break_until = None
    user.save(update_fields=["break_until"])
    return user
