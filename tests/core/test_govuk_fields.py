"""Form fields rendered as GOV.UK components keep what was typed, and nothing else."""

from django import forms

from antislavery.core import govuk


class NameForm(forms.Form):
    name = forms.CharField(label="Name")
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    count = forms.IntegerField(label="Count", required=False)


def test_an_empty_submitted_field_shows_an_empty_box_not_none():
    form = NameForm({"name": "", "notes": "", "count": ""})
    assert not form.is_valid()
    for name in ("name", "notes", "count"):
        html = govuk.field(form[name])
        assert "None" not in html


def test_a_typed_value_is_kept_after_an_error():
    form = NameForm({"name": "Essex", "notes": "Line one", "count": "many"})
    assert not form.is_valid()
    assert 'value="Essex"' in govuk.field(form["name"])
    assert "Line one" in govuk.field(form["notes"])
    assert 'value="many"' in govuk.field(form["count"])
