from django import forms

from .models import CareNote, SavedQuote


class NoteForm(forms.ModelForm):
    class Meta:
        model = CareNote
        fields = ["what_happened", "how_it_affected_me", "help_wanted"]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in fields}


class QuoteCommentForm(forms.ModelForm):
    class Meta:
        model = SavedQuote
        fields = ["comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 3})}


class SavePostForm(forms.Form):
    post = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
