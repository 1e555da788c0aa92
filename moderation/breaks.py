"""A gentle prompt to take a break, after a moderator has decided several distressing
cases in a row (MODERATION_BREAK_AFTER). The run is read from the audit log: it ends at
a decision on a case that was not distressing, or at a gap of TIME_AWAY between two
decisions. The prompt shows once, on the page after the decision, and again only after
as many hard cases more, so it never nags."""

import datetime

from django.conf import settings

from .models import ModerationAction
from .permissions import is_crisis_or_concern

TIME_AWAY = datetime.timedelta(minutes=30)
# Enough decisions to see any run a shift holds; the prompt repeats every N of them.
RUN_READ = 200
SESSION_KEY = "moderation:break-prompt"


def hard_cases_in_a_row(moderator):
    """How many distressing cases the moderator has just decided, one after another,
    without a non-distressing case or TIME_AWAY between them."""
    run = 0
    later = None
    for decision in ModerationAction.objects.decisions_by(moderator)[:RUN_READ]:
        if not is_crisis_or_concern(decision.case):
            break
        if later is not None and later - decision.created_at >= TIME_AWAY:
            break
        run += 1
        later = decision.created_at
    return run


def break_is_due(moderator):
    every = settings.MODERATION_BREAK_AFTER
    if every <= 0:
        return False
    run = hard_cases_in_a_row(moderator)
    return run > 0 and run % every == 0


def suggest_a_break_if_due(request):
    """After a decision: remember to show the prompt on the next page."""
    if break_is_due(request.user):
        request.session[SESSION_KEY] = True


def take_break_prompt(request):
    """Whether this page shows the prompt; it shows once."""
    return request.session.pop(SESSION_KEY, False)
