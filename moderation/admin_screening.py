"""The watched phrases in the admin, the "Try the screening" page where staff paste
text and see what the posting pipeline would do with it, and why, and the page showing
how often moderators confirmed what each rule and phrase raised."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path

from . import verdicts
from .admin_audit import AuditedAdminMixin
from .models import CaseReason, RiskLevel, WatchedPhrase
from .pipeline import OutcomeKind, decide
from .screening.screen import screen_text


class TryScreeningForm(forms.Form):
    text = forms.CharField(
        label="Text to try",
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text="Nothing is saved. Paste what a member might write.",
        max_length=20000,
    )


def describe_outcome(screening):
    """What moderation.pipeline would do with a post that screens like this, from the
    pipeline's own decision (before pre-moderation, which depends on the writer)."""
    decided = decide(screening, post_anyway=False, premoderated=False)
    if decided is None and screening.level == RiskLevel.BLOCKED:
        return (
            "Refused. The writer is asked to change it, with the reason: "
            f"{screening.blocked_reason}"
        )
    if decided is None:
        return (
            "Not saved yet: the writer is shown the personal information below and asked to "
            "remove it. If they post anyway, it is held for a moderator with a case "
            "(personal data)."
        )
    kind, reasons = decided
    if kind == OutcomeKind.CRISIS:
        return (
            "Held for a moderator with a top-priority crisis case; the writer sees the caring "
            "page with the crisis resources at once."
        )
    if CaseReason.CONCERN_LANGUAGE in reasons:
        return "Published, with a high-priority concern case for a moderator to read."
    if CaseReason.BULLYING_RECEIVED in reasons:
        return (
            "Published, with a case for a moderator: the writer quotes bullying aimed at "
            "them, so it is never refused."
        )
    return (
        "Published. (Pre-moderation may still hold it: a new member's first posts, a "
        'pre-moderated board, or "moderate everything".)'
    )


@admin.register(WatchedPhrase)
class WatchedPhraseAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["phrase", "level", "is_active", "has_exceptions", "reason", "updated_at"]
    list_filter = ["level", "is_active"]
    list_editable = ["is_active"]
    search_fields = ["phrase", "exceptions", "reason"]

    @admin.display(boolean=True, description="exceptions")
    def has_exceptions(self, phrase):
        return bool(phrase.exceptions.strip())

    def get_urls(self):
        try_page = path(
            "try/",
            self.admin_site.admin_view(self.try_screening_view),
            name="moderation_watchedphrase_try",
        )
        precision_page = path(
            "screening-precision/",
            self.admin_site.admin_view(self.precision_view),
            name="moderation_watchedphrase_precision",
        )
        return [try_page, precision_page, *super().get_urls()]

    def try_screening_view(self, request):
        """Staff who may view the watched phrases (the admin admits staff only)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = TryScreeningForm(request.POST or None)
        screening = screen_text(form.cleaned_data["text"]) if form.is_valid() else None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Try the screening",
            "form": form,
            "screening": screening,
            "outcome": describe_outcome(screening) if screening else "",
        }
        return TemplateResponse(
            request, "admin/moderation/watchedphrase/try_screening.html", context
        )

    def precision_view(self, request):
        """How often moderators confirmed what each rule, watched phrase and the model
        raised: staff who may view the watched phrases, as for the try page."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "How often the screening was right",
            "days": verdicts.DAYS,
            "rows": verdicts.screening_precision(),
        }
        return TemplateResponse(
            request, "admin/moderation/watchedphrase/screening_precision.html", context
        )
