"""Police force areas, the organisations that act for them, and named sets of areas."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Area(models.Model):
    class Country(models.TextChoices):
        ENGLAND = "England", _("England")
        WALES = "Wales", _("Wales")
        SCOTLAND = "Scotland", _("Scotland")
        NORTHERN_IRELAND = "Northern Ireland", _("Northern Ireland")
        GREAT_BRITAIN = "Great Britain", _("Great Britain")

    class Governance(models.TextChoices):
        PCC = "pcc", _("Police and Crime Commissioner")
        PFCC = "pfcc", _("Police, Fire and Crime Commissioner")
        MAYOR = "mayor", _("Mayor, through a deputy mayor for policing")
        POLICE_AUTHORITY = "police_authority", _("Police authority or other body")

    slug = models.SlugField(unique=True)
    code = models.CharField(_("ONS code"), max_length=9, blank=True)
    name = models.CharField(_("name"), max_length=100)
    force_name = models.CharField(_("police force"), max_length=150)
    country = models.CharField(_("country"), max_length=20, choices=Country.choices)
    region = models.CharField(_("region"), max_length=50)
    territorial = models.BooleanField(
        _("territorial area of England and Wales"), default=True
    )
    governance = models.CharField(_("governance"), max_length=20, choices=Governance.choices)
    governance_note = models.TextField(_("governance note"), blank=True)
    has_vru = models.BooleanField(_("Violence Reduction Unit"), default=False)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(null=True, blank=True)
    sources = models.TextField(_("sources"), blank=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~models.Q(code=""), name="area_code_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("areas:detail", args=[self.slug])

    @property
    def source_list(self) -> list[str]:
        return [source for source in self.sources.split(";") if source.strip()]


class AreaAlias(models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(max_length=150)

    class Meta:
        ordering = ["text"]
        constraints = [
            models.UniqueConstraint(fields=["area", "text"], name="area_alias_unique")
        ]

    def __str__(self) -> str:
        return self.text


class Organisation(models.Model):
    class Kind(models.TextChoices):
        OFFICE = "office", _("Commissioner's office")
        NATIONAL = "national", _("National body")
        OPERATOR = "operator", _("Operator")

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    area = models.OneToOneField(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="office"
    )
    holder_name = models.CharField(
        _("commissioner's name"), max_length=150, blank=True,
        help_text=_("The person who holds the office, as letters should address them."),
    )
    holder_title = models.CharField(
        _("commissioner's title"), max_length=150, blank=True,
        help_text=_("For example: Police and Crime Commissioner for Cumbria."),
    )
    contact_emails = models.TextField(
        _("contact email addresses"), blank=True,
        help_text=_("One address per line. Reminders and letters go to these addresses."),
    )
    website = models.URLField(_("website"), blank=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="office") | models.Q(area__isnull=False),
                name="office_has_area",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def emails(self) -> list[str]:
        return [line.strip() for line in self.contact_emails.splitlines() if line.strip()]


class PeerGroup(models.Model):
    class Kind(models.TextChoices):
        PRESET = "preset", _("Preset")
        CUSTOM = "custom", _("Made by a user")

    slug = models.SlugField(unique=True, max_length=80)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CUSTOM)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="peer_groups",
    )
    areas = models.ManyToManyField(Area, related_name="peer_groups")
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("areas:peer-group", args=[self.slug])
