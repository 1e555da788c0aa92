"""The audit log's filters."""

from django import forms

from ..models import ActionKind


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
