"""A member's break (peersupport.accounts: `take_break`): the forum rests for them."""

from functools import wraps

from django.shortcuts import render

# Only pages are swapped for the break page; a form a member sends from a page they had
# open (a reply, say) is still taken, so nothing they wrote is thrown away.
SHOWN_METHODS = {"GET", "HEAD"}


def resting_during_break(view):
    """During a member's break, a page of the forum shows instead a gentle page saying
    when the break ends, with "Come back now" and "Keep my break". The crisis box and
    "Get help now" come with base.html, as on every page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if request.method in SHOWN_METHODS and user.is_authenticated and user.is_on_break():
            return render(request, "forum/on_break.html")
        return view(request, *args, **kwargs)

    return wrapped
