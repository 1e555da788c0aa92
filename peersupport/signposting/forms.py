from django import forms

from .regions import Region


class RegionForm(forms.Form):
    region = forms.ChoiceField(label="Show crisis services for", choices=Region.choices)
