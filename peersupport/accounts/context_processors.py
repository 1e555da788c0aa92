from django.utils.functional import SimpleLazyObject

from .permissions import is_admin, is_peer_supporter, must_set_up_two_step

# Where two-step sign-in is set up, and signing in itself: no prompt over that.
NOT_PROMPTED_UNDER = "/accounts/"


def roles(request):
    """Whether the signed-in account is an admin with their powers in force (for links to
    the admin), a peer supporter (for the link to the threads waiting for a first reply),
    and whether to prompt it to set up two-step sign-in first. Lazy, and all read what the
    auth backend loaded with the member, so they add no query."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "can_administer": SimpleLazyObject(lambda: is_admin(user)),
        "is_peer_supporter": SimpleLazyObject(lambda: is_peer_supporter(user)),
        "two_step_needed": SimpleLazyObject(
            lambda: not request.path.startswith(NOT_PROMPTED_UNDER) and must_set_up_two_step(user)
        ),
    }
