"""Forms render through Django's form rendering API with the project's templates (jinja2/forms/div.html and
field.html): per field a label (or a legend for a group of choices), help text, errors and the widget, tied
together for screen readers; a widget template of the project's own wins over Django's."""

import copy
import re

from django import forms
from django.template import engines
from django.utils import translation


class Example(forms.Form):
    name = forms.CharField(label="Naam", max_length=20, help_text="Zoals op de <deur>")
    kinds = forms.MultipleChoiceField(
        label="Soort",
        choices=[("a", "Eerste"), ("b", "Tweede")],
        widget=forms.CheckboxSelectMultiple,
        help_text="Kies er één",
    )
    phase = forms.ChoiceField(
        label="Fase", choices=[("a", "Eerste"), ("b", "Tweede")], widget=forms.RadioSelect, required=False
    )
    started = forms.CharField(widget=forms.HiddenInput, initial="nu")

    def clean(self):
        raise forms.ValidationError("Er ging iets mis & <dit>")


def page(form):
    with translation.override("nl"):
        return engines["jinja2"].from_string("<form>{{ form }}</form>").render({"form": form})


def one_line(html):
    return re.sub(r"\s+", " ", html)


def test_a_field_shows_its_label_help_text_errors_and_widget_tied_together():
    html = one_line(page(Example({"name": "", "kinds": [], "started": "nu"})))
    with translation.override("nl"):
        required = translation.gettext("This field is required.")
    assert (
        '<div class="field has-error"> <label for="id_name">Naam:</label> '
        '<div class="help" id="id_name_helptext">Zoals op de &lt;deur&gt;</div> '
        f'<div class="errors" role="alert"><ul class="errorlist" id="id_name_error"><li>{required}</li>'
        '</ul></div> <input type="text" name="name" maxlength="20" required aria-invalid="true" '
        'aria-describedby="id_name_helptext id_name_error" id="id_name"> </div>'
    ) in html


def test_a_group_of_choices_is_a_fieldset_with_a_legend_described_by_its_help_text_and_errors():
    html = one_line(page(Example({"name": "Bram", "kinds": [], "started": "nu"})))
    assert (
        '<fieldset class="field has-error" aria-describedby="id_kinds_helptext id_kinds_error"> '
        '<legend>Soort:</legend> <div class="help" id="id_kinds_helptext">Kies er één</div> '
        '<div class="errors" role="alert"><ul class="errorlist" id="id_kinds_error">'
    ) in html
    assert '<fieldset class="field"> <legend>Fase:</legend>' in html  # no help, no errors
    assert '<input type="checkbox" name="kinds" value="a" aria-invalid="true" id="id_kinds_0">' in html


def test_the_form_s_own_errors_and_hidden_fields_come_first():
    html = one_line(page(Example({"name": "Bram", "kinds": ["a"], "started": "nu"})))
    assert html.startswith(
        '<form><div class="errorlist" role="alert"><ul class="errorlist nonfield">'
        "<li>Er ging iets mis &amp; &lt;dit&gt;</li></ul></div> "
        '<input type="hidden" name="started" value="nu" id="id_started">'
    )
    assert '<div class="field">' in html and "has-error" not in html


def test_an_unbound_form_shows_no_errors():
    html = page(Example())
    assert 'role="alert"' not in html and "has-error" not in html and "aria-invalid" not in html
    assert 'aria-describedby="id_name_helptext"' in html and 'id="id_name_helptext"' in html


def test_a_widget_template_of_the_project_is_used_instead_of_django_s(settings, tmp_path):
    widgets = tmp_path / "django" / "forms" / "widgets"
    widgets.mkdir(parents=True)
    (widgets / "text.html").write_text('<input class="eigen" type="{{ widget.type }}" name="{{ widget.name }}">')
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates  # Django forgets its template engines and the form renderer with the setting
    html = page(Example())
    assert '<input class="eigen" type="text" name="name">' in html
    assert '<input type="checkbox" name="kinds" value="a" id="id_kinds_0">' in html  # the others stay Django's
