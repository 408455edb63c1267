"""Collated reports: what a national body writes from the responses to one request.

A report item keeps its own copy of the words it quotes, so a coordinator can shorten or
reword an example without touching the response it came from.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CollatedReport(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    request = models.OneToOneField("returns.Request", on_delete=models.PROTECT,
                                   related_name="collated_report")
    title = models.CharField(_("title"), max_length=250)
    introduction = models.TextField(_("introduction"), blank=True)
    summary = models.TextField(_("executive summary"), blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    is_demo = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    modified_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:collated", args=[self.request.slug])


class ReportItem(models.Model):
    """A passage chosen as an example in one theme's section, in the coordinator's words."""

    report = models.ForeignKey(CollatedReport, on_delete=models.PROTECT, related_name="items")
    theme = models.CharField(max_length=40)
    passage = models.ForeignKey("themes.Passage", on_delete=models.PROTECT,
                                related_name="report_items")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField(_("wording in the report"))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["report", "theme", "position", "id"]
        constraints = [models.UniqueConstraint(
            fields=["report", "theme", "passage"], condition=models.Q(removed_at__isnull=True),
            name="report_passage_once_per_theme")]

    def __str__(self) -> str:
        return f"{self.theme}: {self.passage}"

    @property
    def is_edited(self) -> bool:
        return self.text != self.passage.text
