"""The forms on a case page: the decision, and a lead's reassignment."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from forum.forms import BoardChoiceField
from forum.models import MAX_BODY_LENGTH, ContentWarning
from peersupport.accounts.permissions import MODERATORS, SAFEGUARDING_LEADS, roles_in_force

from .decisions import DECISION_ACTIONS, PROFILE_DECISION_ACTIONS
from .models import ActionKind, CaseReason, Priority, ScreeningVerdict

# The decisions as a moderator thinks of them, and the fields each one needs: the form
# shows a decision's fields under its choice, and only once it is chosen (theme.css).
DECISION_GROUPS = [
    ("Keep", [ActionKind.APPROVE]),
    ("Hide", [ActionKind.HIDE]),
    ("Change", [ActionKind.EDIT, ActionKind.ADD_WARNING, ActionKind.LOCK, ActionKind.MOVE]),
    ("Sanction the member", [ActionKind.WARN, ActionKind.SUSPEND, ActionKind.BAN]),
    ("Escalate", [ActionKind.ESCALATE]),
]
DECISION_FIELDS = {
    ActionKind.EDIT: ["body"],
    ActionKind.ADD_WARNING: ["content_warning", "content_warning_text"],
    ActionKind.MOVE: ["board"],
    ActionKind.SUSPEND: ["days", "until"],
}

SUSPENSION_DAYS = [(1, "1 day"), (3, "3 days"), (7, "1 week"), (14, "2 weeks"), (30, "30 days")]


class PlainSelect(forms.Select):
    """A <select> written out here, not through the form renderer, which renders every
    option as a template of its own: the queue's three filters took a quarter of the
    page's rendering that way (measured: 7 ms of 27). Plain choices only, no groups."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(item) for item in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (choice, " selected" if str(choice) in chosen else "", label)
                for choice, label in self.choices
            ),
        )
        attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return format_html("<select{}>{}</select>", flatatt(attrs), options)


