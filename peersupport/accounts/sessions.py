"""Each member's signed-in sessions, indexed by member (allauth.usersessions), so a ban
ends them all with one indexed lookup, whatever the session engine."""

from allauth.usersessions.models import UserSession
from django.core.exceptions import PermissionDenied

from .client_ip import client_ip

# The sessions index needs an address; a sign-in made without a request from a
# network (a management command, the test client) has none.
NO_ADDRESS = "::"


def record_session(sender, request, user, **kwargs):
    """Connected to Django's user_logged_in, so every sign-in is indexed: allauth's
    (which then adds the address it trusts) and the admin's or the test client's."""
    session = getattr(request, "session", None)
    if session is None:
        return
    if not session.session_key:
        session.save()
    UserSession.objects.get_or_create(
        session_key=session.session_key,
        defaults={
            "user": user,
            "ip": address_of(request),
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
        },
    )


def address_of(request):
    try:
        return client_ip(request)
    except PermissionDenied:
        return NO_ADDRESS


def end_sessions(member):
    """End every session the member has open. Returns how many were still live."""
    ended = 0
    for user_session in UserSession.objects.filter(user=member):
        ended += user_session.exists()
        user_session.end()
    return ended
