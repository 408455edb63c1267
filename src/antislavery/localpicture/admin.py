"""The statistics store in Django's admin: to look, not to change.

Figures change only through imports (``antislavery import-stats`` or the upload page), which
check them, keep every revision and write the audit log.
"""

from django.contrib import admin

from .models import ImportJob, Observation, Release, Source


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Source)
class SourceAdmin(ReadOnlyAdmin):
    list_display = ["name", "slug", "kind", "publisher", "protected"]
    list_filter = ["kind", "protected"]
    search_fields = ["name", "slug", "publisher"]


@admin.register(Release)
class ReleaseAdmin(ReadOnlyAdmin):
    list_display = ["title", "source", "published_on", "imported_at", "visibility",
                    "synthetic", "added", "superseded", "unchanged"]
    list_filter = ["source", "visibility", "synthetic"]
    search_fields = ["title", "file_name", "sha256"]


@admin.register(Observation)
class ObservationAdmin(ReadOnlyAdmin):
    list_display = ["measure", "geography", "period", "breakdown", "value", "flag",
                    "is_current", "synthetic", "release"]
    list_filter = ["measure", "grain", "is_current", "synthetic", "flag", "source"]
    search_fields = ["geography", "breakdown", "period"]
    list_select_related = ["release"]
    show_full_result_count = False


@admin.register(ImportJob)
class ImportJobAdmin(ReadOnlyAdmin):
    list_display = ["file_name", "created_by", "created_at", "status", "rows_read",
                    "rows_total", "release"]
    list_filter = ["status"]
