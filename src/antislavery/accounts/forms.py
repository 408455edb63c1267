from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from antislavery.areas.models import Area


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Enter a correct email address and password. Both are "
                           "case-sensitive."),
        "inactive": _("This account is not active. Ask your administrator."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("Email address")
        self.fields["username"].error_messages["required"] = _("Enter your email address")
        self.fields["password"].error_messages["required"] = _("Enter your password")
        # No autofocus: focus starts at the top of the page, so the skip link comes first.
        self.fields["username"].widget.attrs.pop("autofocus", None)
        self.fields["username"].widget.attrs.update({"autocomplete": "username",
                                                     "spellcheck": "false"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("Action contains"), required=False)
    actor = forms.CharField(label=_("Person"), required=False)
    area = forms.ModelChoiceField(label=_("Area"), required=False,
                                  queryset=Area.objects.order_by("name"), to_field_name="slug",
                                  empty_label=_("All areas"))