class BootstrapWidgets:
    """For forms a template lays out by hand: Bootstrap's classes on every widget (full
    width on a phone, radios and checkboxes big enough to hit)."""

    WIDGET_CLASSES = {
        forms.RadioSelect: "form-check-input",
        forms.CheckboxInput: "form-check-input",
        forms.Select: "form-select",
        PlainSelect: "form-select",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = self.WIDGET_CLASSES.get(type(field.widget), "form-control")
            field.widget.attrs["class"] = css


class DecisionForm(BootstrapWidgets, forms.Form):
    action = forms.ChoiceField(
        label="Decision",
        choices=[(action.value, action.label) for action in DECISION_ACTIONS],
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose a decision."},
    )
    reason = forms.CharField(
        label="Reason",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Not needed to approve. The member reads it in their message, so please "
        "write it kindly; for an escalation, only the safeguarding leads read it.",
    )
    body = forms.CharField(
        label="The post's new text",
        required=False,
        max_length=MAX_BODY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    content_warning = forms.ChoiceField(
        label="Content warning",
        required=False,
        choices=[("", "Choose a warning"), *ContentWarning.choices],
    )
    content_warning_text = forms.CharField(
        label="Describe the warning (for “Other”)", required=False, max_length=80
    )
    board = BoardChoiceField(
        label="Move the thread to",
        required=False,
        empty_label="Choose a board",
    )
    days = forms.TypedChoiceField(
        label="Suspend posting for",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Choose how long"), *SUSPENSION_DAYS],
    )
    # Typed the British way: a browser's date box shows its own locale's order, which
    # for many is the American month first.
    until = forms.DateField(
        label="…or until this date",
        required=False,
        input_formats=["%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"],
        widget=forms.TextInput(attrs={"inputmode": "text", "autocomplete": "off"}),
        help_text="For example 7/12/2026 or 7 December 2026.",
        error_messages={"invalid": "Please write the date as day, month and year."},
    )
    screening_verdict = forms.ChoiceField(
        label="Was the screening right?",
        required=False,
        choices=ScreeningVerdict.choices,
        widget=forms.RadioSelect,
        help_text="Optional. Your answer helps the screening learn; the member never sees it.",
    )

    # What only a post's decisions need, left out of a profile case's form.
    POST_ONLY_FIELDS = ["body", "content_warning", "content_warning_text", "board"]

    # The ids of the posts the page showed, comma-separated: a case gathering a burst
    # of crisis posts can gain one while the moderator reads (see decide_case).
    seen_posts = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self, *args, asks_screening_verdict=False, about_profile=False, withheld=(), **kwargs
    ):
        super().__init__(*args, **kwargs)
        # Only a case the screening raised has findings to judge.
        if not asks_screening_verdict:
            del self.fields["screening_verdict"]
        if about_profile:
            self.fields["action"].choices = [
                (action.value, action.label) for action in PROFILE_DECISION_ACTIONS
            ]
            for name in self.POST_ONLY_FIELDS:
                del self.fields[name]
        # Not offered, but still accepted here: a withheld action posted anyway reaches
        # decide_case, which refuses it, explains why and logs the attempt.
        if withheld:
            action = self.fields["action"]
            action.widget.choices = [c for c in action.choices if c[0] not in withheld]

    def groups(self):
        """The offered decisions in their groups: (title, [(radio, [its fields])]),
        leaving out groups with nothing offered."""
        radios = {radio.data["value"]: radio for radio in self["action"]}
        grouped = []
        for title, actions in DECISION_GROUPS:
            options = [
                (
                    radios[action],
                    [self[name] for name in DECISION_FIELDS.get(action, []) if name in self.fields],
                )
                for action in actions
                if action in radios
            ]
            if options:
                grouped.append((title, options))
        return grouped

    def clean_seen_posts(self):
        ids = self.cleaned_data["seen_posts"].split(",")
        return {int(pk) for pk in ids if pk.strip().isdigit()}

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action == ActionKind.ESCALATE and not data.get("reason", "").strip():
            self.add_error("reason", "Please tell the safeguarding leads why you escalate.")
        elif action and action != ActionKind.APPROVE and not data.get("reason", "").strip():
            self.add_error("reason", "Please give a reason: the member will read it.")
        if action == ActionKind.EDIT and not data.get("body", "").strip():
            self.add_error("body", "Please write the post's new text.")
        if action == ActionKind.ADD_WARNING and not data.get("content_warning"):
            self.add_error("content_warning", "Please choose which content warning to add.")
        if action == ActionKind.MOVE and not data.get("board"):
            self.add_error("board", "Please choose the board to move the thread to.")
        if action == ActionKind.SUSPEND:
            self._clean_suspension(data)
        return data

    def _clean_suspension(self, data):
        if data.get("days"):
            data["suspended_until"] = timezone.now() + datetime.timedelta(days=data["days"])
        elif data.get("until"):
            if data["until"] <= timezone.localdate():
                self.add_error("until", "Please choose a date after today.")
                return
            start_of_day = datetime.datetime.combine(data["until"], datetime.time())
            data["suspended_until"] = timezone.make_aware(start_of_day)
        else:
            self.add_error("days", "Please choose how long the suspension lasts.")

    def details(self):
        """The extra fields the chosen action needs, as `decide_case` takes them."""
        data = self.cleaned_data
        action = data["action"]
        if action == ActionKind.EDIT:
            return {"body": data["body"]}
        if action == ActionKind.ADD_WARNING:
            return {
                "content_warning": data["content_warning"],
                "content_warning_text": data["content_warning_text"],
            }
        if action == ActionKind.MOVE:
            return {"board": data["board"]}
        if action == ActionKind.SUSPEND:
            return {"until": data["suspended_until"]}
        return {}


class ReassignForm(forms.Form):
    username = forms.CharField(
        label="Give the case to (a moderator's pseudonym)", required=False, max_length=30
    )
    release = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("release"):
            data["moderator"] = None
            return data
        username = data.get("username", "").strip()
        moderator = (
            get_user_model()
            .objects.filter(
                Q(groups__name=MODERATORS) | Q(groups__name=SAFEGUARDING_LEADS),
                username__iexact=username,
                is_active=True,
            )
            .first()
        )
        if moderator is None:
            self.add_error("username", "Please give the pseudonym of a moderator.")
        elif not roles_in_force(moderator):
            self.add_error(
                "username",
                f"{moderator.username} has not set up two-step sign-in yet, so they cannot "
                "work on cases. Please give the case to someone else.",
            )
        data["moderator"] = moderator
        return data


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
        widget=PlainSelect,
    )
    reason = forms.ChoiceField(
        required=False, choices=[("", "Any reason"), *CaseReason.choices], widget=PlainSelect
    )
    board = BoardChoiceField(
        required=False, to_field_name="slug", empty_label="Any board", widget=PlainSelect
    )
    mine = forms.BooleanField(label="Only cases claimed by me", required=False)
