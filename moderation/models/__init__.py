"""The moderation app's models, one module per concept."""

from .audit import ActionKind, ModerationAction
from .cases import Case, CaseReason, CaseStatus, Flag, FlagReason, Priority
from .members import Appeal, Sanction, SanctionKind, StaffNote
from .screening import RiskLevel, WatchedPhrase
from .site import MessageTemplate, ModerationSettings

__all__ = [
    "ActionKind",
    "Appeal",
    "Case",
    "CaseReason",
    "CaseStatus",
    "Flag",
    "FlagReason",
    "MessageTemplate",
    "ModerationAction",
    "ModerationSettings",
    "Priority",
    "RiskLevel",
    "Sanction",
    "SanctionKind",
    "StaffNote",
    "WatchedPhrase",
]
