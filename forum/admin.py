from django.contrib import admin

from .models import Board


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "is_premoderated", "is_locked"]
    list_editable = ["order", "is_premoderated", "is_locked"]
    prepopulated_fields = {"slug": ["name"]}
