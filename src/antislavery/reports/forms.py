from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ReportTextForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=250)
    introduction = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Starts as the request's background. Leave a blank line between "
                    "paragraphs; start a line with - for a bullet; **bold** for bold."))
    summary = forms.CharField(label=_("Executive summary"), required=False,
                              widget=forms.Textarea(attrs={"rows": 8}))


class ExampleTextForm(forms.Form):
    text = forms.CharField(
        label=_("Wording in the report"), widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Changes here appear in the report only; the response is not changed."))
