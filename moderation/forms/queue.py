"""The queue's forms: its filters, and the plain first posts ticked to approve together."""

from django import forms

from forum.forms import BoardChoiceField

from ..models import CaseReason, Priority
from .bootstrap import BootstrapWidgets


class CaseIdsField(forms.Field):
    """Case ids ticked on the queue, any number of them; which may be approved is
    approve_plain_cases's to check against the database."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        return [int(each) for each in value or [] if str(each).isdigit()]


class PlainApprovalForm(forms.Form):
    """The queue's ticked plain first posts, approved together."""

    cases = CaseIdsField()


class QueueFilterForm(BootstrapWidgets, forms.Form):
    """The queue's filters (GET). Every field is optional: an empty form shows all."""

    priority = forms.ChoiceField(
        required=False,
        choices=[("", "Any priority"), *[(p.label, p.label.capitalize()) for p in Priority]],
    )
    reason = forms.ChoiceField(required=False, choices=[("", "Any reason"), *CaseReason.choices])
    board = BoardChoiceField(required=False, to_field_name="slug", empty_label="Any board")
    mine = forms.BooleanField(label="Only cases claimed by me", required=False)
