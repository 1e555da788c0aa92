from django.contrib import admin

from moderation.admin_audit import AuditedAdminMixin

from . import services
from .models import Board, Circle


@admin.register(Board)
class BoardAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "order", "is_premoderated", "is_locked"]
    list_editable = ["order", "is_premoderated", "is_locked"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Circle)
class CircleAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Admins create circles and name them; the moderators' page assigns a moderator,
    opens and closes them (moderation/views/circles.py), where the rules are checked."""

    list_display = ["name", "moderator", "is_open", "created_at"]
    fields = ["name", "theme", "moderator", "is_open"]
    readonly_fields = ["moderator", "is_open"]

    def save_model(self, request, obj, form, change):
        if change:
            services.rename_circle(circle=obj, name=obj.name, theme=obj.theme)
            return
        circle = services.create_circle(name=obj.name, theme=obj.theme)
        obj.pk, obj.board, obj.created_at = circle.pk, circle.board, circle.created_at

    def has_delete_permission(self, request, obj=None):
        # Closing a circle keeps its threads; deleting it would leave its board public.
        return False
