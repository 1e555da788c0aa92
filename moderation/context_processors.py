from django.utils.functional import SimpleLazyObject

from .permissions import can_moderate


def moderation(request):
    """Whether to show the "Moderation" link. Lazy, and `can_moderate` shares the
    request's cached group lookup with every other role check, so it adds no query to a
    page that already asked about roles, and at most that one to any other."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"can_moderate": SimpleLazyObject(lambda: can_moderate(user))}
