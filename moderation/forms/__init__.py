"""The moderation app's forms, one module per concept. They only validate: what a form's
data changes is a service's to do (moderation.services)."""

from .appeals import AppealForm
from .cases import DecisionForm, ReassignForm
from .check_ins import CheckInAnswerForm, CheckInForm
from .circles import CircleModeratorForm
from .flags import FlagForm, ProfileFlagForm
from .log import AuditLogFilterForm
from .notes import StaffNoteForm
from .queue import PlainApprovalForm, QueueFilterForm
from .shifts import ShiftAdminForm, ShiftNoteForm

__all__ = [
    "AppealForm",
    "AuditLogFilterForm",
    "CheckInAnswerForm",
    "CheckInForm",
    "CircleModeratorForm",
    "DecisionForm",
    "FlagForm",
    "PlainApprovalForm",
    "ProfileFlagForm",
    "QueueFilterForm",
    "ReassignForm",
    "ShiftAdminForm",
    "ShiftNoteForm",
    "StaffNoteForm",
]
