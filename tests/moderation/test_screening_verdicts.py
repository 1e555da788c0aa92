"""Learning from moderators on the case page: "Was the screening right?" asked with the
decision on a case the screening raised, and each finding shown with what decided it."""

import pytest

from moderation.models import ActionKind, Case, CaseReason, ModerationAction
from moderation.services import claim_case, decide_case
from peersupport.accounts.deletion import delete_account
from tests.factories import UserFactory

from .case_helpers import (
    CRISIS,
    NEGATED,
    OLDER,
    PERSONAL_DATA,
    PHRASE,
    make_case,
    make_lead,
    make_moderator,
    make_screened_case,
)

pytestmark = pytest.mark.django_db

LEGEND = "<legend>Was the screening right?</legend>"


def url(case):
    return f"/moderation/cases/{case.pk}/"


def decision_row(case, action):
    return ModerationAction.objects.get(case=case, action=action)


def test_a_case_the_screening_raised_asks_whether_it_was_right(moderator_client):
    page = moderator_client.get(url(make_screened_case())).content.decode()
    fieldset = page.split('<fieldset class="screening-verdict')[1].split("</fieldset>")[0]
    assert LEGEND in fieldset
    assert fieldset.count('type="radio" name="screening_verdict"') == 3
    for value, label in [
        ("crisis", "Crisis: confirmed"),
        ("concern", "A concern, not a crisis"),
        ("not-concerning", "Not concerning"),
    ]:
        assert f'value="{value}"' in fieldset
        assert f">{label}</label>" in fieldset
    assert "checked" not in fieldset  # optional: nothing is chosen for the moderator
    assert "the member never sees it" in fieldset


@pytest.mark.parametrize(
    ("findings", "asks"),
    [
        ([CRISIS], True),
        ([PHRASE], True),
        ([{**PHRASE, "level": "bullying"}], True),
        ([OLDER], True),
        ([PERSONAL_DATA], False),
        ([], False),
    ],
)
def test_only_a_case_with_screening_findings_asks(moderator_client, findings, asks):
    case = make_case([CaseReason.FLAGGED])
    Case.objects.filter(pk=case.pk).update(findings=findings)
    page = moderator_client.get(url(case)).content.decode()
    assert (LEGEND in page) is asks
    assert ("screening_verdict" in page) is asks


def test_the_verdict_is_saved_with_the_decision_and_in_its_audit_row(moderator_client):
    case = make_screened_case()
    response = moderator_client.post(
        url(case), {"action": "hide", "reason": "Kept back for now", "screening_verdict": "crisis"}
    )
    assert response.status_code == 302 and response["Location"] == "/moderation/"
    case.refresh_from_db()
    assert (case.status, case.decision, case.screening_verdict) == ("decided", "hide", "crisis")
    assert case.screening_verdict_at == case.decided_at
    row = decision_row(case, ActionKind.HIDE)
    assert row.before == {"status": "held", "screening_verdict": ""}
    assert row.after == {"status": "hidden", "screening_verdict": "crisis"}
    assert ("screening_verdict", "", "crisis") in row.changes


def test_the_decided_case_says_what_the_moderator_answered(moderator_client, moderator):
    case = make_screened_case()
    decide_case(
        case=case, moderator=moderator, action="approve", reason="", screening_verdict="concern"
    )
    page = moderator_client.get(url(case)).content.decode()
    assert "Was the screening right? A concern, not a crisis." in page
    assert LEGEND not in page  # decided: no form


def test_the_verdict_is_optional(moderator_client):
    case = make_screened_case()
    response = moderator_client.post(url(case), {"action": "approve", "reason": ""})
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.screening_verdict, case.screening_verdict_at) == (
        "decided",
        "",
        None,
    )
    # The audit row is as it always was.
    row = decision_row(case, ActionKind.APPROVE)
    assert (row.before, row.after) == ({"status": "held"}, {"status": "published"})


