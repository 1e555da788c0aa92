"""A member's last visit, kept cheaply: written on signing in and on the first page of
each day, never on every request (the member's row is read for every page anyway, so
checking the day costs nothing). From it, accounts.services.note_visit sees a long break."""

from django.utils import timezone

from .services import note_visit


def _first_visit_today(user):
    return user.is_authenticated and user.last_seen_on != timezone.localdate()


def note_sign_in(sender, request, user, **kwargs):
    """Connected to Django's user_logged_in: a sign-in is a visit."""
    if _first_visit_today(user):
        note_visit(user)


class NoteVisits:
    """Notes the first page a signed-in member opens each day (after a day of staying
    signed in, say)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _first_visit_today(request.user):
            note_visit(request.user)
        return self.get_response(request)
