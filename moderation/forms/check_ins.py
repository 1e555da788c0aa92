"""Forms for a private check-in: the moderators' message and the writer's answer."""

from django import forms

MAX_CHECK_IN_LENGTH = 4000


def _body(label, help_text, required_message):
    return forms.CharField(
        label=label,
        max_length=MAX_CHECK_IN_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=help_text,
        error_messages={
            "required": required_message,
            "max_length": "Please keep it under %(limit_value)s characters (it has "
            "%(show_value)s).",
        },
    )


class CheckInForm(forms.Form):
    body = _body(
        "Your message",
        "The writer sees it as from “the moderators”, never with your name. Please "
        "change the words so they fit this person.",
        "Please write the message first.",
    )


class CheckInAnswerForm(forms.Form):
    body = _body(
        "Your answer",
        "Only the moderators read it. You do not have to answer.",
        "Please write your answer first.",
    )
