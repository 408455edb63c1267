"""Forms of the local picture's pages: which measure, which areas to compare."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from antislavery.areas.models import Area, PeerGroup

from .analysis import labels

MAX_COMPARED = 43


def _measure_choices() -> list[tuple[str, str]]:
    return [(code, labels.measure_label(code)) for code in labels.PICTURED_MEASURES]


class MeasureForm(forms.Form):
    measure = forms.ChoiceField(
        label=_("Figures to show"), choices=_measure_choices, initial=labels.DEFAULT_MEASURE,
        required=False,
        error_messages={"invalid_choice": _("Choose figures from the list.")})

    def clean_measure(self) -> str:
        return self.cleaned_data.get("measure") or labels.DEFAULT_MEASURE


class CompareForm(MeasureForm):
    group = forms.ModelChoiceField(
        label=_("A group of areas"), required=False, to_field_name="slug",
        queryset=PeerGroup.objects.order_by("kind", "name"),
        empty_label=_("No group: compare the areas chosen below"),
        error_messages={"invalid_choice": _("Choose a group from the list.")})
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas"), required=False, to_field_name="slug",
        queryset=Area.objects.filter(territorial=True).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose two or more areas, or a group above (or both)."),
        error_messages={"invalid_choice": _("'%(value)s' is not a police force area of "
                                            "England and Wales.")})

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.errors and len(self.chosen_slugs()) < 2:
            raise forms.ValidationError(_("Choose at least two areas, or a group of areas."))
        return cleaned

    def chosen_slugs(self) -> list[str]:
        """The group's areas of England and Wales and the areas ticked, by name."""
        data = getattr(self, "cleaned_data", {})
        chosen = {a.slug: a.name for a in data.get("areas") or []}
        group = data.get("group")
        if group is not None:
            chosen |= {a.slug: a.name for a in group.areas.filter(territorial=True)}
        return sorted(chosen, key=chosen.get)[:MAX_COMPARED]
