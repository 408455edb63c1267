"""Users with one role each, and the audit log that records what they changed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICE_VIEWER = "office_viewer", _("Office viewer")
    OFFICE_EDITOR = "office_editor", _("Office editor")
    COORDINATOR = "coordinator", _("Coordinator")
    ADMINISTRATOR = "administrator", _("Administrator")


class ToolkitUserManager(UserManager["User"]):
    def create_superuser(self, username: str, email: str | None = None,
                         password: str | None = None, **extra_fields: Any) -> User:
        """``antislavery createsuperuser`` makes an administrator (who needs no office)."""
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in. Signed-out visitors are the public and have no row here.

    The role decides everything: an administrator is also Django's staff and superuser (so
    the admin site opens), and no other role is.
    """

    role = models.CharField(_("role"), max_length=20, choices=Role.choices,
                            default=Role.OFFICE_VIEWER)
    organisation = models.ForeignKey(
        "areas.Organisation", null=True, blank=True, on_delete=models.PROTECT,
        related_name="members", verbose_name=_("organisation"),
    )

    class Meta:
        ordering = ["username"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role__in=["office_viewer", "office_editor"])
                | models.Q(organisation__isnull=False),
                name="office_staff_have_organisation",
                violation_error_message=_("Office viewers and editors need the office they "
                                          "work for: choose an organisation."),
            )
        ]

    objects = ToolkitUserManager()

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.is_staff = self.is_superuser = self.role == Role.ADMINISTRATOR
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "role" in update_fields:
            kwargs["update_fields"] = {*update_fields, "is_staff", "is_superuser"}
        super().save(*args, **kwargs)

    @property
    def area_id(self) -> int | None:
        organisation = self.organisation
        return organisation.area_id if organisation is not None else None


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("The audit log cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit log cannot be changed.")


class AuditEntry(models.Model):
    """Who did what to which object, when, with the values before and after. Append-only."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="audit_entries"
    )
    actor_label = models.CharField(max_length=150)
    action = models.CharField(max_length=60, db_index=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=255, blank=True)
    area = models.ForeignKey(
        "areas.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    note = models.TextField(blank=True)
    path = models.CharField(max_length=500, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("The audit log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit log cannot be changed.")

    @property
    def changed_fields(self) -> list[tuple[str, Any, Any]]:
        before = self.before if isinstance(self.before, dict) else {}
        after = self.after if isinstance(self.after, dict) else {}
        keys = sorted(set(before) | set(after))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]
