"""Forms for entries, filters and uploads. Rules live in :mod:`.fields`; forms only collect."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from antislavery.areas.models import Area

from . import codes
from .fields import EntryFields
from .importing import LIST_SEPARATOR
from .library import evidence_levels
from .models import Entry

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DATE_HINT = _("For example, 2025-03-31 or 31/03/2025.")


def _date_field(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, input_formats=DATE_FORMATS, help_text=DATE_HINT,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"autocomplete": "off"}),
        error_messages={"invalid": _("Enter a date such as 2025-03-31.")},
    )


def _codes_field(facet: str, label: Any, help_text: Any = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(label=label, required=False, help_text=help_text,
                                     choices=lambda: codes.choices(facet),
                                     widget=forms.CheckboxSelectMultiple)


class EntryForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200,
                            error_messages={"required": _("Enter a title.")})
    summary = forms.CharField(label=_("Summary"), required=False,
                              widget=forms.Textarea(attrs={"rows": 5}),
                              help_text=_("What it does, for whom, and what has come of it."))
    kind = forms.ChoiceField(label=_("Kind of intervention"),
                             choices=lambda: [("", _("Choose a kind")),
                                              *codes.choices(codes.KIND)],
                             error_messages={"required": _("Choose the kind of intervention.")})
    nrm_stages = _codes_field(codes.STAGE, _("Stages of the NRM covered"))
    victim_groups = _codes_field(codes.GROUP, _("Victims it is for"))
    exploitation = _codes_field(codes.EXPLOITATION, _("Types of exploitation"))
    themes = _codes_field(codes.THEME, _("Themes"),
                          _("The codebook's themes, for browsing the practice library."))
    languages = forms.CharField(
        label=_("Languages offered"), required=False,
        help_text=_("Separate languages with ; (for example: Romanian; Albanian). Write 'any' "
                    "if interpreting is offered into any language."))
    status = forms.ChoiceField(label=_("Status"), choices=Entry.Status.choices,
                               widget=forms.RadioSelect,
                               error_messages={"required": _("Choose a status.")})
    start = _date_field(_("Start date (optional)"))
    end = _date_field(_("End date (optional)"))
    provider = forms.CharField(label=_("Provider (optional)"), required=False, max_length=200)
    funder = forms.CharField(label=_("Funder (optional)"), required=False, max_length=200)
    funding_source = forms.CharField(label=_("Funding source (optional)"), required=False,
                                     max_length=200,
                                     help_text=_("For example: Ministry of Justice grant."))
    evaluation = forms.ChoiceField(label=_("Evaluation"), choices=Entry.Evaluation.choices,
                                   widget=forms.RadioSelect, initial=Entry.Evaluation.NONE)
    evaluation_url = forms.CharField(
        label=_("Link to the evaluation (optional)"), required=False, max_length=500,
        help_text=_("Needed when the results are published."))
    contact = forms.CharField(label=_("Contact (optional)"), required=False, max_length=200)
    other_areas = forms.ModelMultipleChoiceField(
        label=_("Other areas covered (optional)"), required=False,
        queryset=Area.objects.filter(territorial=True).order_by("name"),
        to_field_name="slug", widget=forms.CheckboxSelectMultiple,
        help_text=_("For a regional service, the other areas it serves."),
    )
    public = forms.BooleanField(
        label=_("The public may see this entry"), required=False,
        help_text=_("Public entries appear in the register and the practice library for "
                    "everyone. Private entries are seen only by your office and "
                    "coordinators."))

    def __init__(self, *args: Any, area: Area | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if area is not None:
            self.fields["other_areas"].queryset = self.fields["other_areas"].queryset.exclude(
                pk=area.pk)

    @classmethod
    def initial_for(cls, entry: Entry) -> dict[str, Any]:
        data = EntryFields.from_entry(entry)
        initial = {name: getattr(data, name) for name in cls.base_fields
                   if name not in {"languages", "other_areas"}}
        initial["languages"] = f"{LIST_SEPARATOR} ".join(data.languages)
        initial["other_areas"] = [area.slug for area in data.other_areas]
        return initial

    def to_fields(self) -> EntryFields:
        values = dict(self.cleaned_data)
        values["languages"] = [part for part in values["languages"].split(LIST_SEPARATOR)
                               if part.strip()]
        values["other_areas"] = list(values["other_areas"])
        return EntryFields(**values)

    def add_problems(self, problems: list[tuple[str, str]]) -> None:
        for name, message in problems:
            self.add_error(name if name in self.fields else None, message)


class EndForm(forms.Form):
    end = forms.DateField(label=_("Date it ended"), input_formats=DATE_FORMATS,
                          help_text=DATE_HINT,
                          error_messages={"required": _("Enter the date it ended."),
                                          "invalid": _("Enter a date such as 2025-03-31.")})
    note = forms.CharField(label=_("Note (optional)"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["end"].initial = timezone.localdate().isoformat()


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the entry withdrawn?"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: entered twice, or entered for the wrong area. The entry "
                    "stays on record."),
        error_messages={"required": _("Say why the entry is withdrawn.")})


class DraftForm(forms.Form):
    """What the "make a draft entry" button on a passage sends."""

    area = forms.SlugField(error_messages={"required": _("Say which area the passage is from.")})
    text = forms.CharField(strip=True,
                           error_messages={"required": _("The passage is empty: there is "
                                                         "nothing to draft from.")})
    source_label = forms.CharField(required=False, max_length=300)
    source_url = forms.CharField(required=False, max_length=500)

    def clean_source_url(self) -> str:
        """A page of this site or a web address: the entry's page links to it."""
        url = self.cleaned_data["source_url"].strip()
        on_site = url.startswith("/") and not url.startswith("//")
        if url and not on_site and not url.lower().startswith(("https://", "http://")):
            raise forms.ValidationError(_("The passage's address must be a page of this site "
                                          "or a web address starting https://."))
        return url


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Upload a CSV or XLSX file"),
        help_text=_("One entry per row, with the columns the format describes."),
        error_messages={"required": _("Choose a file to upload.")})


