"""The statistics store: sources, releases (one per imported file) and observations.

An observation is one published figure: a source's count of a measure, for one period, one
place and one breakdown. Figures are never deleted or edited in place. A later release that
gives a different figure for the same cell adds a new row that points at the one it revised,
and only the newest row of a cell is ``is_current``. See docs/decisions/0002-statistics-store.md.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyQuerySet(models.QuerySet):
    """Statistics are kept for good: rows may be added and flagged, never deleted."""

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("Statistics are never deleted; import a correcting release.")


class Source(models.Model):
    """Who publishes a series of figures, and how far they may travel."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("Official statistics")
        SYNTHETIC = "synthetic", _("Synthetic demonstration data")
        LOCAL = "local", _("Local figures from an office")
        HELPLINE = "helpline", _("Helpline figures")

    slug = models.SlugField(unique=True, max_length=80)
    name = models.CharField(_("name"), max_length=200)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    protected = models.BooleanField(
        _("protected"), default=False,
        help_text=_("True for office uploads, helpline figures and anything derived from "
                    "private data; false for published official statistics."),
    )
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    owner_area = models.ForeignKey(
        "areas.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text=_("For an office's own local figures: the office's area."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def synthetic(self) -> bool:
        return self.kind == self.Kind.SYNTHETIC


class Release(models.Model):
    """One imported file: every observation it brought, and what it did to the store."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        PRIVATE = "private", _("Private to the office and coordinators")

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="releases")
    title = models.CharField(_("title"), max_length=300)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, unique=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="statistics_releases",
    )
    imported_at = models.DateTimeField(default=timezone.now)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    owner_area = models.ForeignKey(
        "areas.Area", null=True, blank=True, on_delete=models.PROTECT,
        related_name="statistics_releases",
        help_text=_("The office a private release belongs to."),
    )
    synthetic = models.BooleanField(_("synthetic"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    added = models.PositiveIntegerField(default=0)
    superseded = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-imported_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(visibility="public") | Q(visibility="private"),
                name="release_visibility_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("localpicture:release", args=[self.pk])

    @property
    def is_private(self) -> bool:
        return self.visibility == self.Visibility.PRIVATE


class Observation(models.Model):
    """One figure of one release for one cell (source, geography, period, measure, breakdown)."""

    class Grain(models.TextChoices):
        YEAR = "year", _("Year")
        QUARTER = "quarter", _("Quarter")
        MONTH = "month", _("Month")

    class Flag(models.TextChoices):
        NONE = "", _("No flag")
        SUPPRESSED = "suppressed", _("Suppressed")
        NOT_AVAILABLE = "not_available", _("Not available")

    # A fact table loaded in bulk: its foreign keys carry no database constraint, because
    # PostgreSQL checks such a constraint row by row and that halves import speed. The
    # importer is the only writer and takes every id from a row it has just read or made, in
    # the same transaction; Django's PROTECT still refuses to delete a referenced row.
    # See docs/decisions/0002-statistics-store.md.
    release = models.ForeignKey(Release, on_delete=models.PROTECT, related_name="observations",
                                db_constraint=False)
    # Copied from the release so that the current-cell constraint can name it; that
    # constraint's index starts with it, so it needs no index of its own.
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="observations",
                               db_constraint=False, db_index=False)
    period = models.CharField(_("period"), max_length=7)
    grain = models.CharField(_("grain"), max_length=7, choices=Grain.choices)
    period_start = models.DateField(_("start of the period"))
    area = models.ForeignKey(
        "areas.Area", null=True, blank=True, on_delete=models.PROTECT,
        related_name="observations", db_index=False,  # obs_area_measure starts with it
        db_constraint=False,
    )
    geography = models.CharField(
        _("geography"), max_length=80,
        help_text=_("The area's slug, or uk, england-and-wales, england, wales."),
    )
    measure = models.CharField(_("measure"), max_length=40)
    breakdown = models.CharField(
        _("breakdown"), max_length=255, blank=True,
        help_text=_("dimension=value pairs sorted by dimension and joined by ';'; empty for "
                    "the total."),
    )
    value = models.PositiveIntegerField(_("value"), null=True, blank=True)
    flag = models.CharField(_("flag"), max_length=16, choices=Flag.choices, blank=True)
    synthetic = models.BooleanField(_("synthetic"), default=False)
    is_current = models.BooleanField(_("current"), default=True)
    # Always an earlier row of the same table: pages follow it forwards ("revised from
    # 412"), so it needs no index.
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="revisions",
        help_text=_("The figure this one revised."), db_constraint=False, db_index=False,
    )

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "geography", "period_start", "breakdown"]
        indexes = [
            models.Index(fields=["measure", "geography", "period"], name="obs_measure_geo_period"),
            models.Index(fields=["area", "measure"], name="obs_area_measure"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "geography", "period", "measure", "breakdown"],
                condition=Q(is_current=True),
                name="obs_one_current_per_cell",
            ),
            models.CheckConstraint(
                condition=(Q(value__isnull=False) & Q(flag=""))
                | (Q(value__isnull=True) & Q(flag__in=["suppressed", "not_available"])),
                name="obs_value_or_flag",
            ),
            models.CheckConstraint(
                condition=Q(grain__in=["year", "quarter", "month"]), name="obs_grain_valid"
            ),
        ]

    def __str__(self) -> str:
        shown: Any = self.value if self.value is not None else self.flag
        where = f" [{self.breakdown}]" if self.breakdown else ""
        return f"{self.measure} {self.geography} {self.period}{where}: {shown}"

    @property
    def cell(self) -> tuple[int, str, str, str, str]:
        return (self.source_id, self.geography, self.period, self.measure, self.breakdown)

    @property
    def breakdown_pairs(self) -> dict[str, str]:
        """The breakdown as a dict, e.g. ``{"age_group": "child"}``; empty for the total."""
        if not self.breakdown:
            return {}
        return dict(pair.split("=", 1) for pair in self.breakdown.split(";"))


class ImportJob(models.Model):
    """An upload being imported in the background, so its page can show progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        REJECTED = "rejected", _("Rejected")
        FAILED = "failed", _("Failed")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="statistics_uploads"
    )
    created_at = models.DateTimeField(default=timezone.now)
    upload = models.FileField(upload_to="statistics-uploads/%Y/%m/")
    file_name = models.CharField(max_length=255)
    options = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows_read = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    release = models.ForeignKey(
        Release, null=True, blank=True, on_delete=models.PROTECT, related_name="import_jobs"
    )
    result = models.JSONField(default=dict, blank=True)
    message = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("localpicture:upload-status", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.REJECTED, self.Status.FAILED)
