from django.utils.functional import SimpleLazyObject

from .availability import ModeratorAvailability
from .permissions import can_moderate


def moderation(request):
    """Whether to show the "Moderation" link, and when a moderator will next look (for
    everyone: the crisis box says it on every page). Both lazy. `can_moderate` shares the
    request's cached group lookup with every other role check, so it adds no query to a
    page that already asked about roles, and at most that one to any other; the hours
    come from the cache."""
    context = {"moderators": SimpleLazyObject(ModeratorAvailability.now_on_the_site_clock)}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["can_moderate"] = SimpleLazyObject(lambda: can_moderate(user))
    return context
