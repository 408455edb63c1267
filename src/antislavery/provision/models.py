"""Provision entries: what an area has or plans for victims, with every version kept."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import codes

# Fields whose values make up a version of an entry (everything a person decides).
VERSIONED_FIELDS = (
    "area", "areas", "title", "summary", "kind", "themes", "nrm_stages", "victim_groups",
    "exploitation", "languages", "provider", "funder", "funding_source", "start", "end",
    "status", "evaluation", "evaluation_url", "contact", "public", "draft", "source_label",
    "source_url", "withdrawn_at", "withdrawn_reason",
)

# The list fields and the codebook facet each one's codes come from.
CODED_LISTS = {
    "themes": codes.THEME,
    "nrm_stages": codes.STAGE,
    "victim_groups": codes.GROUP,
    "exploitation": codes.EXPLOITATION,
}


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("Versions of an entry cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("Versions of an entry cannot be deleted.")


class EntryQuerySet(models.QuerySet["Entry"]):
    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("Provision entries are ended or withdrawn, never deleted.")

    def current(self) -> EntryQuerySet:
        return self.filter(withdrawn_at__isnull=True)

    def published(self) -> EntryQuerySet:
        """What the public may see: public, complete, not withdrawn."""
        return self.current().filter(public=True, draft=False)

    def counting(self) -> EntryQuerySet:
        """Entries that count as provision: running or pilot, complete, not withdrawn."""
        return self.current().filter(status__in=Entry.COUNTING_STATUSES, draft=False)

    def covering(self, area: Any) -> EntryQuerySet:
        return self.filter(areas=area)

    def with_code(self, facet: str, code: str) -> EntryQuerySet:
        return self.filter(code_index__contains=Entry.index_token(facet, code))


class Entry(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        PILOT = "pilot", _("Pilot")
        RUNNING = "running", _("Running")
        ENDED = "ended", _("Ended")

    class Evaluation(models.TextChoices):
        NONE = "none", _("None")
        PLANNED = "planned", _("Planned")
        INTERNAL = "internal", _("Internal review")
        INDEPENDENT = "independent", _("Independent evaluation")
        PUBLISHED = "published", _("Independent evaluation, results published")

    COUNTING_STATUSES = (Status.PILOT, Status.RUNNING)

    area = models.ForeignKey(
        "areas.Area", on_delete=models.PROTECT, related_name="provision_entries",
        verbose_name=_("lead area"),
        help_text=_("The area whose office keeps the entry."),
    )
    areas = models.ManyToManyField(
        "areas.Area", related_name="provision_covering", verbose_name=_("areas covered"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    kind = models.CharField(_("kind"), max_length=40)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    nrm_stages = models.JSONField(_("NRM stages covered"), default=list, blank=True)
    victim_groups = models.JSONField(_("victim groups"), default=list, blank=True)
    exploitation = models.JSONField(_("exploitation types"), default=list, blank=True)
    languages = models.JSONField(_("languages offered"), default=list, blank=True)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    funding_source = models.CharField(_("funding source"), max_length=200, blank=True)
    start = models.DateField(_("start date"), null=True, blank=True)
    end = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    evaluation = models.CharField(_("evaluation"), max_length=12, choices=Evaluation.choices,
                                  default=Evaluation.NONE)
    evaluation_url = models.URLField(_("link to the evaluation"), max_length=500, blank=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    public = models.BooleanField(_("public"), default=False)
    draft = models.BooleanField(
        _("draft"), default=False,
        help_text=_("Made from a passage and not yet checked by the area's office."),
    )
    source_label = models.CharField(_("source"), max_length=300, blank=True)
    source_url = models.CharField(_("link to the source"), max_length=500, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    demo = models.BooleanField(_("demonstration content"), default=False)
    demo_key = models.CharField(max_length=80, blank=True, editable=False)
    # " facet:code facet:code " for portable filtering (SQLite has no JSON containment).
    code_index = models.TextField(blank=True, editable=False)
    version_number = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["area__name", "title", "pk"]
        verbose_name_plural = _("entries")
        constraints = [
            models.UniqueConstraint(fields=["demo_key"], condition=~models.Q(demo_key=""),
                                    name="provision_entry_demo_key_unique"),
            models.CheckConstraint(
                condition=~models.Q(evaluation="published") | ~models.Q(evaluation_url=""),
                name="provision_published_evaluation_has_link",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.code_index = self.build_code_index()
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "code_index"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("provision:entry", args=[self.pk])

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("Provision entries are ended or withdrawn, never deleted.")

    @staticmethod
    def index_token(facet: str, code: str) -> str:
        return f" {facet}:{code} "

    def build_code_index(self) -> str:
        tokens = [f"{codes.KIND}:{self.kind}"]
        for field_name, facet in CODED_LISTS.items():
            tokens += [f"{facet}:{code}" for code in getattr(self, field_name)]
        return " " + " ".join(tokens) + " "

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def is_published(self) -> bool:
        return self.public and not self.draft and not self.is_withdrawn

    @property
    def counts_as_provision(self) -> bool:
        return self.status in self.COUNTING_STATUSES and not self.draft and not self.is_withdrawn

    @property
    def status_tag_classes(self) -> str:
        return {"running": "govuk-tag--green", "pilot": "govuk-tag--turquoise",
                "planned": "govuk-tag--blue"}.get(self.status, "govuk-tag--grey")

    @property
    def kind_label(self) -> str:
        return codes.label(codes.KIND, self.kind)

    def facet_labels(self, field_name: str) -> list[str]:
        return codes.labels(CODED_LISTS[field_name], getattr(self, field_name))

    @property
    def stage_labels(self) -> list[str]:
        return self.facet_labels("nrm_stages")

    @property
    def short_stage_labels(self) -> list[str]:
        return [codes.short_label(codes.STAGE, code) for code in self.nrm_stages]

    @property
    def short_kind_label(self) -> str:
        return codes.short_label(codes.KIND, self.kind)


class EntryVersion(models.Model):
    """One saved state of an entry, with every versioned field's value. Never changed."""

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        CHANGE = "change", _("Changed")
        IMPORT = "import", _("Imported")
        DRAFT = "draft", _("Drafted from a passage")
        END = "end", _("Ended")
        WITHDRAW = "withdraw", _("Withdrawn")

    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    action = models.CharField(max_length=10, choices=Action.choices)
    data = models.JSONField()
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    created_by_label = models.CharField(max_length=150)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        ordering = ["entry", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"],
                                    name="provision_version_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("Versions of an entry cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("Versions of an entry cannot be deleted.")
