"""Admin changes go into the audit log like every moderation action (issue 4: crisis
resources, watched phrases, boards, roles; issue 14: the guide pages, whose words are
the site's promises). One mixin, so every audited ModelAdmin records the same way."""

import datetime

from django.contrib import admin
from django.db import models, transaction

from .audit import record
from .models import ActionKind


def _plain(value):
    """A value as JSON the log can keep."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, models.QuerySet | list | tuple | set):
        return sorted(str(item) for item in value)
    return str(value)


class AuditedAdminMixin:
    """Writes one ADMIN_CHANGE row for each add, change and delete made in the admin.

    `audited_fields` limits what is logged (a member's roles, never a password);
    left as None, every editable field is."""

    audited_fields = None

    def _audited(self, names):
        if self.audited_fields is not None:
            return [name for name in names if name in self.audited_fields]
        return [name for name in names if "password" not in name]

    def _snapshot(self, obj):
        fields = [
            *[field for field in obj._meta.concrete_fields if field.editable],
            *obj._meta.many_to_many,
        ]
        names = self._audited([field.name for field in fields if not field.primary_key])
        values = {}
        for name in names:
            field = obj._meta.get_field(name)
            value = getattr(obj, name).all() if field.many_to_many else getattr(obj, name)
            values[name] = _plain(value)
        return values

    def _record(self, request, obj, reason, before, after):
        record(
            actor=request.user,
            action=ActionKind.ADMIN_CHANGE,
            target=obj,
            reason=reason,
            before=before,
            after=after,
            member=obj if obj._meta.label == request.user._meta.label else None,
        )

    def save_related(self, request, form, formsets, change):
        # Called after save_model, also for list_editable rows, with many-to-many
        # fields saved: the one place that sees the whole change.
        super().save_related(request, form, formsets, change)
        changed = self._audited(form.changed_data)
        if change and not changed:
            return
        self._record(
            request,
            form.instance,
            "changed in the admin" if change else "added in the admin",
            {name: _plain(form.initial.get(name)) for name in changed} if change else {},
            {name: _plain(form.cleaned_data.get(name)) for name in changed},
        )

    def delete_model(self, request, obj):
        self._record(request, obj, "deleted in the admin", self._snapshot(obj), {})
        super().delete_model(request, obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._record(request, obj, "deleted in the admin", self._snapshot(obj), {})
        super().delete_queryset(request, queryset)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Seen in the admin, changed only by the site's own services, if at all."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
