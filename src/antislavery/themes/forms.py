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
