"""Forms for the audit log, staff notes and appeals (the decision and flag forms live
in forms.py)."""

from django import forms

from .models import ActionKind


class AuditLogFilterForm(forms.Form):
    action = forms.ChoiceField(
        label="Action", choices=[("", "Any action"), *ActionKind.choices], required=False
    )
    actor = forms.CharField(label="Done by (pseudonym)", max_length=30, required=False)
    member = forms.CharField(label="About member (pseudonym)", max_length=30, required=False)
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class StaffNoteForm(forms.Form):
    text = forms.CharField(
        label="Add a note",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only moderators see notes. A note cannot be changed or removed later.",
        error_messages={"required": "Please write the note first."},
    )


class AppealForm(forms.Form):
    text = forms.CharField(
        label="Why should we look at this again?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="A different moderator will read this and the post again.",
        error_messages={"required": "Please tell us a little about why."},
    )
