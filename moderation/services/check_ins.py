"""Private check-ins: the moderators write to the person a crisis or concern case is
about, and they can answer. Each message is one transaction with its audit row; the
writer's answers are screened like everything else they write."""

from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse

from forum.notifications import notify_member
from peersupport.refusals import Refused

from ..audit import record
from ..models import ActionKind, CaseReason, CheckIn, RiskLevel
from ..permissions import can_check_in
from ..screening.screen import screen_text
from .cases import open_case, open_crisis_case

# The writer's notification holds no words of the conversation: notifications may be
# emailed, and a check-in is for the writer's eyes only.
NOTICE = (
    "The moderators have sent you a private message. Only you and the moderators can "
    "read it, and you can answer if you would like to."
)
NOTICE_LINK_LABEL = "Read the message from the moderators"


class CheckInRefused(Refused):
    """Why a check-in or an answer to one was not sent."""


@dataclass(frozen=True)
class Answer:
    check_in: object
    # Crisis words: the writer is shown help at once, and the case is at crisis.
    crisis: bool


@transaction.atomic
def send_check_in(*, case, moderator, body):
    """A message from "the moderators" to the writer, with a notification that leads
    them to the private page."""
    if not can_check_in(case, moderator):
        raise CheckInRefused(
            "Sorry, a check-in is for crisis and concern cases, sent by a moderator who "
            "may decide the case, to a writer who still has an account."
        )
    writer = case.concerns
    check_in = CheckIn.objects.create(case=case, sender=moderator, from_moderators=True, body=body)
    record(
        actor=moderator,
        action=ActionKind.CHECK_IN,
        target=check_in,
        case=case,
        member=writer,
        after={"check_in": check_in.pk},
    )
    notify_member(
        recipient=writer,
        message=NOTICE,
        link=reverse("moderation:check_in", args=[case.pk]),
        link_label=NOTICE_LINK_LABEL,
    )
    return check_in


@transaction.atomic
def answer_check_in(*, case, writer, body):
    """The writer's answer. Crisis words raise the case (or a new one about the post)
    to crisis and the writer is shown help; blocked words are refused, as anywhere.
    Personal information is kept: only the moderators read it, and someone in danger
    may need to say where they are."""
    screening = screen_text(body)
    if not screening.is_crisis and screening.level == RiskLevel.BLOCKED:
        raise CheckInRefused(
            screening.blocked_reason
            or "Sorry, your message includes words we do not allow here. Please change "
            "them and send it again."
        )
    check_in = CheckIn.objects.create(case=case, sender=writer, from_moderators=False, body=body)
    record(
        actor=writer,
        action=ActionKind.CHECK_IN_REPLY,
        target=check_in,
        case=case,
        member=writer,
        after={"check_in": check_in.pk, "screening": screening.level},
    )
    # The answer puts the case (or a new one about the post, once it is decided) back
    # in front of the moderators, saying why; crisis words put it at the top.
    reasons = [CaseReason.CHECK_IN_REPLY]
    if screening.is_crisis:
        reasons.insert(0, CaseReason.CRISIS_LANGUAGE)
    elif screening.level == RiskLevel.CONCERN:
        reasons.insert(0, CaseReason.CONCERN_LANGUAGE)
    opening = open_crisis_case if screening.is_crisis else open_case
    opening(post=case.post, reasons=reasons, findings=screening.as_findings())
    return Answer(check_in=check_in, crisis=screening.is_crisis)
