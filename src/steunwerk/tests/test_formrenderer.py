"""The flattened select and multiple-choice widget templates (steunwerk/formrenderer.py) write exactly the markup
Django's own templates write."""
import pytest
from django import forms
from django.forms.renderers import Jinja2 as DjangoJinja2

from steunwerk.formrenderer import FormRenderer

CHOICES = [("", "— kies —"), ("a", "Eerste & <tweede>"), ("b", "Derde")]
GROUPED = [("Groep één", [("x", "X"), ("y", "Y")]), ("z", "Z")]


class Everything(forms.Form):
    one = forms.ChoiceField(choices=CHOICES, required=False)
    grouped = forms.ChoiceField(choices=GROUPED, widget=forms.Select(attrs={"class": "wide", "disabled": True}))
    many = forms.MultipleChoiceField(choices=CHOICES[1:], required=False)
    boxes = forms.MultipleChoiceField(choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple, required=False)
    grouped_boxes = forms.MultipleChoiceField(choices=GROUPED, widget=forms.CheckboxSelectMultiple(attrs={"class": "c"}))
    radio = forms.ChoiceField(choices=CHOICES[1:], widget=forms.RadioSelect)
    no_id = forms.ChoiceField(choices=CHOICES[1:], widget=forms.RadioSelect)


@pytest.mark.parametrize("data", [None, {"one": "a", "grouped": "y", "many": ["a", "b"], "boxes": ["b"],
                                         "grouped_boxes": ["x", "z"], "radio": "b"}])
def test_every_choice_widget_looks_as_django_draws_it(data):
    for name in Everything.base_fields:
        ours = Everything(data, renderer=FormRenderer())[name]
        django = Everything(data, renderer=DjangoJinja2())[name]
        auto_id = False if name == "no_id" else "id_%s"
        ours.form.auto_id = django.form.auto_id = auto_id
        assert str(ours) == str(django), name
        assert "<option" in str(ours) or "<input" in str(ours)
