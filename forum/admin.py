from django.contrib import admin

from moderation.admin_audit import AuditedAdminMixin

from .models import Board


@admin.register(Board)
class BoardAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "order", "is_premoderated", "is_locked"]
    list_editable = ["order", "is_premoderated", "is_locked"]
    prepopulated_fields = {"slug": ["name"]}
