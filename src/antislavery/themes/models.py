"""The codebook in the database, and the coding of passages of responses.

A machine suggestion and a person's decision are separate rows: suggestions stay on record
with the model version that made them, and a changed decision supersedes the old one
rather than overwriting it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CodebookEntry(models.Model):
    """A theme, or a value of a facet. Built-in entries come from the packaged codebook."""

    class Kind(models.TextChoices):
        THEME = "theme", _("Theme")
        FACET_VALUE = "facet_value", _("Facet value")

    class Group(models.TextChoices):
        RESPONSE = "response", _("Responses")
        CHALLENGE = "challenge", _("Challenges")
        FUTURE = "future", _("Continuous improvement")

    kind = models.CharField(max_length=12, choices=Kind.choices)
    facet = models.CharField(max_length=30, blank=True,
                             help_text=_("For a facet value: the facet it belongs to."))
    code = models.CharField(_("code"), max_length=40)
    label = models.CharField(_("label"), max_length=120)
    definition = models.TextField(_("definition"))
    group = models.CharField(_("group"), max_length=12, choices=Group.choices, blank=True)
    position = models.PositiveIntegerField(default=0)
    builtin = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "facet", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["facet", "code"], name="codebook_code_unique"),
            models.CheckConstraint(
                condition=(models.Q(kind="theme", facet="") & ~models.Q(group=""))
                | (models.Q(kind="facet_value") & ~models.Q(facet="")),
                name="codebook_theme_has_group_value_has_facet",
            ),
        ]
        verbose_name_plural = "codebook entries"

    def __str__(self) -> str:
        return f"{self.label} ({self.label_key})"

    def get_absolute_url(self) -> str:
        return reverse("themes:codebook") + f"#code-{self.label_key.replace(':', '-')}"

    @property
    def label_key(self) -> str:
        """How the engine names it: the code, or "facet:value"."""
        return self.code if self.kind == self.Kind.THEME else f"{self.facet}:{self.code}"
