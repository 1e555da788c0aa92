from django import forms
from django.contrib import admin
from django.db import models

from moderation.admin_audit import AuditedAdminMixin

from .models import VERIFY_EVERY, CrisisResource, GuidePage


class NeedsVerificationFilter(admin.SimpleListFilter):
    title = "verification"
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        days = VERIFY_EVERY.days
        return [
            ("overdue", f"Not verified in {days} days"),
            ("current", f"Verified in {days} days"),
        ]

    def queryset(self, request, queryset):
        overdue = queryset.needing_verification()
        if self.value() == "overdue":
            return overdue
        if self.value() == "current":
            return queryset.exclude(pk__in=overdue.values("pk"))
        return queryset


class CrisisResourceRowForm(forms.ModelForm):
    """The list's editable cells have no visible label of their own: name each one after
    its resource, so a screen reader says which row it is changing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = self.instance.name
        self.fields["order"].widget.attrs["aria-label"] = f"Order of {name}"
        self.fields["is_active"].widget.attrs["aria-label"] = f"{name} is active"


@admin.register(CrisisResource)
class CrisisResourceAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "region",
        "phone",
        "sms_number",
        "hours",
        "order",
        "is_active",
        "last_verified",
        "verification_due",
    ]
    list_filter = [NeedsVerificationFilter, "region", "is_active", "is_emergency", "always_open"]
    list_editable = ["order", "is_active"]
    search_fields = ["name", "description"]
    # A web link typed without its scheme ("www.samaritans.org") is taken as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "description", "region", "audience"]}),
        ("When it is open", {"fields": ["hours", "always_open"]}),
        (
            "How to reach it",
            {"fields": ["phone", "sms_number", "sms_keyword", "email", "web_url", "web_label"]},
        ),
        ("Emergency line", {"fields": ["is_emergency", "after_number"]}),
        ("Display", {"fields": ["order", "is_active", "last_verified"]}),
    ]

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, form=CrisisResourceRowForm, **kwargs)

    @admin.display(boolean=True, description="needs checking")
    def verification_due(self, resource):
        return resource.needs_verification


@admin.register(GuidePage)
class GuidePageAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "slug", "updated_at"]
    readonly_fields = ["slug", "updated_at"]
