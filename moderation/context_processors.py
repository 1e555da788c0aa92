from django.utils.functional import SimpleLazyObject

from peersupport.caching import cached

from .availability import ModeratorAvailability
from .models import Case
from .permissions import can_moderate

OPEN_COUNT_CACHE_KEY = "moderation:open-case-count"
# Short: the header's count is a nudge, and a decision shows on the next minute's pages.
OPEN_COUNT_CACHE_SECONDS = 60


def open_case_count():
    return cached(OPEN_COUNT_CACHE_KEY, OPEN_COUNT_CACHE_SECONDS, Case.objects.open().count)


def moderation(request):
    """Whether to show the "Moderation" link, and when a moderator will next look (for
    everyone: the crisis box says it on every page). Both lazy. `can_moderate` shares the
    request's cached group lookup with every other role check, so it adds no query to a
    page that already asked about roles, and at most that one to any other; the hours
    come from the cache, and so does the open-case count beside the link."""
    context = {"moderators": SimpleLazyObject(ModeratorAvailability.now_on_the_site_clock)}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["can_moderate"] = SimpleLazyObject(lambda: can_moderate(user))
        # Read only where the template shows the link, so only by moderators.
        context["open_cases"] = SimpleLazyObject(open_case_count)
    return context
