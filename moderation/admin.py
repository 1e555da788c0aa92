from django.contrib import admin

from . import admin_screening  # noqa: F401  (registers WatchedPhrase and "Try the screening")
from .admin_audit import AuditedAdminMixin, ReadOnlyAdmin
from .forms import ShiftAdminForm
from .models import (
    Appeal,
    Case,
    Flag,
    MessageTemplate,
    ModerationAction,
    ModerationSettings,
    Sanction,
    Shift,
    ShiftNote,
    StaffNote,
)

# The moderation records are changed only by the site's services, each with its audit
# row; the admin shows them. The audit log itself nobody changes (a trigger enforces it).


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "actor", "action", "target_type", "target_repr", "member"]
    list_filter = ["action"]
    list_select_related = ["actor", "member"]
    search_fields = ["actor__username", "member__username", "target_repr"]
    date_hierarchy = "created_at"


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ["pk", "priority", "status", "opened_at", "decided_by", "decision"]
    list_filter = ["status", "priority", "is_escalated", "screening_verdict"]
    list_select_related = ["decided_by"]


@admin.register(Flag)
class FlagAdmin(ReadOnlyAdmin):
    list_display = ["pk", "post", "member", "reason", "is_open", "created_at"]
    list_select_related = ["post", "member"]
    list_filter = ["reason", "is_open"]
    exclude = ["address_hash", "device_hash"]


@admin.register(Sanction)
class SanctionAdmin(ReadOnlyAdmin):
    list_display = ["member", "kind", "until", "created_by", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["member", "created_by"]


@admin.register(StaffNote)
class StaffNoteAdmin(ReadOnlyAdmin):
    list_display = ["member", "author", "created_at"]
    list_select_related = ["member", "author"]


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin):
    list_display = ["member", "decision", "case", "created_at"]
    list_select_related = ["member", "decision", "case"]


@admin.register(MessageTemplate)
class MessageTemplateAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["key", "title"]
    search_fields = ["key", "title", "body"]


@admin.register(ModerationSettings)
class ModerationSettingsAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "moderate_everything", "hours_description"]

    def has_add_permission(self, request):
        # One row of settings (ModerationSettings.current()).
        return not ModerationSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Shift)
class ShiftAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """The rota: what "on shift now" and "a moderator will next look" are read from."""

    form = ShiftAdminForm
    list_display = ["start", "end", "moderator", "note"]
    list_filter = [("moderator", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["moderator"]
    ordering = ["start"]
    date_hierarchy = "start"


@admin.register(ShiftNote)
class ShiftNoteAdmin(ReadOnlyAdmin):
    # The text is for the leads, who read it on their page; admins see that notes exist.
    list_display = ["__str__", "author", "created_at"]
    list_select_related = ["author"]
    exclude = ["text"]
