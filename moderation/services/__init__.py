"""Every state change the moderation app makes, one verb per function and one
transaction each (with its audit row), grouped by what they change. Callers import the
verbs from here: `from moderation.services import decide_case, flag_post, open_case`.

The pipeline (moderation.pipeline) is the other way in: it turns words into posts, and
opens their cases through `open_case`."""

from .appeals import AppealRefused, appeal_decision
from .cases import delete_post, open_case, open_crisis_case, open_profile_case
from .check_ins import CheckInRefused, answer_check_in, send_check_in
from .circles import (
    CircleDecisionRefused,
    assign_circle_moderator,
    close_circle,
    decline_request,
    open_circle,
    place_member,
)
from .claims import CLAIM_LENGTH, DecisionRefused, claim_case, reassign_case
from .decisions import decide_case
from .erasure import forget_member
from .flags import FlagRefused, flag_post, flag_profile
from .notes import add_staff_note
from .plain_cases import approve_plain_cases
from .profiles import submit_bio
from .sanctions import ban_member, suspend_member, warn_member
from .shift_notes import leave_shift_note

__all__ = [
    "CLAIM_LENGTH",
    "AppealRefused",
    "CheckInRefused",
    "CircleDecisionRefused",
    "DecisionRefused",
    "FlagRefused",
    "add_staff_note",
    "answer_check_in",
    "appeal_decision",
    "approve_plain_cases",
    "assign_circle_moderator",
    "ban_member",
    "claim_case",
    "close_circle",
    "decide_case",
    "decline_request",
    "delete_post",
    "flag_post",
    "flag_profile",
    "forget_member",
    "leave_shift_note",
    "open_case",
    "open_circle",
    "open_crisis_case",
    "open_profile_case",
    "place_member",
    "reassign_case",
    "send_check_in",
    "submit_bio",
    "suspend_member",
    "warn_member",
]
