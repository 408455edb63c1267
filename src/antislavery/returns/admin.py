"""The operator's view of requests and responses. Versions and attachments are read-only here,
and nothing can be deleted: services are the only way to change state."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Attachment, Question, QuestionSet, Request, Response, ResponseVersion


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    can_delete = False
    readonly_fields = ["key", "position", "title", "kind", "options", "allow_several",
                       "required"]
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Request)
class RequestAdmin(ReadOnlyAdmin):
    list_display = ["title", "slug", "issuing_body", "state", "opens_on", "due_on", "is_demo"]
    list_filter = ["state", "issuing_body", "is_demo"]
    search_fields = ["title", "slug"]


@admin.register(QuestionSet)
class QuestionSetAdmin(ReadOnlyAdmin):
    list_display = ["request", "number", "created_at"]
    inlines = [QuestionInline]


@admin.register(Response)
class ResponseAdmin(ReadOnlyAdmin):
    list_display = ["area", "request", "state", "version_number", "last_activity_at", "is_demo"]
    list_filter = ["state", "request", "is_demo"]
    search_fields = ["area__name", "request__title"]


@admin.register(ResponseVersion)
class ResponseVersionAdmin(ReadOnlyAdmin):
    list_display = ["response", "number", "kind", "state", "saved_by", "saved_at"]
    list_filter = ["kind", "state"]


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "response", "kind", "size", "role", "uploaded_at",
                    "removed_at"]
    list_filter = ["kind", "role"]
