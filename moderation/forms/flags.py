from django import forms

from ..models import FlagReason

MAX_FLAG_NOTE_LENGTH = 1000


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label="What worries you about this post?",
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Please choose what worries you about this post.",
            "invalid_choice": "Please choose one of the reasons listed.",
        },
    )
    note = forms.CharField(
        label="Anything a moderator should know? (optional)",
        required=False,
        max_length=MAX_FLAG_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only the moderators read this.",
        error_messages={
            "max_length": "Please keep your note under %(limit_value)s characters (it has "
            "%(show_value)s).",
        },
    )


class ProfileFlagForm(FlagForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reason = self.fields["reason"]
        reason.label = "What worries you about this profile?"
        reason.error_messages["required"] = "Please choose what worries you about this profile."