def valid_values(form: forms.Form) -> dict[str, Any]:
    """The values of a filter form's valid fields. A filter given a value it does not know
    shows its error and is left out; the others, the search words included, still apply."""
    if not form.is_bound:
        return {}
    form.is_valid()  # fills cleaned_data with every field that is valid
    return form.cleaned_data


def _optional(choices: list[tuple[str, Any]], everything: Any) -> list[tuple[str, Any]]:
    return [("", everything), *choices]


class FilterForm(forms.Form):
    """The register's filters (GET); every field optional."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200,
                        help_text=_("Words in the title, summary, provider or funder."))
    area = forms.ModelChoiceField(label=_("Area"), required=False, to_field_name="slug",
                                  queryset=Area.objects.filter(territorial=True)
                                  .order_by("name"), empty_label=_("All areas"))
    stage = forms.ChoiceField(label=_("NRM stage"), required=False,
                              choices=lambda: _optional(codes.choices(codes.STAGE),
                                                        _("All stages")))
    group = forms.ChoiceField(label=_("Victims"), required=False,
                              choices=lambda: _optional(codes.choices(codes.GROUP),
                                                        _("Adults and children")))
    exploitation = forms.ChoiceField(
        label=_("Exploitation"), required=False,
        choices=lambda: _optional(codes.choices(codes.EXPLOITATION), _("All types")))
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=lambda: _optional(codes.choices(codes.KIND),
                                                       _("All kinds")))
    theme = forms.ChoiceField(label=_("Theme"), required=False,
                              choices=lambda: _optional(codes.choices(codes.THEME),
                                                        _("All themes")))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=_optional(Entry.Status.choices, _("Any status")))
    evaluation = forms.ChoiceField(label=_("Evaluation"), required=False,
                                   choices=_optional(Entry.Evaluation.choices,
                                                     _("Any evaluation")))
    ending_soon = forms.BooleanField(label=_("Only contracts ending within six months"),
                                     required=False)


class LibraryForm(forms.Form):
    q = forms.CharField(label=_("Search the library"), required=False, max_length=200)
    theme = FilterForm.base_fields["theme"]
    stage = FilterForm.base_fields["stage"]
    group = FilterForm.base_fields["group"]
    exploitation = FilterForm.base_fields["exploitation"]
    kind = FilterForm.base_fields["kind"]
    evidence = forms.TypedChoiceField(
        label=_("Evidence"), required=False, coerce=int, empty_value=None,
        choices=lambda: _optional([(str(e.rank), e.label) for e in evidence_levels()
                                   if e.rank > 0], _("Any evidence")),
        help_text=_("At least this strength of evaluation."))
