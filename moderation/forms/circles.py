from django import forms

from peersupport.accounts.models import User


class CircleModeratorForm(forms.Form):
    """Who looks after a circle. The list offers moderators and leads; the service checks
    that the one chosen holds the role in force."""

    moderator = forms.ModelChoiceField(
        label="Moderator looking after this circle",
        queryset=User.objects.moderators().filter(is_active=True).order_by("username"),
        to_field_name="username",
        empty_label="Choose a moderator",
        error_messages={"required": "Please choose a moderator."},
    )
