"""Members flagging posts for a moderator.

A flag opens (or adds to) the post's case, and enough flags from different people hide
the post until a moderator has looked. The writer is never told who flagged, and a flag
never sends them anything: any message to them comes from a human.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from forum import services as forum_services
from forum.models import Post, PostStatus
from forum.services import PostingRefused
from peersupport.signposting.resources import emergency_words

from .audit import record
from .models import ActionKind, CaseReason, Flag, FlagReason, Priority
from .services import open_case

# Enough for someone looking out for others; a stop for anyone flagging to harass.
DAILY_FLAG_LIMIT = 20
FLAG_LIMIT_WINDOW = datetime.timedelta(hours=24)
# The daily cap alone would let all twenty land in one minute and fill the queue; a
# member flagging a run of unkind replies still gets five in a row.
BURST_FLAG_LIMIT = 5
BURST_FLAG_WINDOW = datetime.timedelta(minutes=10)

# Each reason's urgency in the queue (DESIGN.md, "The queue"). open_case only raises a
# case's priority, so a safety flag on a crisis case leaves it at crisis.
REASON_PRIORITY = {
    FlagReason.SAFETY: Priority.HIGH,
    FlagReason.RISK_TO_OTHERS: Priority.HIGH,
    FlagReason.BULLYING: Priority.MEDIUM,
    FlagReason.PERSONAL_INFO: Priority.MEDIUM,
    FlagReason.NEEDS_WARNING: Priority.LOW,
    FlagReason.SPAM: Priority.LOW,
    FlagReason.OTHER: Priority.LOW,
}


class FlagRefused(PostingRefused):
    """A kind, plain explanation of why a flag was not taken."""


@transaction.atomic
def flag_post(*, flagger, post, reason, note, ip_address=None):
    """Record a member's flag on a post, open or update its case, and hide the post
    pending review once enough different people have flagged it. Returns the flag."""
    # Locked, so two flags arriving together each see the other when counting.
    post = Post.objects.select_for_update(of=("self",)).select_related("author").get(pk=post.pk)
    _check_can_flag(flagger, post)
    case = open_case(
        post=post, reasons=[CaseReason.FLAGGED], priority=REASON_PRIORITY[reason], actor=flagger
    )
    flag = Flag.objects.create(
        post=post, flagger=flagger, reason=reason, note=note, case=case, ip_address=ip_address
    )
    record(
        actor=flagger,
        action=ActionKind.FLAG,
        target=post,
        case=case,
        member=post.author,
        reason=FlagReason(reason).label,
        after={"flag": flag.pk, "reason": reason},
    )
    people = _people_flagging(post)
    if post.status == PostStatus.PUBLISHED and people >= settings.FLAG_HIDE_THRESHOLD:
        forum_services.set_post_status(post=post, status=PostStatus.HIDDEN)
        record(
            actor=None,
            action=ActionKind.AUTO_HIDE,
            target=post,
            case=case,
            member=post.author,
            reason=f"Flagged by {people} different members; hidden until a moderator decides.",
            before={"status": PostStatus.PUBLISHED},
            after={"status": PostStatus.HIDDEN},
        )
    return flag


def _check_can_flag(flagger, post):
    if post.author_id == flagger.pk:
        raise FlagRefused(
            "This is your own post, so it cannot be flagged. You can edit or delete it "
            "whenever you like."
        )
    if post.status == PostStatus.DELETED:
        raise FlagRefused("This post has been deleted, so there is nothing left to flag.")
    if Flag.objects.open().filter(post=post, flagger=flagger).exists():
        raise FlagRefused(
            "You have already flagged this post, thank you. A moderator will look at it."
        )
    if settings.RATE_LIMITS_ENABLED:
        _check_flag_limits(flagger)


def _check_flag_limits(flagger):
    now = timezone.now()
    recent = Flag.objects.filter(flagger=flagger, created_at__gte=now - FLAG_LIMIT_WINDOW)
    counts = recent.aggregate(
        today=Count("pk"), burst=Count("pk", filter=Q(created_at__gte=now - BURST_FLAG_WINDOW))
    )
    if counts["today"] >= DAILY_FLAG_LIMIT:
        raise FlagRefused(
            "Thank you for looking out for others. You have flagged a lot of posts "
            "today, so please try again tomorrow. If someone is in danger right now, "
            f"{emergency_words(flagger.region)}."
        )
    if counts["burst"] >= BURST_FLAG_LIMIT:
        raise FlagRefused(
            "Thank you for looking out for others. You have flagged several posts in a "
            "few minutes, so please take a breather and try again shortly: moderators "
            "will look at the ones you have flagged. If someone is in danger right now, "
            f"{emergency_words(flagger.region)}."
        )


def _people_flagging(post):
    """How many different people have open flags on the post. Accounts created on the
    same day whose flags came from the same address are most likely one person with
    several accounts, so they count once."""
    people = set()
    for flag in Flag.objects.open().filter(post=post).select_related("flagger"):
        if flag.flagger is None or not flag.ip_address:
            people.add(("flag", flag.pk))
        else:
            joined = timezone.localdate(flag.flagger.date_joined)
            people.add(("joined-from", joined, flag.ip_address))
    return len(people)
