"""The moderation app's models, one module per concept."""

from .audit import ActionKind, ModerationAction
from .case_choices import SCREENING_LEVELS, CaseReason, CaseStatus, Priority, ScreeningVerdict
from .cases import Case
from .check_ins import CheckIn
from .flags import Flag, FlagReason
from .members import Appeal, Sanction, SanctionKind, StaffNote
from .screening import RiskLevel, WatchedPhrase
from .shifts import Shift, ShiftNote
from .site import MessageTemplate, ModerationSettings

__all__ = [
    "SCREENING_LEVELS",
    "ActionKind",
    "Appeal",
    "Case",
    "CaseReason",
    "CaseStatus",
    "CheckIn",
    "Flag",
    "FlagReason",
    "MessageTemplate",
    "ModerationAction",
    "ModerationSettings",
    "Priority",
    "RiskLevel",
    "Sanction",
    "SanctionKind",
    "ScreeningVerdict",
    "Shift",
    "ShiftNote",
    "StaffNote",
    "WatchedPhrase",
]
