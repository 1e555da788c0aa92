"""The moderation queue at /moderation/, through the page a moderator uses."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from moderation.models import CaseReason
from moderation.services import claim_case
from tests.factories import BoardFactory, UserFactory

from .case_helpers import CRISIS, make_case, make_lead, make_moderator

pytestmark = pytest.mark.django_db


def case_ids(page):
    return [int(found) for found in re.findall(r'data-case-id="(\d+)"', page)]


def test_visitors_are_asked_to_sign_in(client):
    response = client.get("/moderation/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_members_may_not_see_the_queue(member_client):
    assert member_client.get("/moderation/").status_code == 403


def test_moderators_and_leads_see_the_queue(client, moderator):
    client.force_login(moderator)
    assert client.get("/moderation/").status_code == 200
    client.force_login(make_lead())
    assert client.get("/moderation/").status_code == 200


def test_the_moderation_link_shows_for_moderators_only(moderator_client, client, member):
    assert 'href="/moderation/">Moderation</a>' in moderator_client.get("/").content.decode()
    client.force_login(member)
    assert 'href="/moderation/"' not in client.get("/").content.decode()


def test_most_urgent_first_then_longest_waiting(moderator_client):
    now = timezone.now()
    low = make_case([CaseReason.FLAGGED], opened_at=now - datetime.timedelta(hours=5))
    medium = make_case([CaseReason.PERSONAL_DATA], opened_at=now - datetime.timedelta(hours=4))
    newer_high = make_case([CaseReason.CONCERN_LANGUAGE], opened_at=now)
    older_high = make_case(
        [CaseReason.CONCERN_LANGUAGE], opened_at=now - datetime.timedelta(minutes=30)
    )
    crisis = make_case([CaseReason.CRISIS_LANGUAGE], held=True, opened_at=now)
    page = moderator_client.get("/moderation/").content.decode()
    assert case_ids(page) == [crisis.pk, older_high.pk, newer_high.pk, medium.pk, low.pk]


def test_each_entry_has_the_hooks_waiting_time_board_reasons_and_claim(moderator_client):
    board = BoardFactory(name="School worries", slug="school")
    case = make_case(
        [CaseReason.CRISIS_LANGUAGE],
        held=True,
        board=board,
        opened_at=timezone.now() - datetime.timedelta(minutes=12, seconds=5),
    )
    claim_case(case=case, moderator=make_moderator("KindWren"))
    page = moderator_client.get("/moderation/").content.decode()
    assert f'data-case-id="{case.pk}" data-post-id="{case.post_id}" data-priority="crisis"' in page
    assert "waiting 12\xa0minutes" in page
    assert "School worries" in page
    assert "Crisis language" in page
    assert "claimed by KindWren" in page


def test_the_post_text_is_folded_away_until_opened(moderator_client):
    make_case(body="Words that may be hard to read")
    page = moderator_client.get("/moderation/").content.decode()
    folded = re.search(r'<details class="blurred">(.*?)</details>', page, re.S)
    assert folded is not None
    assert "<summary>Show the post (may be distressing)</summary>" in folded.group(1)
    assert "Words that may be hard to read" in folded.group(1)
    assert page.count("Words that may be hard to read") == 1


def test_decided_cases_leave_the_queue(moderator_client, moderator):
    from moderation.services import decide_case

    decided = make_case()
    waiting = make_case()
    decide_case(case=decided, moderator=moderator, action="approve", reason="")
    assert case_ids(moderator_client.get("/moderation/").content.decode()) == [waiting.pk]


def test_filters_by_priority_reason_board_and_my_claims(moderator_client, moderator):
    board = BoardFactory(name="Exams", slug="exams")
    crisis = make_case([CaseReason.CRISIS_LANGUAGE], held=True)
    personal = make_case([CaseReason.PERSONAL_DATA], board=board)
    flagged = make_case([CaseReason.FLAGGED])
    claim_case(case=flagged, moderator=moderator)
    claim_case(case=personal, moderator=make_moderator("KindWren"))

    def shown(query):
        return case_ids(moderator_client.get(f"/moderation/?{query}").content.decode())

    assert shown("priority=crisis") == [crisis.pk]
    assert shown("priority=medium") == [personal.pk]
    assert shown("reason=flagged") == [flagged.pk]
    assert shown("board=exams") == [personal.pk]
    assert shown("mine=on") == [flagged.pk]
    assert shown("priority=nonsense") == [crisis.pk, personal.pk, flagged.pk]


def test_an_expired_claim_is_not_mine(moderator_client, moderator):
    case = make_case()
    claim_case(case=case, moderator=moderator)
    case.refresh_from_db()
    case.claimed_until = timezone.now() - datetime.timedelta(minutes=1)
    case.save(update_fields=["claimed_until"])
    page = moderator_client.get("/moderation/?mine=on").content.decode()
    assert case_ids(page) == []


def test_the_queue_is_paginated_by_25(moderator_client):
    cases = [make_case() for _ in range(26)]
    first = moderator_client.get("/moderation/").content.decode()
    second = moderator_client.get("/moderation/?page=2").content.decode()
    assert len(case_ids(first)) == 25
    assert case_ids(second) == [cases[-1].pk]
    assert "Page 2 of 2" in second


def test_the_query_count_does_not_grow_with_the_queue(moderator_client, moderator):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert moderator_client.get("/moderation/").status_code == 200
        return len(queries)

    for _ in range(2):
        claim_case(case=make_case(), moderator=moderator)
    count_queries()  # the first page view fills caches (crisis resources)
    with_two = count_queries()
    assert with_two <= 10
    for n in range(18):
        claim_case(case=make_case(), moderator=make_moderator(f"Helper{n}"))
    count_queries()  # each case came with a new board, so the cached board list refills
    assert count_queries() == with_two


def test_each_entry_names_the_thread_board_and_writer(moderator_client):
    writer = UserFactory(username="BraveFinch")
    board = BoardFactory(name="Exams", slug="exams")
    make_case(title="Results day", board=board, author=writer)
    page = moderator_client.get("/moderation/").content.decode()
    assert "“Results day”" in page and "Exams" in page and "BraveFinch" in page


def test_only_entries_with_findings_or_flags_are_marked_distressing(moderator_client):
    make_case(reasons=[CaseReason.PREMODERATION], body="Got a B in maths!!")
    page = moderator_client.get("/moderation/").content.decode()
    assert "may be distressing" not in page
    make_case(reasons=[CaseReason.FLAGGED])
    screened = make_case(reasons=[CaseReason.CRISIS_LANGUAGE])
    screened.findings = [CRISIS]
    screened.save(update_fields=["findings"])
    page = moderator_client.get("/moderation/").content.decode()
    assert page.count("may be distressing") == 2
