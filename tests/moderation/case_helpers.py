"""Moderators, leads and cases for the queue, case and decision tests, and findings
as the screening writes them."""

from django.contrib.auth.models import Group

from forum.models import PostStatus
from forum.services import set_post_status
from moderation.models import CaseReason
from moderation.services import open_case
from peersupport.accounts.permissions import MODERATORS, SAFEGUARDING_LEADS
from tests.factories import UserFactory, make_thread


def in_group(name, **kwargs):
    """A member of the named role group (e.g. "Moderators")."""
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def make_moderator(username="CalmHeron", **kwargs):
    return in_group(MODERATORS, username=username, **kwargs)


def make_lead(username="SteadyOak", **kwargs):
    return in_group(SAFEGUARDING_LEADS, username=username, **kwargs)


def make_case(reasons=(CaseReason.FLAGGED,), held=False, opened_at=None, **thread_kwargs):
    """A thread whose opening post has an open case (held, if asked)."""
    thread = make_thread(**thread_kwargs)
    post = thread.opening_post
    if held:
        post = set_post_status(post=post, status=PostStatus.HELD)
    case = open_case(post=post, reasons=list(reasons))
    if opened_at is not None:
        case.opened_at = opened_at
        case.save(update_fields=["opened_at"])
    return case


# Findings as the screening writes them: what fired, on which words, and the modifiers
# that changed the level.
CRISIS = {
    "level": "crisis",
    "rule": "intent-now",
    "phrase": "Intent with a time",
    "excerpt": "and i will kill myself tonight i think",
    "words": ["kill", "myself", "tonight"],
    "concepts": ["self", "intent", "death", "time"],
    "modifiers": [],
    "reason": "",
}
NEGATED = {
    "level": "concern",
    "rule": "intent-now",
    "phrase": "Intent with a time",
    "excerpt": "i would never kill myself tonight",
    "words": ["never", "kill", "myself", "tonight"],
    "concepts": ["self", "intent", "death", "time"],
    "modifiers": ["negation"],
    "reason": "Said with never, so a concern rather than a crisis.",
}
PHRASE = {
    "level": "concern",
    "rule": "phrase",
    "phrase": "hopeless",
    "excerpt": "i feel hopeless",
    "words": ["hopeless"],
    "concepts": [],
    "modifiers": [],
}
# Written before the screening recorded its rules.
OLDER = {"level": "concern", "phrase": "scared", "excerpt": "so scared", "reason": ""}
PERSONAL_DATA = {
    "level": "personal-data",
    "rule": "personal-data",
    "phrase": "phone number",
    "excerpt": "07700 900123",
    "words": ["07700 900123"],
}


def make_screened_case(findings=(CRISIS,), reasons=(CaseReason.CRISIS_LANGUAGE,), **kwargs):
    """A case the screening opened (held, as a crisis post is), with these findings."""
    case = make_case(reasons, held=True, **kwargs)
    return open_case(post=case.post, reasons=list(reasons), findings=list(findings))
