"""Members flagging posts, and other members' profiles, for a moderator.

A flag opens (or adds to) the post's or the profile's case, and enough flags from
different people hide a post until a moderator has looked: counted by weight, so that
one person with several accounts cannot hide what they dislike. The writer is never told
who flagged, and a flag never sends them anything: any message to them comes from a
human.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from forum import services as forum_services
from forum.models import Post, PostStatus
from peersupport.accounts.models import User
from peersupport.refusals import Refused
from peersupport.signposting.resources import emergency_words

from ..audit import record
from ..flag_sources import address_hash, device_hash
from ..models import ActionKind, CaseReason, Flag, FlagReason, Priority
from .cases import open_case, open_profile_case

# Enough for someone looking out for others; a stop for anyone flagging to harass.
DAILY_FLAG_LIMIT = 20
FLAG_LIMIT_WINDOW = datetime.timedelta(hours=24)
# The daily cap alone would let all twenty land in one minute and fill the queue; a
# member flagging a run of unkind replies still gets five in a row.
BURST_FLAG_LIMIT = 5
BURST_FLAG_WINDOW = datetime.timedelta(minutes=10)

# Accounts younger than this, or with no post showing, are too cheap to make to count as
# a person each toward hiding a post: together they count as one at most.
SETTLED_AFTER = datetime.timedelta(days=3)

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


def enough_to_hide(people):
    """Whether this many different people flagging a post hide it until a moderator
    decides."""
    return people >= settings.FLAG_HIDE_THRESHOLD


class FlagRefused(Refused):
    """A kind, plain explanation of why a flag was not taken."""


@transaction.atomic
def flag_post(*, flagger, post, reason, note, ip_address=None, device=None):
    """Record a member's flag on a post, open or update its case, and hide the post
    pending review once enough different people have flagged it. `ip_address` and
    `device` (flag_sources.device_token) are where it came from, stored only hashed.
    Returns the flag."""
    # Locked, so two flags arriving together each see the other when counting.
    post = Post.objects.select_for_update(of=("self",)).select_related("author").get(pk=post.pk)
    _check_can_flag(flagger, post)
    case = open_case(
        post=post, reasons=[CaseReason.FLAGGED], priority=REASON_PRIORITY[reason], actor=flagger
    )
    flag = _store_flag(
        {"post": post}, post, post.author, case, flagger, reason, note, ip_address, device
    )
    people = _people_flagging(post)
    if post.status == PostStatus.PUBLISHED and enough_to_hide(people):
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


@transaction.atomic
def flag_profile(*, flagger, member, reason, note, ip_address=None, device=None):
    """Record a member's flag on another member's profile and open or update its case.
    Flags never take a bio down by themselves: how many people flag a profile says
    more about who it annoys than about what it shows, so a moderator decides."""
    # Locked, so two flags from one member arriving together cannot both be taken.
    member = User.objects.select_for_update().get(pk=member.pk)
    _check_can_flag_profile(flagger, member)
    case = open_profile_case(
        member=member, reasons=[CaseReason.FLAGGED], priority=REASON_PRIORITY[reason], actor=flagger
    )
    return _store_flag(
        {"member": member}, member, member, case, flagger, reason, note, ip_address, device
    )


def _store_flag(subject, target, member, case, flagger, reason, note, ip_address, device):
    """The flag on `subject` (its post, or the member whose profile it is) and its audit
    row, about `target` and concerning `member`."""
    flag = Flag.objects.create(
        **subject,
        flagger=flagger,
        reason=reason,
        note=note,
        case=case,
        address_hash=address_hash(ip_address),
        device_hash=device_hash(device),
    )
    record(
        actor=flagger,
        action=ActionKind.FLAG,
        target=target,
        case=case,
        member=member,
        reason=FlagReason(reason).label,
        after={"flag": flag.pk, "reason": reason},
    )
    return flag


def _check_can_flag_profile(flagger, member):
    if member.pk == flagger.pk:
        raise FlagRefused(
            "This is your own profile, so it cannot be flagged. You can change or remove "
            "your bio in your settings whenever you like."
        )
    if Flag.objects.open().filter(member=member, flagger=flagger).exists():
        raise FlagRefused(
            "You have already flagged this profile, thank you. A moderator will look at it."
        )
    if settings.RATE_LIMITS_ENABLED:
        _check_flag_limits(flagger)


def _check_can_flag(flagger, post):
    if post.author_id == flagger.pk:
        raise FlagRefused(
            "This is your own post, so it cannot be flagged. You can edit or delete it "
            "whenever you like."
        )
    if post.is_deleted:
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
            "Thank you for looking out for others. You have flagged a lot today, so "
            "please try again tomorrow. If someone is in danger right now, "
            f"{emergency_words(flagger.region)}."
        )
    if counts["burst"] >= BURST_FLAG_LIMIT:
        raise FlagRefused(
            "Thank you for looking out for others. You have flagged several times in a "
            "few minutes, so please take a breather and try again shortly: moderators "
            "will look at what you have flagged. If someone is in danger right now, "
            f"{emergency_words(flagger.region)}."
        )


def _people_flagging(post):
    """How many people the open flags on the post count as, toward hiding it.

    Flags sent from one address or one browser are one person's, however many accounts
    sent them. Accounts younger than SETTLED_AFTER or with no post showing are cheap to
    make, so all of them together count as one person at most. Every flag, whatever it
    counts for here, is on the case for the moderators."""
    published = Post.objects.filter(author=OuterRef("flagger"), status=PostStatus.PUBLISHED)
    flags = list(
        Flag.objects.open()
        .filter(post=post)
        .select_related("flagger")
        .annotate(flagger_has_posted=Exists(published))
        .order_by("pk")
    )
    people = _same_person(flags)
    settled_since = timezone.now() - SETTLED_AFTER
    settled = {
        person
        for person, flag in zip(people, flags, strict=True)
        if flag.flagger is not None
        and flag.flagger_has_posted
        and flag.flagger.date_joined <= settled_since
    }
    unsettled = set(people) - settled
    return len(settled) + (1 if unsettled else 0)


def _same_person(flags):
    """For each flag, which person it is from: flags sharing an address or a device,
    directly or through another flag, are one person's."""
    person = list(range(len(flags)))

    def find(n):
        while person[n] != n:
            person[n] = person[person[n]]
            n = person[n]
        return n

    first_with = {}
    for n, flag in enumerate(flags):
        for source in (("address", flag.address_hash), ("device", flag.device_hash)):
            if not source[1]:
                continue
            if source in first_with:
                person[find(n)] = find(first_with[source])
            else:
                first_with[source] = n
    return [find(n) for n in range(len(flags))]
