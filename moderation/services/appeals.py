"""A member asks for a decision about them to be looked at again. One transaction with
its audit row."""

from django.db import transaction

from forum.models import Post
from peersupport.refusals import Refused

from ..audit import record
from ..models import ActionKind, Appeal, CaseReason, ModerationAction
from .cases import open_case, open_profile_case


class AppealRefused(Refused):
    """Why an appeal was not taken."""


@transaction.atomic
def appeal_decision(*, member, decision, text):
    """Ask for a decision to be looked at again. It becomes a case about the post (or
    the profile) the decision was about, for a moderator other than the one who
    decided."""
    # Locking the decision makes two appeals sent at once queue up behind each other.
    decision = ModerationAction.objects.select_for_update().get(pk=decision.pk)
    if Appeal.objects.filter(decision=decision).exists():
        raise AppealRefused(
            "You have already asked us to look at this again. A moderator will let you know."
        )
    case = _reopen(decision, member)
    if decision.case_id is not None and case.post_id is not None:
        # A decision on a burst of posts is looked at again for every one of them.
        case.added_posts.add(*decision.case.added_posts.exclude(pk=case.post_id))
    appeal = Appeal.objects.create(decision=decision, member=member, text=text, case=case)
    record(
        actor=member,
        action=ActionKind.APPEAL,
        target=appeal,
        case=case,
        member=member,
        after={"decision": decision.get_action_display()},
    )
    return appeal


def _reopen(decision, member):
    # A hidden post is the decision's target; a sanction was decided on a case's post,
    # or on a case about the member's own profile.
    if decision.target_type == Post._meta.label:
        post = Post.objects.get(pk=decision.target_id)
    elif decision.case.post_id is None:
        return open_profile_case(member=member, reasons=[CaseReason.APPEAL], actor=member)
    else:
        post = decision.case.post
    return open_case(post=post, reasons=[CaseReason.APPEAL], actor=member)
