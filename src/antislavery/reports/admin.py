"""The operator's view of collated reports (read-only; the report pages change them)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import CollatedReport, ReportItem


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CollatedReport)
class CollatedReportAdmin(ReadOnlyAdmin):
    list_display = ["title", "request", "state", "is_demo", "modified_at"]
    list_filter = ["state", "is_demo"]


@admin.register(ReportItem)
class ReportItemAdmin(ReadOnlyAdmin):
    list_display = ["report", "theme", "passage", "position", "removed_at"]
    list_filter = ["theme"]
