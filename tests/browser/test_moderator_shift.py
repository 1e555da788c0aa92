"""A moderator's shift: ten cases, one page each, most urgent first, then the queue."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from moderation.models import ActionKind, Case, CaseReason, CaseStatus, ModerationAction
from tests.browser.helpers import sign_in, verify_email
from tests.moderation.case_helpers import make_case, make_moderator

SHIFT_LENGTH = 10


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_moderator_works_ten_cases_with_next_case(browser, live_server, javascript):
    now = timezone.now()
    cases = [
        make_case(
            reasons=(CaseReason.PREMODERATION,),
            held=True,
            opened_at=now - datetime.timedelta(minutes=60 - number),
            title=f"First words {number}",
        )
        for number in range(SHIFT_LENGTH - 1)
    ]
    urgent = make_case(reasons=(CaseReason.CONCERN_LANGUAGE,), opened_at=now, title="Today")
    moderator = verify_email(make_moderator("SteadyHeron"))
    context, page = sign_in(browser, live_server, moderator, javascript)
    # Moderators land on the queue, its count in the header.
    expect(page.get_by_role("heading", name="Moderation queue")).to_be_visible()
    expect(page.get_by_role("navigation").first).to_contain_text(str(SHIFT_LENGTH))

    page.get_by_role("link", name="Start with the most urgent case").click()
    worked = []
    for number in range(SHIFT_LENGTH):
        case_id = int(page.url.rstrip("/").rsplit("/", 1)[1])
        expect(page.get_by_role("heading", level=1)).to_contain_text(f"Case {case_id}")
        worked.append(case_id)
        if number == SHIFT_LENGTH - 1:
            page.get_by_label("Hidden", exact=True).check()
            page.get_by_label("Reason").fill("it names a school, so it stays with us for now")
        else:
            page.get_by_label("Approved / kept").check()
        page.get_by_role("button", name="Save the decision").click()
        expect(page.locator("[role=status]").first).to_contain_text("Your decision is saved")

    # Most urgent first, then the longest waiting; every case once; the queue at the end.
    assert worked == [urgent.pk, *[case.pk for case in cases]]
    expect(page.get_by_role("heading", name="Moderation queue")).to_be_visible()
    expect(page.get_by_text("No open cases here")).to_be_visible()
    assert not Case.objects.filter(status=CaseStatus.OPEN).exists()
    decisions = ModerationAction.objects.filter(actor=moderator).exclude(action=ActionKind.CLAIM)
    assert sorted(decisions.values_list("case_id", flat=True)) == sorted(worked)
    context.close()
