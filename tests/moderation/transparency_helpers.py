"""Cases, looks, decisions and appeals placed at chosen moments of a past month, as the
services leave them, for the transparency page's tests; and reading its figures."""

import datetime
import re
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone

from moderation.models import Case, ModerationAction
from moderation.services import appeal_decision, claim_case, decide_case
from tests.moderation.case_helpers import make_case

MINUTE = datetime.timedelta(minutes=1)
ROW = re.compile(r'<th scope="row"[^>]*>(.*?)</th><td>(.*?)</td>', re.DOTALL)


def last_month():
    """The first day of last month, which is whole and always on the page."""
    return (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def moment(month, day, hour=9):
    when = datetime.datetime.combine(month.replace(day=day), datetime.time(hour))
    return timezone.make_aware(when)


@contextmanager
def at(when):
    """Services run as if it were `when`: the audit rows they write carry that time."""
    with mock.patch("django.utils.timezone.now", return_value=when):
        yield


def case_at(when, reasons, **thread_kwargs):
    with at(when):
        return make_case(reasons=reasons, opened_at=when, **thread_kwargs)


def claim_at(when, case, moderator):
    with at(when):
        return claim_case(case=case, moderator=moderator)


def decide_at(when, case, moderator, action="approve"):
    with at(when):
        return decide_case(case=case, moderator=moderator, action=action, reason="Kindly decided")


def appeal_at(when, case):
    """The case's writer appeals its decision; returns the appeal's case."""
    decision = ModerationAction.objects.get(case=case, action=case.decision)
    with at(when):
        appeal = appeal_decision(member=case.post.author, decision=decision, text="Please look")
    # A case's opening time is the model's default, which a patched clock cannot reach.
    Case.objects.filter(pk=appeal.case_id).update(opened_at=when)
    return Case.objects.get(pk=appeal.case_id)


def figures_of(page, month):
    """{figure's name: what is shown} for one month's section of the page."""
    section = page.split(f'id="month-{month:%Y-%m}"', 1)[1].split("</section>", 1)[0]
    return {" ".join(name.split()): value for name, value in ROW.findall(section)}
