"""How often moderators confirmed what each rule, watched phrase and the model raised:
the counting, and the staff-only admin page that shows it."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from moderation.models import Case, CaseReason
from moderation.services import decide_case
from moderation.verdicts import RulePrecision, precision_by_rule, screening_precision
from tests.factories import UserFactory

from .case_helpers import CRISIS, NEGATED, OLDER, PERSONAL_DATA, PHRASE, make_screened_case

pytestmark = pytest.mark.django_db

PAGE = "/admin/moderation/watchedphrase/screening-precision/"
MODEL = {"level": "concern", "rule": "model", "phrase": "Statistical model", "words": []}
BULLYING = {"level": "bullying", "rule": "insult-looks", "phrase": "Insults about looks"}
BLOCKED = {"level": "blocked", "rule": "phrase", "phrase": "free robux"}


def row(rows, name, level):
    [found] = [r for r in rows if r.name == name and r.level == level]
    return found


def test_a_firing_counts_as_confirmed_by_a_verdict_at_least_as_serious():
    rows = precision_by_rule(
        [
            ([CRISIS], "crisis"),
            ([CRISIS], "concern"),
            ([CRISIS], "not-concerning"),
            ([PHRASE], "crisis"),
            ([PHRASE], "concern"),
            ([PHRASE], "not-concerning"),
            ([BULLYING], "concern"),
            ([BULLYING], "not-concerning"),
        ]
    )
    assert row(rows, "intent-now", "crisis") == RulePrecision(
        "rule", "intent-now", "Intent with a time", "crisis", answered=3, confirmed=1
    )
    hopeless = row(rows, "hopeless", "concern")
    assert (hopeless.kind, hopeless.answered, hopeless.confirmed) == ("phrase", 3, 2)
    assert row(rows, "insult-looks", "bullying").precision == 0.5


def test_each_rule_counts_once_a_case_at_each_level_it_fired_at():
    rows = precision_by_rule(
        [
            # Twice in one post at one level is one firing; at another level, another row.
            ([CRISIS, CRISIS, NEGATED], "concern"),
            ([MODEL, {**MODEL, "words": ["tired"]}], "not-concerning"),
            # Older findings came from watched phrases; personal data is not a judgement.
            ([OLDER, PERSONAL_DATA, BLOCKED], "not-concerning"),
            (["not a finding", {}], "crisis"),
        ]
    )
    assert [(r.kind, r.name, r.level, r.answered, r.confirmed) for r in rows] == [
        ("rule", "intent-now", "crisis", 1, 0),
        ("model", "model", "concern", 1, 0),
        ("phrase", "scared", "concern", 1, 0),
        ("rule", "intent-now", "concern", 1, 1),
    ]


def test_worst_precision_comes_first_within_each_level_crisis_first():
    rows = precision_by_rule(
        [
            ([PHRASE], "concern"),
            ([MODEL], "not-concerning"),
            ([CRISIS], "crisis"),
            ([BULLYING], "crisis"),
        ]
    )
    assert [(r.name, r.level) for r in rows] == [
        ("intent-now", "crisis"),
        ("model", "concern"),
        ("hopeless", "concern"),
        ("insult-looks", "bullying"),
    ]


def decided(findings, verdict, moderator, days_ago=0):
    case = make_screened_case(findings)
    decide_case(
        case=case, moderator=moderator, action="approve", reason="", screening_verdict=verdict
    )
    if days_ago:
        answered_at = timezone.now() - datetime.timedelta(days=days_ago)
        Case.objects.filter(pk=case.pk).update(screening_verdict_at=answered_at)
    return case


def test_only_cases_answered_in_the_last_90_days_count(moderator):
    decided([CRISIS], "crisis", moderator, days_ago=89)
    decided([CRISIS], "not-concerning", moderator, days_ago=91)
    decided([CRISIS], "", moderator)  # decided without an answer
    make_screened_case([CRISIS])  # still open
    [only] = screening_precision()
    assert (only.name, only.answered, only.confirmed) == ("intent-now", 1, 1)
    assert screening_precision(days=100)[0].answered == 2


def test_the_admin_page_shows_each_rule_phrase_and_the_model(admin_client, moderator):
    decided([CRISIS, PHRASE], "crisis", moderator)
    decided([CRISIS, MODEL], "concern", moderator)
    decided([PHRASE], "not-concerning", moderator)
    decided([CRISIS], "not-concerning", moderator, days_ago=120)
    response = admin_client.get(PAGE)
    page = response.content.decode()
    assert response.status_code == 200
    assert "How often the screening was right" in page
    cells = page.split("<tbody>")[1].split("</tbody>")[0].split("</tr>")
    assert 'data-name="intent-now" data-level="crisis"' in cells[0]
    assert "Intent with a time (rule intent-now)" in cells[0]
    assert "<td>2</td>\n        <td>1</td>\n        <td>50%</td>" in cells[0]
    assert 'data-kind="phrase" data-name="hopeless" data-level="concern"' in cells[1]
    assert "Watched phrase “hopeless”" in cells[1]
    assert "<td>2</td>\n        <td>1</td>\n        <td>50%</td>" in cells[1]
    assert 'data-kind="model"' in cells[2] and "The statistical model" in cells[2]
    assert "<td>1</td>\n        <td>1</td>\n        <td>100%</td>" in cells[2]


def test_the_admin_page_says_when_there_are_no_answers_yet(admin_client):
    page = admin_client.get(PAGE).content.decode()
    assert "No answers yet" in page


def test_the_phrase_list_links_to_the_precision_page(admin_client):
    page = admin_client.get("/admin/moderation/watchedphrase/").content.decode()
    assert f'href="{PAGE}"' in page


def test_the_admin_page_costs_the_same_queries_however_many_answers(admin_client, moderator):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(PAGE).status_code == 200
        return len(captured)

    decided([CRISIS], "crisis", moderator)
    few = queries()
    for verdict in ("crisis", "concern", "not-concerning", "concern"):
        decided([CRISIS, PHRASE, MODEL], verdict, moderator)
    assert queries() == few


def test_staff_with_view_permission_may_look_and_others_may_not(client):
    viewer = UserFactory(is_staff=True)
    viewer.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    viewer.user_permissions.add(Permission.objects.get(codename="view_watchedphrase"))
    client.force_login(viewer)
    assert client.get(PAGE).status_code == 200
    client.force_login(UserFactory(is_staff=True))
    assert client.get(PAGE).status_code == 403
    client.force_login(UserFactory())
    assert client.get(PAGE)["Location"].startswith("/admin/login/")


def test_visitors_are_sent_to_the_admin_sign_in(client):
    assert client.get(PAGE)["Location"].startswith("/admin/login/")


def test_a_case_decided_about_other_reasons_is_not_counted(moderator):
    case = make_screened_case([PERSONAL_DATA], reasons=(CaseReason.PERSONAL_DATA,))
    decide_case(
        case=case, moderator=moderator, action="approve", reason="", screening_verdict="crisis"
    )
    assert screening_precision() == []
