"""National requests, the questions they ask, and each area's response with every version kept.

Nothing here is ever deleted: a response is withdrawn, an attachment removed from view, a
question changed by a new question set; versions and question sets cannot be edited once saved.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Request(models.Model):
    """What a national body asks a set of areas, and by when."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Issued")
        CLOSED = "closed", _("Closed")

    class Recipients(models.TextChoices):
        ALL = "all", _("All police force areas of England and Wales")
        VRU = "vru", _("Areas with a Violence Reduction Unit")
        PEER_GROUP = "peer_group", _("The areas of a group")
        CHOSEN = "chosen", _("Areas I choose")

    slug = models.SlugField(unique=True, max_length=80)
    title = models.CharField(_("title"), max_length=200)
    issuing_body = models.ForeignKey(
        "areas.Organisation", on_delete=models.PROTECT, related_name="requests_issued",
        verbose_name=_("issuing body"),
    )
    background = models.TextField(_("background"), blank=True)
    recommendation = models.TextField(_("recommendation or question answered"), blank=True)
    recipients_rule = models.CharField(_("recipients"), max_length=20,
                                       choices=Recipients.choices, default=Recipients.ALL)
    peer_group = models.ForeignKey(
        "areas.PeerGroup", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("group"),
    )
    chosen_areas = models.ManyToManyField("areas.Area", blank=True, related_name="+",
                                          verbose_name=_("chosen areas"))
    opens_on = models.DateField(_("opening date"))
    due_on = models.DateField(_("due date"))
    original_due_on = models.DateField(null=True, blank=True)
    publish_responses = models.BooleanField(
        _("responses will be published"), default=False,
        help_text=_("Responses are published only where their office agrees."),
    )
    letter_template = models.TextField(_("letter"), blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    is_demo = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    issued_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(due_on__gte=models.F("opens_on")),
                                   name="request_due_after_opening"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("returns:request", args=[self.slug])

    @property
    def question_set(self) -> QuestionSet:
        """The questions recipients answer now (the latest set)."""
        return self.question_sets.order_by("-number").first()  # type: ignore[return-value]

    @property
    def is_open(self) -> bool:
        return self.state == self.State.ISSUED and self.opens_on <= timezone.localdate()


class QuestionSet(models.Model):
    """One version of a request's questions; an issued request's change makes a new one."""

    request = models.ForeignKey(Request, on_delete=models.PROTECT, related_name="question_sets")
    number = models.PositiveIntegerField()
    note = models.TextField(_("what changed"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["request", "number"]
        constraints = [models.UniqueConstraint(fields=["request", "number"],
                                               name="question_set_number_unique")]

    def __str__(self) -> str:
        return f"{self.request} (questions v{self.number})"


class Question(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Formatted text")
        YES_NO = "yes_no", _("Yes or no, with a comment")
        CHOICE = "choice", _("A choice among options, with a comment")
        NUMBER = "number", _("A number")

    question_set = models.ForeignKey(QuestionSet, on_delete=models.PROTECT,
                                     related_name="questions")
    key = models.SlugField(max_length=20, help_text=_("Stays the same across question sets."))
    position = models.PositiveIntegerField()
    title = models.CharField(_("question"), max_length=300)
    guidance = models.TextField(_("guidance"), blank=True)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=Kind.choices,
                            default=Kind.TEXT)
    options = models.JSONField(_("options"), default=list, blank=True)
    allow_several = models.BooleanField(_("more than one option may be chosen"), default=False)
    required = models.BooleanField(_("an answer is needed to submit"), default=True)

    class Meta:
        ordering = ["question_set", "position"]
        constraints = [models.UniqueConstraint(fields=["question_set", "key"],
                                               name="question_key_unique_in_set")]

    def __str__(self) -> str:
        return self.title

    @property
    def anchor(self) -> str:
        return f"answer-{self.key}"


class Response(models.Model):
    """One recipient area's answer to a request."""

    class State(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        ACCEPTED = "accepted", _("Accepted")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Channel(models.TextChoices):
        TOOLKIT = "toolkit", _("Through the toolkit")
        POST = "post", _("By post")
        EMAIL = "email", _("By email")

    request = models.ForeignKey(Request, on_delete=models.PROTECT, related_name="responses")
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="responses")
    state = models.CharField(max_length=20, choices=State.choices, default=State.NOT_STARTED,
                             db_index=True)
    version_number = models.PositiveIntegerField(
        default=0, help_text=_("The number of the current version; edits must be based on it."))
    current_version = models.ForeignKey("ResponseVersion", null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+")
    submitted_version = models.ForeignKey("ResponseVersion", null=True, blank=True,
                                          on_delete=models.PROTECT, related_name="+")
    published_version = models.ForeignKey("ResponseVersion", null=True, blank=True,
                                          on_delete=models.PROTECT, related_name="+")
    consent_to_publish = models.BooleanField(_("the office agrees to publication"),
                                             default=False)
    received_via = models.CharField(max_length=10, choices=Channel.choices,
                                    default=Channel.TOOLKIT)
    return_note = models.TextField(blank=True)
    withdrawn_reason = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(null=True, blank=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["request", "area__name"]
        constraints = [models.UniqueConstraint(fields=["request", "area"],
                                               name="one_response_per_area")]

    def __str__(self) -> str:
        return f"{self.area}: {self.request}"

    def get_absolute_url(self) -> str:
        """The response's page; coordinators see the version last submitted there."""
        return reverse("returns:response", args=[self.request.slug, self.area.slug])

    def answer_url(self, key: str) -> str:
        """A link to one answer on the response's page (stable anchor ``#answer-<key>``)."""
        return f"{self.get_absolute_url()}#answer-{key}"

    @property
    def is_received(self) -> bool:
        return self.state in RECEIVED_STATES


RECEIVED_STATES = (Response.State.SUBMITTED, Response.State.ACCEPTED, Response.State.PUBLISHED)
EDITABLE_STATES = (Response.State.NOT_STARTED, Response.State.DRAFT, Response.State.RETURNED)


class KeptForEverQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("Saved versions cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("Saved versions cannot be deleted.")


class ResponseVersion(models.Model):
    """The answers as saved at one moment. Immutable once written."""

    class Kind(models.TextChoices):
        SAVED = "saved", _("Saved")
        SUBMITTED = "submitted", _("Submitted")
        RECEIVED = "received", _("Received by post or email")
        CONFLICT = "conflict", _("Not saved: someone else saved first (kept)")

    response = models.ForeignKey(Response, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SAVED)
    based_on = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("The version the person was editing."))
    state = models.CharField(max_length=20, choices=Response.State.choices)
    question_set = models.ForeignKey(QuestionSet, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(default=dict)
    consent_to_publish = models.BooleanField(default=False)
    attachment_ids = models.JSONField(default=list)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    saved_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    objects = KeptForEverQuerySet.as_manager()

    class Meta:
        ordering = ["response", "number"]
        constraints = [models.UniqueConstraint(fields=["response", "number"],
                                               name="version_number_unique")]

    def __str__(self) -> str:
        return f"{self.response} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("Saved versions cannot be changed.")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("returns:version", args=[self.response.request.slug,
                                                self.response.area.slug, self.number])

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("Saved versions cannot be deleted.")


def attachment_path(instance: Attachment, filename: str) -> str:
    response = instance.response
    return f"returns/{response.request.slug}/{response.area.slug}/{instance.sha256[:16]}-{filename}"


class Attachment(models.Model):
    """A document attached to a response, with its extracted text. Removed, never deleted."""

    class Role(models.TextChoices):
        ATTACHMENT = "attachment", _("Attached document")
        SOURCE = "source", _("The response as received (its text is in the answers)")

    response = models.ForeignKey(Response, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(max_length=10)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    text = models.TextField(blank=True)
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.ATTACHMENT)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["response", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("returns:attachment", args=[self.response.request.slug,
                                                   self.response.area.slug, self.pk])

    @property
    def anchor(self) -> str:
        return f"attachment-{self.pk}"
