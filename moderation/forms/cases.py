"""The forms on a case page: the decision, and a lead's reassignment."""

import datetime

from django import forms
from django.utils import timezone

from forum.forms import BoardChoiceField
from forum.models import MAX_BODY_LENGTH, ContentWarning
from peersupport.accounts.models import User
from peersupport.accounts.permissions import roles_in_force

from ..models import ActionKind, ScreeningVerdict
from ..services.decision_kinds import DECISION_KINDS
from .bootstrap import BootstrapWidgets

# The decisions as a moderator thinks of them (each DecisionKind's group), in this
# order; the form shows a decision's fields under its choice, and only once it is
# chosen (theme.css).
DECISION_GROUPS = ["Keep", "Hide", "Change", "Sanction the member", "Escalate"]
POST_DECISIONS = [kind for kind in DECISION_KINDS.values() if kind.for_posts]
PROFILE_DECISIONS = [kind for kind in DECISION_KINDS.values() if kind.for_profiles]

SUSPENSION_DAYS = [(1, "1 day"), (3, "3 days"), (7, "1 week"), (14, "2 weeks"), (30, "30 days")]


class DecisionForm(BootstrapWidgets, forms.Form):
    action = forms.ChoiceField(
        label="Decision",
        choices=[(kind.action.value, kind.label) for kind in POST_DECISIONS],
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
                (kind.action.value, kind.label) for kind in PROFILE_DECISIONS
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
        for title in DECISION_GROUPS:
            options = [
                (radios[kind.action], [self[name] for name in kind.fields if name in self.fields])
                for kind in DECISION_KINDS.values()
                if kind.group == title and kind.action in radios
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
            User.objects.moderators().filter(username__iexact=username, is_active=True).first()
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
