from __future__ import annotations

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from .models import Area, Organisation


class OfficeForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["holder_name", "holder_title", "contact_emails", "website"]
        widgets = {"contact_emails": forms.Textarea(attrs={"rows": 3})}

    def clean_contact_emails(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["contact_emails"].splitlines()]
        for line in lines:
            if line:
                try:
                    validate_email(line)
                except forms.ValidationError as exc:
                    raise forms.ValidationError(
                        _("'%(value)s' is not an email address. Put one address on each line."),
                        params={"value": line},
                    ) from exc
        return "\n".join(line for line in lines if line)


class PeerGroupForm(forms.Form):
    name = forms.CharField(label=_("Name of the group"), max_length=120,
                           error_messages={"required": _("Enter a name for the group")})
    description = forms.CharField(label=_("Description (optional)"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    areas = forms.ModelMultipleChoiceField(
        label=_("Areas in the group"),
        queryset=Area.objects.filter(territorial=True).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose at least two areas."),
        error_messages={"required": _("Choose at least two areas.")},
        to_field_name="slug",
    )

    def clean_areas(self) -> list[Area]:
        areas = list(self.cleaned_data["areas"])
        if len(areas) < 2:
            raise forms.ValidationError(_("Choose at least two areas."))
        return areas
