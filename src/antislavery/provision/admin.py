"""Provision in Django's admin: for looking, not changing. Changes go through the services so
that every one of them is a version and an audit entry."""

from django.contrib import admin
from django.http import HttpRequest

from .models import Entry, EntryVersion


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class VersionInline(admin.TabularInline):
    model = EntryVersion
    fields = ["number", "action", "created_by_label", "created_at", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Entry)
class EntryAdmin(ReadOnlyAdmin):
    list_display = ["title", "area", "kind", "status", "evaluation", "public", "draft", "demo",
                    "withdrawn_at"]
    list_filter = ["status", "evaluation", "public", "draft", "demo", "kind"]
    search_fields = ["title", "summary", "provider", "area__name"]
    inlines = [VersionInline]


@admin.register(EntryVersion)
class EntryVersionAdmin(ReadOnlyAdmin):
    list_display = ["entry", "number", "action", "created_by_label", "created_at"]
    list_filter = ["action"]
