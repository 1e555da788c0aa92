"""The audit log's changes in plain words: "escalated to safeguarding leads", "reasons:
crisis language, waiting for first approval", "status: from waiting for a moderator to
published", never `is_escalated: False → True`."""

from forum.models import PostStatus

from .models import CaseReason, ScreeningVerdict

# Yes/no changes said as what happened.
SWITCHES = {
    "is_escalated": ("escalated to safeguarding leads", "no longer escalated"),
    "is_locked": ("thread locked", "thread unlocked"),
    "is_active": ("account reopened", "account closed"),
    "is_open": ("circle opened", "circle closed"),
}
NAMES = {
    "posting_suspended_until": "posting suspended until",
    "pending_bio": "bio waiting for a moderator",
    "claimed_by": "worked on by",
    "screening_verdict": "was the screening right",
}
CHOICES = {
    "status": PostStatus,
    "reasons": CaseReason,
    "screening_verdict": ScreeningVerdict,
}


def _value(field, value):
    labels = CHOICES.get(field)
    if value in (None, "", [], {}):
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_value(field, each) for each in value)
    if labels is not None and value in labels.values:
        return labels(value).label.lower()
    return str(value)


def describe(field, before, after):
    """One change as a short phrase."""
    if field in SWITCHES:
        on, off = SWITCHES[field]
        return on if after else off
    name = NAMES.get(field, field.replace("_", " "))
    if field == "reasons":
        return f"{name}: {_value(field, after)}"
    return f"{name}: from {_value(field, before)} to {_value(field, after)}"
