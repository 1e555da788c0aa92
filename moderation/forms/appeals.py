from django import forms


class AppealForm(forms.Form):
    text = forms.CharField(
        label="Why should we look at this again?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="A different moderator will read this and the post again.",
        error_messages={"required": "Please tell us a little about why."},
    )
