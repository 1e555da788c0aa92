"""Muting another member: their posts fold away for the muter, and they are never told."""

import datetime

from django.db import transaction
from django.utils import timezone

from ..models import Mute, MuteDuration
from .errors import PostingRefused

MUTE_LENGTHS = {
    MuteDuration.DAY: datetime.timedelta(days=1),
    MuteDuration.WEEK: datetime.timedelta(weeks=1),
    MuteDuration.MONTH: datetime.timedelta(days=30),
    MuteDuration.ALWAYS: None,
}


@transaction.atomic
def mute_member(*, muter, muted, duration):
    """Fold a member's posts away for the muter, for a while or until they unmute.
    Muting again changes how long; the muted member is never told."""
    if muter.pk == muted.pk:
        raise PostingRefused("You cannot mute yourself.")
    length = MUTE_LENGTHS[MuteDuration(duration)]
    until = timezone.now() + length if length else None
    mute, _ = Mute.objects.update_or_create(muter=muter, muted=muted, defaults={"until": until})
    return mute


@transaction.atomic
def unmute_member(*, muter, muted):
    Mute.objects.filter(muter=muter, muted=muted).delete()
