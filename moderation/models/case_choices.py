"""The words a case is described in: its priority, reasons, status and the moderator's
verdict on the screening."""

from django.db import models


class Priority(models.IntegerChoices):
    """Lower is more urgent, so the queue is ordered by priority then waiting time."""

    CRISIS = 0, "crisis"
    HIGH = 1, "high"
    MEDIUM = 2, "medium"
    LOW = 3, "low"


class CaseReason(models.TextChoices):
    CRISIS_LANGUAGE = "crisis-language", "Crisis language"
    CONCERN_LANGUAGE = "concern-language", "Concern language"
    BULLYING_RECEIVED = "bullying-received", "Quotes bullying aimed at the writer"
    PERSONAL_DATA = "personal-data", "Personal information"
    PREMODERATION = "premoderation", "Waiting for first approval"
    FLAGGED = "flagged", "Flagged by members"
    EDITED = "edited", "Edited after review"
    APPEAL = "appeal", "Appeal"
    CHECK_IN_REPLY = "check-in-reply", "The writer answered a check-in"


class CaseStatus(models.TextChoices):
    OPEN = "open", "Open"
    DECIDED = "decided", "Decided"


class ScreeningVerdict(models.TextChoices):
    """A moderator's answer to "Was the screening right?", asked when they decide a case
    the screening opened or added to. What the screening learns from."""

    CRISIS = "crisis", "Crisis: confirmed"
    CONCERN = "concern", "A concern, not a crisis"
    NOT_CONCERNING = "not-concerning", "Not concerning"


# The finding levels that mean the screening itself raised the case (or added to it):
# only these ask the moderator whether the screening was right. Blocked posts are never
# saved, and personal data is a fact about the words, not a judgement of risk.
SCREENING_LEVELS = ("crisis", "concern", "bullying")
