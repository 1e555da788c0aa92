"""`manage.py export_screening_examples`: the posts moderators gave a verdict on, as
pseudonymised, labelled lines for the screening's corpus."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from forum.services import delete_post
from moderation.models import Case, CaseReason
from moderation.services import decide_case, open_case
from moderation.verdicts import pseudonymise
from peersupport.accounts.deletion import delete_account
from tests.factories import UserFactory

from .case_helpers import CRISIS, NEGATED, OLDER, PERSONAL_DATA, PHRASE, make_screened_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer():
    return UserFactory(username="BraveFinch")


def answered(moderator, verdict, findings=(CRISIS,), days_ago=0, **kwargs):
    case = make_screened_case(findings, **kwargs)
    decide_case(
        case=case, moderator=moderator, action="approve", reason="", screening_verdict=verdict
    )
    if days_ago:
        answered_at = timezone.now() - datetime.timedelta(days=days_ago)
        Case.objects.filter(pk=case.pk).update(screening_verdict_at=answered_at)
    return case


def export(tmp_path, *options):
    path = tmp_path / "examples.jsonl"
    call_command("export_screening_examples", "--output", str(path), *options, stderr=io.StringIO())
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_each_verdict_becomes_a_labelled_line_in_the_corpus_format(tmp_path, moderator, writer):
    answered(moderator, "crisis", [CRISIS, PHRASE], author=writer, body="I can't go on tonight")
    answered(moderator, "concern", [NEGATED], author=writer, body="Exams are too much")
    answered(moderator, "not-concerning", [OLDER], author=writer, body="This homework, honestly")
    assert export(tmp_path) == [
        {
            "text": "I can't go on tonight",
            "label": "crisis",
            "category": "moderator-labelled",
            "style": "plain",
            "source": "moderators",
            "rule": "intent-now,phrase",
        },
        {
            "text": "Exams are too much",
            "label": "concern",
            "category": "moderator-labelled",
            "style": "plain",
            "source": "moderators",
            "rule": "intent-now",
        },
        {
            "text": "This homework, honestly",
            "label": "ok",
            "category": "moderator-labelled",
            "style": "plain",
            "source": "moderators",
            "rule": "phrase",
        },
    ]


def test_pseudonyms_and_personal_data_are_taken_out(tmp_path, moderator, writer):
    UserFactory(username="KindRobin")
    UserFactory(username="Otter")
    body = (
        "I'm BraveFinch and @kindrobin said call me on 07700 900123 or write to "
        "finch.home@example.com. Otters are calm. KindRobin, thank you."
    )
    answered(moderator, "concern", [CRISIS, PERSONAL_DATA], author=writer, body=body)
    [example] = export(tmp_path)
    assert example["text"] == (
        "I'm [member] and [member] said call me on [removed] or write to "
        "[removed]. Otters are calm. [member], thank you."
    )
    assert example["rule"] == "intent-now,personal-data"


def test_a_pseudonym_inside_a_longer_word_or_an_email_address_is_not_a_mention():
    assert pseudonymise("Otters and otter.", {"Otter"}) == "Otters and [member]."
    assert pseudonymise("mail otter@example.com", {"Otter"}) == "mail [removed]"
    assert pseudonymise("hi @Otter!", {"Otter"}) == "hi [member]!"


def test_deleted_and_erased_posts_and_unanswered_cases_are_left_out(tmp_path, moderator):
    deleted = answered(moderator, "crisis", author=UserFactory(), body="Deleted words")
    delete_post(post=deleted.post)
    erased, left = UserFactory(), UserFactory()
    answered(moderator, "crisis", author=erased, body="Erased words")
    delete_account(erased, keep_posts=False)
    answered(moderator, "crisis", author=left, body="Kept as a former member's")
    delete_account(left, keep_posts=True)
    make_screened_case([CRISIS], body="Still waiting")
    answered(moderator, "", body="Decided without an answer")
    answered(moderator, "concern", body="The one to keep")
    assert [example["text"] for example in export(tmp_path)] == ["The one to keep"]


def test_days_chooses_how_far_back(tmp_path, moderator):
    answered(moderator, "crisis", days_ago=10, body="Ten days ago")
    answered(moderator, "crisis", days_ago=100, body="A hundred days ago")
    assert [e["text"] for e in export(tmp_path)] == ["Ten days ago"]
    assert [e["text"] for e in export(tmp_path, "--days", "5")] == []
    assert len(export(tmp_path, "--days", "365")) == 2
    with pytest.raises(CommandError):
        call_command("export_screening_examples", "--days", "0")


def test_a_post_answered_twice_gives_its_newest_verdict_once(tmp_path, moderator):
    first = answered(moderator, "crisis", days_ago=3, body="Said once")
    again = open_case(post=first.post, reasons=[CaseReason.EDITED], findings=[PHRASE])
    decide_case(
        case=again,
        moderator=moderator,
        action="approve",
        reason="",
        screening_verdict="not-concerning",
    )
    assert [(e["text"], e["label"]) for e in export(tmp_path)] == [("Said once", "ok")]


def test_without_output_it_writes_to_standard_output(moderator):
    answered(moderator, "concern", body="Just tired")
    out = io.StringIO()
    call_command("export_screening_examples", stdout=out)
    [line] = out.getvalue().splitlines()
    assert json.loads(line)["text"] == "Just tired"
