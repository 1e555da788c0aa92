"""What a writer wrote travels as one Draft: an "Other" warning's words are kept only
with "Other", and the screening reads everything others will read."""

from forum.drafts import Draft
from forum.forms import PostForm, ThreadForm
from forum.models import ContentWarning


def test_a_warnings_own_words_are_kept_only_with_other():
    kept = Draft(body="b", content_warning=ContentWarning.OTHER, content_warning_text="Exams")
    dropped = Draft(body="b", content_warning=ContentWarning.ABUSE, content_warning_text="Exams")
    assert kept.content_warning_text == "Exams"
    assert dropped.content_warning_text == ""


def test_the_screening_reads_the_title_the_warning_and_the_body():
    draft = Draft(
        title="Tonight",
        body="The words",
        content_warning=ContentWarning.OTHER,
        content_warning_text="Loss",
    )
    assert draft.words_shown() == "Tonight\nLoss\nThe words"
    assert draft.words_shown(title="The thread's title") == "The thread's title\nLoss\nThe words"
    assert Draft(body="Only words").words_shown() == "Only words"


def test_the_form_hands_on_one_draft():
    form = ThreadForm(
        {
            "title": "A hard week",
            "body": "Words",
            "content_warning": ContentWarning.SELF_HARM,
            "content_warning_text": "left over from Other",
            "post_anyway": "on",
        }
    )
    assert form.is_valid(), form.errors
    assert form.draft() == Draft(
        title="A hard week",
        body="Words",
        content_warning=ContentWarning.SELF_HARM,
        post_anyway=True,
    )


def test_other_needs_words_before_there_is_a_draft():
    form = PostForm({"body": "Words", "content_warning": ContentWarning.OTHER})
    assert not form.is_valid()
    assert "content_warning_text" in form.errors
