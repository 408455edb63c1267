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

from .engine.segment import HEADING_SEPARATOR


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


class Passage(models.Model):
    """One paragraph or bullet of a submitted response's answer or attached document."""

    class SourceKind(models.TextChoices):
        ANSWER = "answer", _("Answer")
        ATTACHMENT = "attachment", _("Attached document")

    response = models.ForeignKey("returns.Response", on_delete=models.PROTECT,
                                 related_name="passages")
    version = models.ForeignKey("returns.ResponseVersion", on_delete=models.PROTECT,
                                related_name="+",
                                help_text=_("The submitted version the passage comes from."))
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    source_kind = models.CharField(max_length=12, choices=SourceKind.choices)
    source_id = models.CharField(max_length=40)
    source_label = models.CharField(max_length=300)
    source_url = models.CharField(max_length=400, blank=True)
    position = models.PositiveIntegerField(help_text=_("Order within its source."))
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    heading = models.CharField(max_length=300, blank=True)
    text = models.TextField()
    suggested_with = models.CharField(
        max_length=32, blank=True, help_text=_("The model version that last suggested codes."))
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["response", "source_kind", "source_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "source_kind", "source_id", "position"],
                                    name="passage_unique_in_source"),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")),
                                   name="passage_span_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.area}: {self.source_label} \u00b6{self.position + 1}"

    def get_absolute_url(self) -> str:
        return reverse("themes:passage", args=[self.pk])

    @property
    def full_text(self) -> str:
        return f"{self.heading}\n{self.text}" if self.heading else self.text

    @property
    def quoted_text(self) -> str:
        """The words a report quotes: the text, led by a lead-in that introduces it
        ("Support is tailored to each person:") but not by a section heading."""
        lead_in = self.heading.split(HEADING_SEPARATOR)[-1]
        return f"{lead_in} {self.text}" if lead_in.rstrip().endswith(":") else self.text


class Suggestion(models.Model):
    """What the machine suggested for a passage, kept on record with its model version."""

    passage = models.ForeignKey(Passage, on_delete=models.PROTECT, related_name="suggestions")
    label = models.CharField(max_length=80, help_text=_("A theme code, or facet:value."))
    confidence = models.FloatField()
    model_confidence = models.FloatField()
    reason = models.TextField(help_text=_("The reason in English, as it was given."))
    phrases = models.JSONField(default=list)
    rule_reasons = models.JSONField(
        default=list, help_text=_("The reasons of the rules that found the phrases."))
    similar = models.JSONField(default=list, help_text=_("Coded passages it resembles."))
    model_version = models.CharField(max_length=32)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["passage", "-confidence", "label"]
        constraints = [models.UniqueConstraint(fields=["passage", "label", "model_version"],
                                               name="suggestion_once_per_model")]

    def __str__(self) -> str:
        return f"{self.label} ({self.confidence:.2f})"


class Coding(models.Model):
    """A person's coding of a passage; a second round lets two people code independently."""

    class Round(models.IntegerChoices):
        FIRST = 1, _("First coder")
        SECOND = 2, _("Second coder")

    passage = models.ForeignKey(Passage, on_delete=models.PROTECT, related_name="codings")
    round = models.PositiveSmallIntegerField(choices=Round.choices, default=Round.FIRST)
    coder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+")
    coded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["passage", "round"]
        constraints = [models.UniqueConstraint(fields=["passage", "round"],
                                               name="coding_once_per_round")]

    def __str__(self) -> str:
        return f"{self.passage} ({self.get_round_display()})"


class Decision(models.Model):
    """A person's decision on one code for a passage. A change supersedes, never overwrites."""

    class Verdict(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted the suggestion")
        REJECTED = "rejected", _("Rejected the suggestion")
        ADDED = "added", _("Added")

    coding = models.ForeignKey(Coding, on_delete=models.PROTECT, related_name="decisions")
    label = models.CharField(max_length=80)
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    suggestion = models.ForeignKey(Suggestion, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="decisions")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["coding", "label", "decided_at"]
        constraints = [models.UniqueConstraint(
            fields=["coding", "label"], condition=models.Q(superseded_at__isnull=True),
            name="one_current_decision_per_code")]

    def __str__(self) -> str:
        return f"{self.label}: {self.verdict}"

    @property
    def gives_code(self) -> bool:
        return self.verdict in (self.Verdict.ACCEPTED, self.Verdict.ADDED)
