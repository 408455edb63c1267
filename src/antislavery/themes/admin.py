"""The operator's view of the codebook and of coding. Read-only: the pages and services are
the only way to change them, so that every change is checked and audited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import CodebookEntry, Coding, Decision, Passage, Suggestion


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CodebookEntry)
class CodebookEntryAdmin(ReadOnlyAdmin):
    list_display = ["code", "label", "kind", "facet", "group", "builtin"]
    list_filter = ["kind", "facet", "group", "builtin"]


@admin.register(Passage)
class PassageAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "area", "source_kind", "position", "suggested_with", "is_demo"]
    list_filter = ["source_kind", "is_demo"]
    search_fields = ["text", "area__name"]


@admin.register(Suggestion)
class SuggestionAdmin(ReadOnlyAdmin):
    list_display = ["passage", "label", "confidence", "model_version", "created_at"]
    list_filter = ["label", "model_version"]


@admin.register(Coding)
class CodingAdmin(ReadOnlyAdmin):
    list_display = ["passage", "round", "coder", "coded_at"]
    list_filter = ["round"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["coding", "label", "verdict", "decided_by", "decided_at", "superseded_at"]
    list_filter = ["verdict", "label"]
