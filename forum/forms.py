from django import forms

from .board_cache import listed_boards
from .drafts import Draft
from .models import (
    MAX_BODY_LENGTH,
    MAX_TITLE_LENGTH,
    ContentWarning,
    MuteDuration,
    ReactionKind,
)

BODY_HELP = (
    "You can use Markdown: *italics*, **bold**, lists and > quotes. Please leave out "
    "anything that could identify you or anyone else."
)


class PostForm(forms.Form):
    body = forms.CharField(
        label="Your message",
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_BODY_LENGTH,
        error_messages={
            "required": "Your message is empty. Please write something before posting.",
            "max_length": "Your message is longer than %(limit_value)s characters (it has "
            "%(show_value)s). Please shorten it, or split it into two posts.",
        },
    )
    content_warning = forms.ChoiceField(
        label="Content warning",
        required=False,
        choices=[("", "No content warning"), *ContentWarning.choices],
        help_text="If your post talks about something others may find hard to read, add a "
        "warning: your post will be folded away until a reader chooses to open it.",
    )
    content_warning_text = forms.CharField(
        label="Describe the warning (for “Other”)", required=False, max_length=80
    )

    # Shown (as a checkbox) only after the screening found personal information.
    post_anyway = forms.BooleanField(
        label="I have checked, and I still want to post it. A moderator will read it first.",
        required=False,
        widget=forms.HiddenInput,
    )

    def ask_to_confirm_personal_data(self):
        self.fields["post_anyway"].widget = forms.CheckboxInput()

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("content_warning") == ContentWarning.OTHER
            and not cleaned.get("content_warning_text", "").strip()
        ):
            self.add_error(
                "content_warning_text", "Please say in a few words what the warning is about."
            )
        return cleaned

    def draft(self):
        """What the writer wrote, once the form is valid."""
        data = self.cleaned_data
        return Draft(
            body=data["body"],
            title=data.get("title", ""),
            content_warning=data["content_warning"],
            content_warning_text=data["content_warning_text"],
            post_anyway=data["post_anyway"],
        )


class ThreadForm(PostForm):
    title = forms.CharField(
        label="Title",
        max_length=MAX_TITLE_LENGTH,
        error_messages={"required": "Please give your thread a title."},
    )

    field_order = ["title", "body", "content_warning", "content_warning_text"]


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=ReactionKind.choices)


class MuteForm(forms.Form):
    duration = forms.ChoiceField(
        label="How long",
        choices=MuteDuration.choices,
        initial=MuteDuration.WEEK,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )


MAX_SEARCH_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search for",
        required=False,
        max_length=MAX_SEARCH_LENGTH,
        help_text="Words from a thread's title or from posts.",
        error_messages={
            "max_length": "That search is a little long. Please try a few words, "
            "up to %(limit_value)s characters.",
        },
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class BoardChoiceField(forms.ChoiceField):
    """Pick one board from the cached list, so offering every board costs no query.
    Cleans to the Board (or None when left empty); `to_field_name` is what the
    submitted value names it by ("pk", or "slug" for readable links)."""

    def __init__(self, *, empty_label, to_field_name="pk", **kwargs):
        self.to_field_name = to_field_name
        super().__init__(
            choices=lambda: [
                ("", empty_label),
                *((str(getattr(board, to_field_name)), board.name) for board in listed_boards()),
            ],
            **kwargs,
        )

    def to_python(self, value):
        if value in self.empty_values:
            return None
        for board in listed_boards():
            if str(getattr(board, self.to_field_name)) == str(value):
                return board
        raise forms.ValidationError(
            "Please choose one of the boards in the list.", code="invalid_choice"
        )

    def validate(self, value):
        if value is None and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