def test_an_answer_that_is_not_one_of_the_choices_is_asked_again(moderator_client):
    case = make_screened_case()
    response = moderator_client.post(
        url(case), {"action": "approve", "reason": "", "screening_verdict": "maybe"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_screening_verdict_error"' in page
    assert "Select a valid choice." in page
    case.refresh_from_db()
    assert (case.status, case.screening_verdict) == ("open", "")


def test_a_case_the_screening_did_not_raise_keeps_no_verdict(moderator_client, moderator):
    case = make_case([CaseReason.FLAGGED])
    moderator_client.post(
        url(case), {"action": "approve", "reason": "", "screening_verdict": "crisis"}
    )
    case.refresh_from_db()
    assert (case.status, case.screening_verdict) == ("decided", "")
    # Nor does the service keep one it is given.
    other = make_case([CaseReason.FLAGGED])
    decide_case(
        case=other, moderator=moderator, action="approve", reason="", screening_verdict="crisis"
    )
    other.refresh_from_db()
    assert other.screening_verdict == ""


def test_a_refused_decision_keeps_no_verdict(moderator_client):
    case = make_screened_case()
    claim_case(case=case, moderator=make_moderator("KindWren"))
    response = moderator_client.post(
        url(case), {"action": "hide", "reason": "x", "screening_verdict": "crisis"}, follow=True
    )
    assert "KindWren is working on this case" in response.content.decode()
    case.refresh_from_db()
    assert (case.status, case.screening_verdict, case.screening_verdict_at) == ("open", "", None)


def test_an_escalated_case_keeps_the_verdict_and_shows_it_to_the_lead(moderator_client, client):
    case = make_screened_case()
    moderator_client.post(
        url(case), {"action": "escalate", "reason": "Needs a lead", "screening_verdict": "crisis"}
    )
    case.refresh_from_db()
    assert (case.status, case.is_escalated, case.screening_verdict) == ("open", True, "crisis")
    row = decision_row(case, ActionKind.ESCALATE)
    assert row.before == {"is_escalated": False, "screening_verdict": ""}
    assert row.after == {"is_escalated": True, "screening_verdict": "crisis"}

    client.force_login(make_lead())
    page = client.get(url(case)).content.decode()
    assert 'value="crisis" class="form-check-input" id="id_screening_verdict_0" checked' in page
    # The lead decides without answering again: the first answer stands.
    client.post(url(case), {"action": "hide", "reason": "Kept back, and we reached out"})
    case.refresh_from_db()
    assert (case.status, case.screening_verdict) == ("decided", "crisis")
    assert "screening_verdict" not in decision_row(case, ActionKind.HIDE).after


def test_each_finding_says_what_fired_on_which_words_and_what_changed_it(moderator_client):
    case = make_screened_case([CRISIS, NEGATED, PHRASE])
    page = moderator_client.get(url(case)).content.decode()
    assert (
        "<strong>Crisis</strong> — Intent with a time (rule intent-now): "
        "words “kill myself tonight”; concepts: self, intent, death, time; modifiers: none." in page
    )
    assert "In the post: “and i will kill myself tonight i think”" in page
    assert (
        "<strong>Concern</strong> — Intent with a time (rule intent-now): "
        "words “never kill myself tonight”; concepts: self, intent, death, time; "
        "modifiers: negation." in page
    )
    assert "Note: Said with never, so a concern rather than a crisis." in page
    assert (
        "<strong>Concern</strong> — watched phrase “hopeless”: words “hopeless”; modifiers: none."
        in page
    )
    assert 'data-finding-level="crisis" data-finding-rule="intent-now"' in page


def test_older_findings_and_missing_keys_still_show(moderator_client):
    sparse = {"level": "concern", "rule": "model", "phrase": "Statistical model"}
    case = make_screened_case([OLDER, sparse, PERSONAL_DATA])
    page = moderator_client.get(url(case)).content.decode()
    assert "<li>concern: “scared” in “so scared”</li>" in page  # as it always was
    assert "<strong>Concern</strong> — Statistical model (rule model): modifiers: none." in page
    assert (
        "<strong>Personal information</strong> — phone number (rule personal-data): "
        "words “07700 900123”; modifiers: none." in page
    )


def test_the_writers_words_in_a_finding_are_escaped(moderator_client):
    marked_up = {**CRISIS, "words": ["<b>kill</b>"], "excerpt": "<script>x</script>"}
    case = make_screened_case([marked_up])
    page = moderator_client.get(url(case)).content.decode()
    assert "<b>kill</b>" not in page and "<script>x</script>" not in page
    assert "words “&lt;b&gt;kill&lt;/b&gt;”" in page


def test_erasing_the_writer_takes_the_words_that_fired_and_keeps_the_rule(moderator):
    writer = UserFactory(username="LeavingLark")
    case = make_screened_case([CRISIS, OLDER], author=writer)
    decide_case(
        case=case, moderator=moderator, action="hide", reason="x", screening_verdict="crisis"
    )
    delete_account(writer, keep_posts=False)
    case.refresh_from_db()
    assert case.findings == [
        {
            "level": "crisis",
            "rule": "intent-now",
            "phrase": "Intent with a time",
            "concepts": ["self", "intent", "death", "time"],
            "modifiers": [],
            "reason": "",
        },
        {"level": "concern", "phrase": "scared", "reason": ""},
    ]
    assert case.screening_verdict == "crisis"  # a moderator's judgement, not their words
