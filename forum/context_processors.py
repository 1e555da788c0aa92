from django.utils.functional import SimpleLazyObject

from .permissions import can_read
from .unread import unread_count


def notifications(request):
    """The unread count for the header badge, counted only if a page shows it. During a
    break nothing is counted: what comes in waits, uncounted, until the break ends."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.is_on_break():
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}


def reading(request):
    """Whether the header offers search, which visitors may use only with public reading."""
    user = getattr(request, "user", None)
    return {"can_read_forum": user is not None and can_read(user)}
