from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from moderation.admin_audit import AuditedAdminMixin

from .models import User


@admin.register(User)
class MemberAdmin(AuditedAdminMixin, UserAdmin):
    # Roles are what the audit log must keep; the rest is the member's own business.
    audited_fields = ["groups", "is_staff", "is_superuser", "is_active", "on_call"]
    list_display = ["username", "email", "date_joined", "is_active", "is_staff"]
    search_fields = ["username", "email"]
    ordering = ["username"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Private", {"fields": ["email", "region", "age_confirmed_at", "guidelines_accepted_at"]}),
        ("Profile", {"fields": ["bio", "pending_bio"]}),
        ("Roles", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "on_call"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    # A bio waiting for a moderator is decided on its case, not here.
    readonly_fields = [
        "pending_bio",
        "age_confirmed_at",
        "guidelines_accepted_at",
        "last_login",
        "date_joined",
    ]
    add_fieldsets = [(None, {"fields": ["username", "email", "password1", "password2"]})]
    filter_horizontal = ["groups"]
