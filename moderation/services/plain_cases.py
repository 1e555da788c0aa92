"""Approving several plain first posts from the queue at once (see
CaseQuerySet.plain_first_posts), each as its own decision with its own audit row."""

from django.db import transaction

from ..models import ActionKind, Case
from .claims import DecisionRefused, refuse_unless_theirs
from .decisions import take_decision


def approve_plain_cases(*, moderator, case_ids):
    """Approve the plain first posts among `case_ids`. A case no longer plain, decided
    meanwhile, or not the moderator's to decide is left alone. Returns (approved, left)
    as lists of case ids."""
    approved, left = [], []
    plain = Case.objects.plain_first_posts().select_related("post__author", "member")
    for pk in sorted(set(case_ids)):
        case = plain.filter(pk=pk).first()
        try:
            if case is None:
                raise DecisionRefused("No longer a plain first post.")
            # Outside the transaction below, so a refusal's audit row is kept.
            refuse_unless_theirs(case, moderator, ActionKind.APPROVE)
            # Checked again under the lock: a flag or an edit arriving now either waits
            # and finds the case decided, or comes first and keeps it open.
            with transaction.atomic():
                if not plain.select_for_update(of=("self",)).filter(pk=pk).exists():
                    raise DecisionRefused("No longer a plain first post.")
                take_decision(case, moderator, ActionKind.APPROVE, "", "", {case.post_id}, {})
        except DecisionRefused:
            left.append(pk)
        else:
            approved.append(pk)
    return approved, left
