from django import forms

from peersupport.accounts.models import User

from ..models import Shift


class ShiftAdminForm(forms.ModelForm):
    """The rota in the admin: only moderators and leads can be put on it, and a shift
    ends after it starts."""

    class Meta:
        model = Shift
        fields = ["moderator", "start", "end", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        moderator = self.fields["moderator"]
        moderator.queryset = User.objects.moderators().order_by("username")
        moderator.error_messages["invalid_choice"] = (
            "Only moderators and safeguarding leads can be on the rota."
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", "A shift must end after it starts.")
        return cleaned


class ShiftNoteForm(forms.Form):
    text = forms.CharField(
        label="Your note for the safeguarding leads",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Only the safeguarding leads read it. A note cannot be changed later.",
        error_messages={"required": "Please write your note first."},
    )
