"""The kind words members receive about a decision, built from the admin-editable
MessageTemplates."""

from django.urls import reverse

from forum.notifications import notify_member

from .models import MessageTemplate
from .models.audit import APPEALABLE_ACTIONS

FLAG_OUTCOME = "flag-outcome"
PROFILE_FLAG_OUTCOME = "profile-flag-outcome"
# Used only if an admin has deleted an action's template, so nobody is left unanswered.
FALLBACK = "A moderator has looked at your post. The reason: {reason}."

HELP_IS_THERE = (
    "If things feel hard, the crisis support services listed on every page are there for "
    "you, any time."
)


def compose(key, reason="", next_steps=""):
    """The notice for a template key, with the reason filled in and, for a decision,
    what the member can do next (its DecisionKind's next_steps)."""
    template = MessageTemplate.objects.filter(key=key).first()
    body = _with_reason(template.body if template else FALLBACK, reason.strip() or "not given")
    if key in (FLAG_OUTCOME, PROFILE_FLAG_OUTCOME):
        return body
    return " ".join(part for part in (body, next_steps, HELP_IS_THERE) if part)


def _with_reason(body, reason):
    # str.replace, not str.format: an admin's wording may contain other braces. A reason
    # that ends its own sentence does not get a second full stop ("below..").
    if reason[-1] in ".!?":
        body = body.replace("{reason}.", reason)
    return body.replace("{reason}", reason)


def decision_notice(kind, reason, *, about_bio=False, in_crisis=False):
    """The notice about a decision (a DecisionKind): its own template and next steps,
    or its words for a bio or for a writer in crisis where it has them."""
    if about_bio and kind.notice_about_bio:
        return compose(kind.notice_about_bio, reason)
    if in_crisis and kind.notice_in_crisis:
        return compose(kind.notice_in_crisis, reason)
    return compose(kind.action, reason, kind.next_steps)


def tell_author(*, member, kind, reason, post, decision=None, about_bio=False, in_crisis=False):
    """The writer's notice; a decision they may appeal carries the way to do it."""
    link = link_label = ""
    if decision is not None and kind.action in APPEALABLE_ACTIONS:
        link = reverse("moderation:appeal", args=[decision.pk])
        link_label = "Ask for this decision to be looked at again"
    notify_member(
        recipient=member,
        message=decision_notice(kind, reason, about_bio=about_bio, in_crisis=in_crisis),
        post=post,
        link=link,
        link_label=link_label,
    )


def tell_flaggers(flaggers, about_profile=False):
    """Flaggers learn that someone looked, never what was decided or about which post
    or profile."""
    message = compose(PROFILE_FLAG_OUTCOME if about_profile else FLAG_OUTCOME)
    for flagger in flaggers:
        notify_member(recipient=flagger, message=message)
