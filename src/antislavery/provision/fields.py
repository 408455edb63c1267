"""The values a person gives for an entry, and the one place they are checked.

Forms, the import and the passage draft all build :class:`EntryFields` and ask
:func:`problems_with` what is wrong, so a rule holds the same on every surface.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, fields, replace
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from . import codes
from .models import CODED_LISTS, Entry


@dataclass(frozen=True)
class EntryFields:
    title: str
    kind: str
    status: str
    summary: str = ""
    themes: list[str] = field(default_factory=list)
    nrm_stages: list[str] = field(default_factory=list)
    victim_groups: list[str] = field(default_factory=list)
    exploitation: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    provider: str = ""
    funder: str = ""
    funding_source: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None
    evaluation: str = Entry.Evaluation.NONE
    evaluation_url: str = ""
    contact: str = ""
    public: bool = False
    # Areas covered besides the lead area (regional services), as Area instances.
    other_areas: list[Any] = field(default_factory=list)

    def normalised(self) -> EntryFields:
        """Trimmed text, codes without repeats (the built-in ones in codebook order, codes
        people added after them alphabetically), languages tidied. Reads no database."""
        def ordered(facet: str, values: list[str]) -> list[str]:
            wanted = {codes.normalise_code(v) for v in values if v.strip()}
            known = [code for code in codes.builtin_values(facet) if code in wanted]
            return known + sorted(wanted - set(known))

        languages: list[str] = []
        for language in self.languages:
            cleaned = codes.normalise_language(language)
            if cleaned and cleaned not in languages:
                languages.append(cleaned)
        return replace(
            self,
            title=" ".join(self.title.split()),
            summary=self.summary.strip(),
            kind=codes.normalise_code(self.kind),
            status=codes.normalise_code(self.status),
            evaluation=codes.normalise_code(self.evaluation or Entry.Evaluation.NONE),
            evaluation_url=self.evaluation_url.strip(),
            provider=self.provider.strip(), funder=self.funder.strip(),
            funding_source=self.funding_source.strip(), contact=self.contact.strip(),
            languages=languages,
            **{name: ordered(facet, getattr(self, name)) for name, facet in CODED_LISTS.items()},
        )

    def model_values(self) -> dict[str, Any]:
        """The values to set on an :class:`Entry` (``other_areas`` is set separately)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "other_areas"}

    @classmethod
    def from_entry(cls, entry: Entry) -> EntryFields:
        values = {f.name: getattr(entry, f.name) for f in fields(cls) if f.name != "other_areas"}
        others = [a for a in entry.areas.order_by("name") if a.pk != entry.area_id]
        return cls(**values, other_areas=others)


def _check_codes(data: EntryFields) -> list[tuple[str, str]]:
    found = []
    kinds = codes.facet_values(codes.KIND)
    if not data.kind:
        found.append(("kind", _("Enter the kind of intervention.")))
    elif data.kind not in kinds:
        found.append(("kind", _("'%(value)s' is not a kind of intervention. Use one of: "
                                "%(codes)s.") % {"value": data.kind, "codes": ", ".join(kinds)}))
    for name, facet in CODED_LISTS.items():
        allowed = codes.facet_values(facet)
        for code in getattr(data, name):
            if code not in allowed:
                found.append((name, _("'%(value)s' is not a code of %(facet)s. Use one of: "
                                      "%(codes)s.") % {"value": code,
                                                        "facet": codes.facet_label(facet),
                                                        "codes": ", ".join(allowed)}))
    return found


def _check_choices(data: EntryFields) -> list[tuple[str, str]]:
    found = []
    if data.status not in Entry.Status.values:
        found.append(("status", _("'%(value)s' is not a status. Use one of: %(codes)s.")
                      % {"value": data.status, "codes": ", ".join(Entry.Status.values)}))
    if data.evaluation not in Entry.Evaluation.values:
        allowed = ", ".join(Entry.Evaluation.values)
        found.append(("evaluation", _("'%(value)s' is not an evaluation. Use one of: "
                                      "%(codes)s.") % {"value": data.evaluation,
                                                        "codes": allowed}))
    return found


def _check_links_and_dates(data: EntryFields) -> list[tuple[str, str]]:
    found = []
    if data.evaluation_url:
        try:
            URLValidator(schemes=["http", "https"])(data.evaluation_url)
        except ValidationError:
            found.append(("evaluation_url", _("'%(value)s' is not a web address. Give the "
                                              "full address, starting https://.")
                          % {"value": data.evaluation_url}))
    elif data.evaluation == Entry.Evaluation.PUBLISHED:
        found.append(("evaluation_url", _("Give the link to the published evaluation.")))
    if data.start and data.end and data.end < data.start:
        found.append(("end", _("The end date must be on or after the start date.")))
    if data.status == Entry.Status.ENDED and not data.end:
        found.append(("end", _("Give the date an ended entry ended.")))
    return found


def problems_with(data: EntryFields) -> list[tuple[str, str]]:
    """Every problem with normalised values, as (field name, message) pairs."""
    found = []
    if not data.title:
        found.append(("title", _("Enter a title.")))
    elif len(data.title) > Entry._meta.get_field("title").max_length:
        found.append(("title", _("The title must be 200 characters or fewer.")))
    for name in ("provider", "funder", "funding_source", "contact"):
        if len(getattr(data, name)) > 200:
            found.append((name, _("This must be 200 characters or fewer.")))
    return found + _check_codes(data) + _check_choices(data) + _check_links_and_dates(data)
