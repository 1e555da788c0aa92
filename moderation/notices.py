"""The kind words members receive about a decision, built from the admin-editable
MessageTemplates."""

from django.urls import reverse

from forum.notifications import notify_member

from .models import ActionKind, MessageTemplate
from .models.audit import APPEALABLE_ACTIONS

FLAG_OUTCOME = "flag-outcome"
PROFILE_FLAG_OUTCOME = "profile-flag-outcome"
# A decision about a bio has its own words where a post's would not fit.
BIO_NOTICES = {ActionKind.APPROVE: "bio-approve", ActionKind.HIDE: "bio-hide"}
# Hiding the post of someone who may be in danger is care, not a sanction: its own words,
# and no invitation to edit the post so it can be looked at again.
HIDE_IN_CRISIS = "hide-crisis"
# Used only if an admin has deleted an action's template, so nobody is left unanswered.
FALLBACK = "A moderator has looked at your post. The reason: {reason}."

HELP_IS_THERE = (
    "If things feel hard, the crisis support services listed on every page are there for "
    "you, any time."
)
ASK_AGAIN = "If you think this is wrong, you can ask the moderators to look at it again."
# What the member can do next, after each kind of decision.
NEXT_STEPS = {
    ActionKind.APPROVE: "",
    ActionKind.HIDE: "You can edit your post so it can be looked at again, or ask the "
    "moderators to look at this decision again.",
    ActionKind.EDIT: "You can edit your post again, or ask the moderators to look at this "
    "decision again.",
    ActionKind.ADD_WARNING: "You can edit your post, or ask the moderators to look at this "
    "decision again.",
    ActionKind.LOCK: ASK_AGAIN,
    ActionKind.MOVE: "",
    ActionKind.WARN: ASK_AGAIN,
    ActionKind.SUSPEND: ASK_AGAIN,
    ActionKind.BAN: "",
    HIDE_IN_CRISIS: "",
}


def compose(key, reason=""):
    """The notice for a template key, with the reason filled in."""
    template = MessageTemplate.objects.filter(key=key).first()
    body = _with_reason(template.body if template else FALLBACK, reason.strip() or "not given")
    if key in (FLAG_OUTCOME, PROFILE_FLAG_OUTCOME):
        return body
    return " ".join(part for part in (body, NEXT_STEPS.get(key, ""), HELP_IS_THERE) if part)


def _with_reason(body, reason):
    # str.replace, not str.format: an admin's wording may contain other braces. A reason
    # that ends its own sentence does not get a second full stop ("below..").
    if reason[-1] in ".!?":
        body = body.replace("{reason}.", reason)
    return body.replace("{reason}", reason)


def decision_key(action, about_bio=False, in_crisis=False):
    """The template for a decision's notice: a bio's own where a post's would not fit,
    and kinder words for hiding the post of a writer in crisis."""
    if about_bio:
        return BIO_NOTICES.get(action, action)
    return HIDE_IN_CRISIS if in_crisis and action == ActionKind.HIDE else action


def tell_author(*, member, action, reason, post, decision=None, about_bio=False, in_crisis=False):
    """The writer's notice; a decision they may appeal carries the way to do it."""
    link = link_label = ""
    if decision is not None and action in APPEALABLE_ACTIONS:
        link = reverse("appeal", args=[decision.pk])
        link_label = "Ask for this decision to be looked at again"
    notify_member(
        recipient=member,
        message=compose(decision_key(action, about_bio, in_crisis), reason),
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
