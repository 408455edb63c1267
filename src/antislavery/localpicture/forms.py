"""Forms of the local picture: uploading a statistics file."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from antislavery.accounts import permissions
from antislavery.areas.models import Area
from antislavery.errors import ImportRejected

from . import services
from .models import Release, Source


class UploadForm(forms.Form):
    """Coordinators choose source and visibility; office editors upload their own figures."""

    file = forms.FileField(
        label=_("Statistics file"),
        help_text=_("A CSV in the toolkit's tidy format, or the Home Office NRM data tables "
                    "(.ods or .xlsx)."))
    title = forms.CharField(label=_("Title of the release (optional)"), required=False,
                            max_length=300,
                            help_text=_("For example: NRM statistics, October to December "
                                        "2023. The file name is used if you leave this empty."))
    published_on = forms.DateField(
        label=_("Date published (optional)"), required=False,
        help_text=_("As YYYY-MM-DD, for example 2024-03-07."),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD, for example 2024-03-07.")})
    period = forms.CharField(
        label=_("Period (data tables only, optional)"), required=False, max_length=7,
        help_text=_("Only needed when the tables' titles do not say it: 2023, 2023-Q4 or "
                    "2023-10."))
    source = forms.ChoiceField(label=_("Source of the figures"), required=False)
    visibility = forms.ChoiceField(
        label=_("Who can see these figures"), widget=forms.RadioSelect,
        choices=Release.Visibility.choices, initial=Release.Visibility.PUBLIC)
    private_to = forms.ModelChoiceField(
        label=_("Office the figures are private to"), required=False,
        queryset=Area.objects.filter(territorial=True).order_by("name"), to_field_name="slug",
        empty_label=_("Choose an office"), help_text=_("Needed when the figures are private."))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if permissions.is_coordinator(user):
            choices = [("", _("As named in the file"))]
            choices += [(s.slug, s.name) for s in Source.objects.order_by("name")]
            known = {slug for slug, _name in choices}
            choices += [(slug, spec["name"]) for slug, spec in services.KNOWN_SOURCES.items()
                        if slug not in known]
            self.fields["source"].choices = choices
        else:
            del self.fields["source"], self.fields["private_to"]
            self.fields["visibility"].initial = Release.Visibility.PRIVATE
            self.fields["visibility"].choices = [
                (Release.Visibility.PRIVATE, _("Only our office and coordinators")),
                (Release.Visibility.PUBLIC, _("Everyone: publish these figures")),
            ]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = services.max_upload_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB; split it into smaller files."),
                params={"limit": limit // (1024 * 1024)})
        return upload

    def clean_period(self) -> str:
        period = self.cleaned_data.get("period") or ""
        try:
            services.check_period(period)
        except ImportRejected as exc:
            raise forms.ValidationError(exc.message) from None
        return period

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if ("private_to" in self.fields and data.get("visibility") == Release.Visibility.PRIVATE
                and not data.get("private_to")):
            self.add_error("private_to", _("Choose the office the figures are private to."))
        return data

    def options(self) -> services.ImportOptions:
        data = self.cleaned_data
        private_to = data.get("private_to")
        private = data["visibility"] == Release.Visibility.PRIVATE
        return services.ImportOptions(
            source=data.get("source") or "", title=data.get("title") or "",
            published_on=data.get("published_on"), period=data.get("period") or "",
            visibility=data["visibility"],
            private_to=private_to.slug if private and private_to is not None else "")
