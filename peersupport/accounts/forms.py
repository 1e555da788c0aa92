from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.hashers import make_password
from django.urls import reverse
from django.utils.html import format_html

from forum.models import Board, ContentWarning
from forum.reader_choices import WarningDisplay

from .breaks import BreakLength
from .models import User


class SignupForm(AllauthSignupForm):
    age_confirmed = forms.BooleanField(
        label="I am 13 or over",
        error_messages={
            "required": "This forum is for people aged 13 and over. If you are younger, "
            "Childline (0800 1111) is there for you any time."
        },
    )
    accept_guidelines = forms.BooleanField(
        label="I have read and agree to the community guidelines",
        error_messages={
            "required": "Please read the community guidelines and tick the box to agree "
            "to them: they keep everyone here safe."
        },
    )

    field_order = [
        "username",
        "email",
        "password1",
        "password2",
        "age_confirmed",
        "accept_guidelines",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Pseudonym"
        self.fields["username"].help_text = (
            "The only name other members will see. Please do not use your real name, "
            "your school or anything that could identify you."
        )
        self.fields["age_confirmed"].help_text = format_html(
            'Younger than 13? <a href="{}">Here is where you can get support</a>.',
            reverse("accounts:under_13"),
        )
        self.fields["accept_guidelines"].help_text = format_html(
            'Read the <a href="{}">community guidelines</a> first. The '
            '<a href="{}">privacy notice</a> says what we keep about you and why.',
            reverse("signposting:guidelines"),
            reverse("signposting:privacy"),
        )
        self.fields["email"].label = "Email address"
        for name in ("username", "email", "password1", "password2"):
            self.fields[name].widget.attrs.pop("placeholder", None)
        self.fields["email"].help_text = (
            "Private: only used to confirm your account and if you forget your password. "
            "Nobody else can see it."
        )

    def try_save(self, request):
        # With an address that already has an account allauth saves nothing and only emails
        # its owner, skipping the password hashing that makes up most of a real sign-up's
        # time. Hashing it anyway, and keeping nothing, means the time it takes cannot
        # tell a stranger whether the address is registered.
        if self.account_already_exists:
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)


class PreferencesForm(forms.ModelForm):
    # Not a model field of the form: a new bio is screened before it is stored
    # (moderation.services.profiles), and only then shown or held for a moderator.
    bio = forms.CharField(
        label="Short bio",
        max_length=User._meta.get_field("bio").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=User._meta.get_field("bio").help_text,
    )

    class Meta:
        model = User
        fields = [
            "region",
            "email_on_reply",
            "quiet_mode",
            "low_stimulation",
            "muted_words",
            "welcome_back_after",
        ]
        widgets = {"muted_words": forms.Textarea(attrs={"rows": 3})}

    field_order = [
        "region",
        "bio",
        "email_on_reply",
        "quiet_mode",
        "low_stimulation",
        "muted_words",
        "welcome_back_after",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        member = self.instance
        # The member goes on from the words they last wrote, even while they wait.
        self.fields["bio"].initial = member.pending_bio or member.bio
        if member.pending_bio:
            self.fields["bio"].help_text = (
                "Your new bio is waiting for a moderator. Until they have read it, others "
                "see your earlier one, or none."
            )
        _add_warning_fields(self)
        # Left out (an older form, a script), the member's choice stays as it was.
        self.fields["welcome_back_after"].required = False
        self.fields["welcome_back_after"].empty_value = None

    def clean_muted_words(self):
        lines = self.cleaned_data["muted_words"].splitlines()
        return "\n".join(line.strip() for line in lines if line.strip())

    def clean(self):
        return _gather_warning_choices(super().clean())


def _warning_field(warning):
    return "warning_" + warning.replace("-", "_")


def _add_warning_fields(form):
    """One choice per kind of content warning: how the member's posts with it show."""
    chosen = form.instance.warning_preferences or {}
    for warning, label in ContentWarning.choices:
        form.fields[_warning_field(warning)] = forms.ChoiceField(
            label=f"Posts with a “{label}” content warning",
            choices=WarningDisplay.choices,
            required=False,
            initial=chosen.get(warning, WarningDisplay.COLLAPSE),
        )


def _gather_warning_choices(cleaned):
    # The five choices are stored together, one entry per kind of warning.
    cleaned["warning_preferences"] = {
        warning: cleaned.pop(_warning_field(warning), "") or WarningDisplay.COLLAPSE.value
        for warning in ContentWarning.values
    }
    return cleaned


class ComfortForm(forms.ModelForm):
    """The welcome's step about what a member sees: quiet mode and content warnings."""

    class Meta:
        model = User
        fields = ["quiet_mode"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _add_warning_fields(self)

    def clean(self):
        return _gather_warning_choices(super().clean())


class BoardsForm(forms.Form):
    boards = forms.ModelMultipleChoiceField(
        label="Boards to follow",
        queryset=Board.objects.listed(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class BreakForm(forms.Form):
    length = forms.ChoiceField(
        label="How long would you like to rest for?",
        choices=BreakLength.choices,
        initial=BreakLength.DAY,
        widget=forms.RadioSelect,
        help_text="You can come back before then whenever you like.",
        error_messages={"required": "Please choose how long your break should be."},
    )


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Pseudonym or email address"
        self.fields["login"].widget.attrs.pop("placeholder", None)
        self.fields["password"].widget.attrs.pop("placeholder", None)
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me signed in on this device"
            self.fields["remember"].help_text = "Not on a computer or phone you share."


class DeleteAccountForm(forms.Form):
    REMOVE = "remove"
    KEEP = "keep"

    posts = forms.ChoiceField(
        label="What should happen to your posts?",
        choices=[
            (REMOVE, "Remove my posts (where others replied, a “deleted” marker stays)"),
            (KEEP, "Keep my posts, shown as written by “former member”"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose what should happen to your posts."},
    )
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="So we know it is really you.",
        error_messages={"required": "Please type your password to confirm."},
    )

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.member.check_password(password):
            raise forms.ValidationError(
                "That password does not match this account. Please try again."
            )
        return password

    @property
    def keep_posts(self):
        return self.cleaned_data["posts"] == self.KEEP
