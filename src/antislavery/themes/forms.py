from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .engine.codebook import FACETS
from .models import CodebookEntry


class CodeForm(forms.Form):
    kind = forms.ChoiceField(label=_("What kind of code is it?"),
                             choices=CodebookEntry.Kind.choices, widget=forms.RadioSelect)
    group = forms.ChoiceField(
        label=_("Group (for a theme)"), required=False,
        choices=[("", _("Choose a group")), *CodebookEntry.Group.choices],
        help_text=_("Where the theme's section goes in a collated report."))
    facet = forms.ChoiceField(
        label=_("Facet (for a facet value)"), required=False,
        choices=[("", _("Choose a facet")),
                 *((name, name.replace("_", " ").capitalize()) for name in FACETS)])
    code = forms.CharField(
        label=_("Code"), max_length=40,
        help_text=_("Lower-case letters, digits and underscores, for example "
                    "online_recruitment. Exports and the API use it; it cannot change."))
    label = forms.CharField(label=_("Label"), max_length=120,
                            help_text=_("What people see, for example Online recruitment."))
    definition = forms.CharField(
        label=_("Definition"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What a passage must say to be given this code."))

    def clean(self):
        data = super().clean()
        if data.get("kind") == CodebookEntry.Kind.THEME and not data.get("group"):
            self.add_error("group", _("Choose the group the theme belongs to."))
        if data.get("kind") == CodebookEntry.Kind.FACET_VALUE and not data.get("facet"):
            self.add_error("facet", _("Choose the facet the value belongs to."))
        return data


class CodingForm(forms.Form):
    """The codes a person gives one passage: suggested ones first, then every other code."""

    ACTIONS = (("save", _("Save and next")), ("accept", _("Accept the suggestions and next")),
               ("none", _("No codes apply: next")))

    action = forms.ChoiceField(choices=ACTIONS, initial="save", required=False)
    suggested = forms.MultipleChoiceField(label=_("Suggested codes"), required=False,
                                          widget=forms.CheckboxSelectMultiple)
    themes = forms.MultipleChoiceField(label=_("Other themes"), required=False,
                                       widget=forms.CheckboxSelectMultiple)
    facets = forms.MultipleChoiceField(label=_("Other facet values"), required=False,
                                       widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, suggestions, entries, **kwargs):
        super().__init__(*args, **kwargs)
        suggested = {s.label for s in suggestions}
        names = {entry.label_key: entry for entry in entries}
        self.fields["suggested"].choices = [
            (s.label, self._name(names, s.label)) for s in suggestions if s.label in names]
        self.fields["themes"].choices = [
            (key, entry.label) for key, entry in names.items()
            if entry.kind == CodebookEntry.Kind.THEME and key not in suggested]
        self.fields["facets"].choices = [
            (key, f"{entry.facet.replace('_', ' ').capitalize()}: {entry.label}")
            for key, entry in names.items()
            if entry.kind == CodebookEntry.Kind.FACET_VALUE and key not in suggested]

    @staticmethod
    def _name(names, label: str) -> str:
        entry = names[label]
        if entry.kind == CodebookEntry.Kind.THEME:
            return entry.label
        return f"{entry.facet.replace('_', ' ').capitalize()}: {entry.label}"

    def chosen_codes(self) -> set[str]:
        action = self.cleaned_data.get("action") or "save"
        if action == "accept":
            return {value for value, _label in self.fields["suggested"].choices}
        if action == "none":
            return set()
        return {*self.cleaned_data["suggested"], *self.cleaned_data["themes"],
                *self.cleaned_data["facets"]}
