"""Telling peer supporters, gently and once, about a first post still waiting for a reply.

Run every few minutes by Celery beat (forum.tasks) or the `tell_peer_supporters` command.
Each thread is told about once, at most: the thread keeps when (`peer_supporters_told_at`),
and it is locked while its notices are made, so two runs never tell anyone twice.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import Mute, Notification, NotificationKind, Thread
from .unread import forget_unread_counts

# A first post that has waited this long for a reply is worth a gentle word.
TELL_AFTER = datetime.timedelta(hours=1)
# Older ones are on the waiting list, but not worth a notice: on the day the feature (or
# the scheduler) starts, peer supporters are not sent one for every quiet old thread.
TELL_WITHIN = datetime.timedelta(days=2)

WAITING_MESSAGE = (
    "A first post has been waiting a little while for a reply. "
    "If you have the time and energy, a kind word could help. No pressure."
)


def due_threads(now):
    """Threads waiting for a first reply that peer supporters have not been told about,
    posted between TELL_WITHIN and TELL_AFTER ago. A thread a moderator holds or hid is
    not waiting (its opening post is not published), nor is a closed or locked one."""
    return Thread.objects.waiting_for_first_reply().filter(
        peer_supporters_told_at__isnull=True,
        created_at__lte=now - TELL_AFTER,
        created_at__gt=now - TELL_WITHIN,
    )


def tell_peer_supporters_about_waiting_threads(now=None):
    """Tell the peer supporters about each thread due; returns how many threads."""
    now = now or timezone.now()
    thread_ids = list(due_threads(now).values_list("pk", flat=True))
    return sum(_tell_about(thread_id, now) for thread_id in thread_ids)


def _recipients(thread):
    """Active peer supporters, except the thread's own writer, anyone who has muted the
    writer, and anyone in quiet mode or low stimulation or on a break: they asked for less,
    and the list is there for them whenever they want it."""
    supporters = (
        get_user_model()
        .objects.peer_supporters()
        .filter(is_active=True, quiet_mode=False, low_stimulation=False)
        .exclude(break_until__gt=timezone.now())
        .only("pk")
    )
    if thread.author_id is None:
        return supporters
    muted_writer = Mute.objects.active().filter(muter=OuterRef("pk"), muted=thread.author_id)
    return supporters.exclude(pk=thread.author_id).filter(~Exists(muted_writer))


@transaction.atomic
def _tell_about(thread_id, now):
    """Tell the peer supporters about one thread, if it is still due and no other run has
    it. In-app only: these notices are never emailed, and never in the daily digest."""
    thread = (
        due_threads(now)
        .select_for_update(skip_locked=True, of=("self",))
        .filter(pk=thread_id)
        .first()
    )
    if thread is None:
        return 0
    recipients = list(_recipients(thread))
    Notification.objects.bulk_create(
        Notification(
            recipient=member,
            kind=NotificationKind.WAITING,
            thread=thread,
            message=WAITING_MESSAGE,
        )
        for member in recipients
    )
    forget_unread_counts(member.pk for member in recipients)
    Thread.objects.filter(pk=thread.pk).update(peer_supporters_told_at=now)
    return 1
