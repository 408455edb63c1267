"""Forms for requests, questions and responses. They check input; services decide the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from antislavery.areas.models import Area, Organisation, PeerGroup

from . import answers as answer_rules
from . import letters
from .models import Question, Request, Response, ResponseVersion

FORMAT_HINT = _("Leave a blank line between paragraphs. Start a line with \"- \" for a bullet "
                "or \"1. \" for a numbered item. **Two stars** make text bold; "
                "[words](https://example.org) make a link.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class RequestForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200,
                            error_messages={"required": _("Enter a title for the request.")})
    issuing_body = forms.ModelChoiceField(
        label=_("Sent by"), queryset=Organisation.objects.filter(
            kind=Organisation.Kind.NATIONAL).order_by("name"), empty_label=None)
    background = forms.CharField(label=_("Background (optional)"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 6}), help_text=FORMAT_HINT)
    recommendation = forms.CharField(
        label=_("The recommendation or question the responses answer (optional)"),
        required=False, widget=forms.Textarea(attrs={"rows": 5}), help_text=FORMAT_HINT)
    recipients_rule = forms.ChoiceField(
        label=_("Send to"), choices=Request.Recipients.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Choose which areas the request goes to.")})
    peer_group = forms.ModelChoiceField(
        label=_("Group (if sending to a group)"), required=False,
        queryset=PeerGroup.objects.order_by("kind", "name"), to_field_name="slug")
    chosen_areas = forms.ModelMultipleChoiceField(
        label=_("Areas (if choosing areas)"), required=False,
        queryset=Area.objects.filter(territorial=True).order_by("name"), to_field_name="slug",
        widget=forms.CheckboxSelectMultiple)
    opens_on = forms.DateField(label=_("Opening date"), widget=DateInput(), error_messages={
        "required": _("Enter the opening date."),
        "invalid": _("Enter the opening date as a real date, for example 2026-03-31.")})
    due_on = forms.DateField(label=_("Due date"), widget=DateInput(), error_messages={
        "required": _("Enter the due date."),
        "invalid": _("Enter the due date as a real date, for example 2026-03-31.")})
    publish_responses = forms.BooleanField(
        label=_("Responses will be published where their office agrees"), required=False)
    letter_template = forms.CharField(
        label=_("Letter"), required=False, widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Placeholders are filled in for each recipient: %(names)s.") % {
            "names": ", ".join("{{ %s }}" % name for name in letters.PLACEHOLDERS)})

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        rule = data.get("recipients_rule")
        if rule == Request.Recipients.PEER_GROUP and not data.get("peer_group"):
            self.add_error("peer_group", _("Choose the group of areas to send the request to."))
        if rule == Request.Recipients.CHOSEN and not data.get("chosen_areas"):
            self.add_error("chosen_areas", _("Choose at least one area."))
        opens, due = data.get("opens_on"), data.get("due_on")
        if opens and due and due < opens:
            self.add_error("due_on", _("The due date must be on or after the opening date."))
        template = data.get("letter_template") or ""
        if unknown := letters.unknown_placeholders(template):
            self.add_error("letter_template", _("These placeholders do not exist: %(names)s.")
                           % {"names": ", ".join("{{ %s }}" % n for n in unknown)})
        return data


class QuestionForm(forms.Form):
    title = forms.CharField(label=_("Question"), max_length=300,
                            error_messages={"required": _("Enter the question.")})
    guidance = forms.CharField(label=_("Guidance for the people answering (optional)"),
                               required=False, widget=forms.Textarea(attrs={"rows": 3}))
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=Question.Kind.choices,
                             widget=forms.RadioSelect, initial=Question.Kind.TEXT,
                             error_messages={"required": _("Choose the kind of answer.")})
    options = forms.CharField(label=_("Options (for a choice), one per line"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))
    allow_several = forms.BooleanField(label=_("More than one option may be chosen"),
                                       required=False)
    required = forms.BooleanField(label=_("An answer is needed before submitting"),
                                  required=False, initial=True)
    note = forms.CharField(
        label=_("What changed, for the recipients"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed once the request has been issued: recipients see this note."))

    def __init__(self, *args: Any, issued: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.issued = issued
        if not issued:
            del self.fields["note"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        options = [line.strip() for line in (data.get("options") or "").splitlines()
                   if line.strip()]
        data["options"] = options
        if data.get("kind") == Question.Kind.CHOICE and len(options) < 2:
            self.add_error("options", _("Give at least two options, one per line."))
        if self.issued and not (data.get("note") or "").strip():
            self.add_error("note", _("Say what changed and why: recipients will see this note."))
        return data


class NoteForm(forms.Form):
    """Reasons and notes: returning, withdrawing, removing a question from an issued request."""

    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)

    def __init__(self, *args: Any, label: str, required: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["note"].label = label
        self.fields["note"].required = required
        self.fields["note"].error_messages["required"] = _("Enter %(what)s.") % {
            "what": str(label).lower()}


class ExtendForm(forms.Form):
    due_on = forms.DateField(label=_("New due date"), widget=DateInput(), error_messages={
        "required": _("Enter the new due date."),
        "invalid": _("Enter the new due date as a real date, for example 2026-03-31.")})
    reason = forms.CharField(label=_("Why (optional)"), required=False, max_length=500)


class AnswerForm(forms.Form):
    """One field per answer (two for yes/no and choice questions: the choice and a comment)."""

    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    consent = forms.BooleanField(
        label=_("Our office agrees that this response may be published"), required=False,
        help_text=_("The request's coordinators publish responses only where the office has "
                    "agreed."))

    def __init__(self, *args: Any, questions: list[Question], publishes: bool,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        if not publishes:
            del self.fields["consent"]
        for question in questions:
            self._add_fields(question)

    def _add_fields(self, question: Question) -> None:
        key, hint = question.key, question.guidance
        if question.kind == Question.Kind.YES_NO:
            self.fields[f"{key}-choice"] = forms.ChoiceField(
                label=question.title, help_text=hint, required=False, widget=forms.RadioSelect,
                choices=[("yes", _("Yes")), ("no", _("No"))])
        elif question.kind == Question.Kind.CHOICE:
            choices = [(o, o) for o in question.options]
            field_class = (forms.MultipleChoiceField if question.allow_several
                           else forms.ChoiceField)
            widget = (forms.CheckboxSelectMultiple if question.allow_several
                      else forms.RadioSelect)
            self.fields[f"{key}-choice"] = field_class(
                label=question.title, help_text=hint, required=False, widget=widget,
                choices=choices)
        elif question.kind == Question.Kind.NUMBER:
            self.fields[f"{key}-number"] = forms.DecimalField(
                label=question.title, help_text=hint, required=False)
            return
        is_text = question.kind == Question.Kind.TEXT
        self.fields[f"{key}-text"] = forms.CharField(
            label=question.title if is_text else _("Comment (optional)"),
            help_text=hint if is_text else "", required=False,
            max_length=answer_rules.MAX_TEXT, widget=forms.Textarea(attrs={"rows": 10}))

    @staticmethod
    def initial_for(version: ResponseVersion | None, response: Response) -> dict[str, Any]:
        initial: dict[str, Any] = {"based_on": response.version_number,
                                   "consent": response.consent_to_publish}
        for key, answer in (version.answers if version else {}).items():
            for part in ("text", "choice", "number"):
                if part in answer:
                    initial[f"{key}-{part}"] = answer[part]
        return initial

    def groups(self) -> list[tuple[Question, list[forms.BoundField]]]:
        """Each question with its fields, in order, for the template."""
        return [(q, [self[name] for name in self.fields if name.startswith(f"{q.key}-")])
                for q in self.questions]

    def answers(self) -> dict[str, dict[str, Any]]:
        data = self.cleaned_data
        given: dict[str, dict[str, Any]] = {}
        for question in self.questions:
            answer = {part: data[f"{question.key}-{part}"] for part in ("text", "choice", "number")
                      if data.get(f"{question.key}-{part}") not in (None, "", [])}
            if "number" in answer:
                answer["number"] = str(answer["number"])
            given[question.key] = answer
        return given


class SubmitForm(forms.Form):
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Document"), allow_empty_file=True, error_messages={
        "required": _("Choose a document to attach.")})

    def __init__(self, *args: Any, max_bytes: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "A Word document (.docx), OpenDocument text (.odt), PDF or plain text file, up to "
            "%(size)s. Its text is read so that it can be analysed.") % {
            "size": filesizeformat(max_bytes)}


class ReceivedForm(forms.Form):
    """A response that came by post or email, entered by a coordinator for its area."""

    area = forms.ModelChoiceField(
        label=_("Area the response is from"), queryset=Area.objects.none(),
        to_field_name="slug", error_messages={
            "required": _("Choose the area the response is from."),
            "invalid_choice": _("Choose an area that has not yet sent its response.")})
    file = forms.FileField(
        label=_("The response"), allow_empty_file=True,
        error_messages={"required": _("Choose the document with the response.")},
        help_text=_("A Word document (.docx), OpenDocument text (.odt), PDF or plain text file. "
                    "Its text goes into the answers: paragraphs that repeat a question's title "
                    "start that question's answer."))
    channel = forms.ChoiceField(label=_("How it came"), widget=forms.RadioSelect, error_messages={
        "required": _("Say whether the response came by post or by email.")}, choices=[
        (Response.Channel.EMAIL, Response.Channel.EMAIL.label),
        (Response.Channel.POST, Response.Channel.POST.label)])
    received_on = forms.DateField(label=_("Date received"), widget=DateInput(), error_messages={
        "required": _("Enter the date the response was received."),
        "invalid": _("Enter the date received as a real date, for example 2026-03-31.")})
    consent = forms.BooleanField(label=_("The office agreed that it may be published"),
                                 required=False)

    def __init__(self, *args: Any, areas: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas
