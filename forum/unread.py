"""The header's count of unread notifications, kept in the cache per member.

Counting them with the visibility rules costs a query on every page a member opens,
while the count changes only when a notification is made or read, and those services
drop it (`forget_unread_counts`). A notification whose post is hidden later may stay in
the count for up to UNREAD_COUNT_TIMEOUT; the notifications page itself is never cached.
"""

from peersupport.caching import cached, forget

from .models import Notification

UNREAD_COUNT_TIMEOUT = 60


def _key(member_id):
    return f"forum:unread:{member_id}"


def unread_count(member):
    return cached(
        _key(member.pk),
        UNREAD_COUNT_TIMEOUT,
        lambda: Notification.objects.for_member(member).unread().count(),
    )


def forget_unread_counts(member_ids):
    forget(*(_key(member_id) for member_id in member_ids))
