"""A shift that flows: after a decision the moderator goes on to the next case they may
decide, the decision form shows only what the chosen decision needs, and problems are
summed up at the top of the form."""

import datetime

import pytest
from django.utils import timezone

from moderation.models import Sanction
from moderation.services import claim_case
from tests.factories import UserFactory, make_thread

from .case_helpers import make_case, make_moderator

pytestmark = pytest.mark.django_db


def url(case):
    return f"/moderation/cases/{case.pk}/"


def test_after_a_decision_the_next_open_case_follows(moderator_client):
    first = make_case(held=True, opened_at=timezone.now() - datetime.timedelta(hours=3))
    second = make_case(held=True, opened_at=timezone.now() - datetime.timedelta(hours=2))
    response = moderator_client.post(url(first), {"action": "approve", "reason": ""})
    assert response.status_code == 302 and response["Location"] == url(second)
    page = moderator_client.get(response["Location"]).content.decode()
    assert "Your decision is saved" in page
    assert 'href="/moderation/"' in page and "Back to the queue" in page


def test_the_next_case_skips_cases_others_hold_and_cases_about_oneself(moderator_client, moderator):
    hour = datetime.timedelta(hours=1)
    now = timezone.now()
    first = make_case(held=True, opened_at=now - 5 * hour)
    held_by_other = make_case(held=True, opened_at=now - 4 * hour)
    claim_case(case=held_by_other, moderator=make_moderator("KindWren"))
    make_case(held=True, opened_at=now - 3 * hour, author=moderator)
    expired = make_case(held=True, opened_at=now - 2 * hour)
    claim_case(case=expired, moderator=make_moderator("QuietLark"))
    expired.claimed_until = now - datetime.timedelta(seconds=1)
    expired.save(update_fields=["claimed_until"])

    response = moderator_client.post(url(first), {"action": "approve", "reason": ""})
    assert response["Location"] == url(expired)


def test_with_no_case_left_the_moderator_goes_back_to_the_queue(moderator_client):
    case = make_case(held=True)
    response = moderator_client.post(url(case), {"action": "approve", "reason": ""})
    assert response["Location"] == "/moderation/"


def test_decisions_come_in_groups_each_with_only_its_own_fields(moderator_client):
    case = make_case(held=True)
    page = moderator_client.get(url(case)).content.decode()
    for group in ("Keep", "Hide", "Change", "Sanction the member", "Escalate"):
        assert f"<legend>{group}</legend>" in page
    # The suspension's length sits with the suspension, shown once it is chosen.
    suspend = page.index('value="suspend"')
    assert suspend < page.index('name="days"') < page.index('value="ban"')
    assert page.count('class="decision-extra"') == 4  # edit, warning, move, suspend


def test_escalating_without_a_reason_is_summed_up_at_the_top(moderator_client):
    case = make_case(held=True)
    response = moderator_client.post(url(case), {"action": "escalate", "reason": ""})
    page = response.content.decode()
    summary = page.index('class="problem-summary"')
    assert summary < page.index("<h1>")
    assert "autofocus" in page[summary : page.index("</div>", summary)]
    assert '<a href="#id_reason">Please tell the safeguarding leads why you escalate.</a>' in page


def test_the_escalation_preview_says_the_member_gets_nothing(moderator_client):
    case = make_case(held=True)
    page = moderator_client.post(
        url(case), {"action": "escalate", "reason": "Worried", "preview": "1"}
    ).content.decode()
    assert "Escalating sends the member nothing" in page
    assert "The message the member will get" not in page


def test_a_suspension_date_is_read_day_first(moderator_client):
    case = make_case(held=True)
    next_year = timezone.localdate().year + 1
    moderator_client.post(
        url(case),
        {"action": "suspend", "reason": "A break", "until": f"7/12/{next_year}"},
    )
    sanction = Sanction.objects.get(member=case.post.author)
    assert timezone.localtime(sanction.until).date() == datetime.date(next_year, 12, 7)
    page = moderator_client.get(url(make_case(author=case.post.author))).content.decode()
    assert f"until 7 December {next_year}" in page


def test_other_forms_sum_up_their_problems_too(client):
    client.force_login(UserFactory())
    thread = make_thread()
    response = client.post(f"/posts/{thread.opening_post.pk}/flag/", {"note": "Hm"})
    page = response.content.decode()
    assert 'class="problem-summary"' in page and 'href="#id_reason' in page


def test_a_shift_starts_at_the_most_urgent_case_the_moderator_may_take(moderator_client):
    now = timezone.now()
    make_case(held=True, opened_at=now - datetime.timedelta(hours=5))
    held_by_other = make_case(held=True, opened_at=now - datetime.timedelta(hours=9))
    claim_case(case=held_by_other, moderator=make_moderator("KindWren"))
    urgent = make_case(reasons=("crisis-language",), held=True, opened_at=now)
    queue = moderator_client.get("/moderation/").content.decode()
    assert 'href="/moderation/next/"' in queue
    response = moderator_client.get("/moderation/next/")
    assert response["Location"] == url(urgent)


def test_a_shift_with_nothing_to_take_starts_at_the_queue(moderator_client):
    assert moderator_client.get("/moderation/next/")["Location"] == "/moderation/"


def test_only_moderators_start_a_shift(client):
    client.force_login(UserFactory())
    assert client.get("/moderation/next/").status_code == 403
