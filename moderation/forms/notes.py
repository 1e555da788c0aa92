from django import forms


class StaffNoteForm(forms.Form):
    text = forms.CharField(
        label="Add a note",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only moderators see notes. A note cannot be changed or removed later.",
        error_messages={"required": "Please write the note first."},
    )
