import re
from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import models
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from . import audit, permissions
from .models import AuditEntry, User


def _admin_site_permission(request: HttpRequest) -> bool:
    """The admin site is for administrators, as the permission module says."""
    return permissions.is_administrator(request.user)


admin.site.has_permission = _admin_site_permission  # type: ignore[method-assign]


def _action(obj: models.Model, verb: str) -> str:
    """``peer_group.update`` for a PeerGroup: the names the services use."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", obj._meta.object_name or "").lower() + "." + verb


def _stored(obj: models.Model) -> dict[str, Any] | None:
    """The object's values as the database holds them now (before a change is saved)."""
    if obj.pk is None:
        return None
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    return audit.snapshot(stored) if stored is not None else None


class AuditedAdmin(admin.ModelAdmin):
    """Changes made in Django's admin reach the audit log like any other, before and after.

    Django's admin saves the object, then its many-to-many fields and inlines, then calls
    ``log_addition``/``log_change`` inside the same transaction: that is where the entry is
    written, so the "after" values are complete.
    """

    audit_note = _("Changed in the admin site")

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        obj._audit_before = _stored(obj) if change else None
        super().save_model(request, obj, form, change)

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        audit.record(request.user, _action(obj, "create"), obj, after=audit.snapshot(obj),
                     note=str(self.audit_note))
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        audit.record(request.user, _action(obj, "update"), obj,
                     before=getattr(obj, "_audit_before", None), after=audit.snapshot(obj),
                     note=str(self.audit_note))
        return super().log_change(request, obj, message)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        audit.record(request.user, _action(obj, "delete"), obj, before=audit.snapshot(obj),
                     note=str(self.audit_note))
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        for obj in queryset:
            audit.record(request.user, _action(obj, "delete"), obj,
                         before=audit.snapshot(obj), note=str(self.audit_note))
        super().delete_queryset(request, queryset)

    def save_formset(self, request: HttpRequest, form: ModelForm, formset: BaseInlineFormSet,
                     change: bool) -> None:
        """Inline rows (an area's aliases) are audited one by one."""
        note = str(self.audit_note)
        befores = {f.instance.pk: _stored(f.instance) for f in formset.initial_forms
                   if f.instance.pk is not None}
        for deleted in formset.deleted_forms:
            if deleted.instance.pk is not None:
                audit.record(request.user, _action(deleted.instance, "delete"),
                             deleted.instance, before=befores.get(deleted.instance.pk),
                             note=note)
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            audit.record(request.user, _action(obj, "create"), obj,
                         after=audit.snapshot(obj), note=note)
        for obj, _fields in formset.changed_objects:
            audit.record(request.user, _action(obj, "update"), obj,
                         before=befores.get(obj.pk), after=audit.snapshot(obj), note=note)


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    # The role decides what someone may do (administrators are Django's staff and superusers,
    # see User.save), so the admin offers the role, not Django's flags and permissions.
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Role"), {"fields": ("role", "organisation", "is_active")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",),
                "fields": ("username", "email", "role", "organisation", "usable_password",
                           "password1", "password2")}),
    )
    list_display = ["username", "email", "role", "organisation", "is_active"]
    list_filter = ["role", "is_active", "organisation__kind"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_label", "action", "object_repr", "area"]
    list_filter = ["action"]
    search_fields = ["actor_label", "action", "object_repr"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
