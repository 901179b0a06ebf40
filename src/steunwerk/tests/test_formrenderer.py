"""Fields and labels drawn in Python (steunwerk/formrenderer.py) are exactly what Django's own templates draw: for
every kind of widget in an exhaustive form, and for every field on every page of Steunwerk."""
from collections import Counter

import pytest
from django import forms
from django.forms.renderers import Jinja2 as DjangoJinja2
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from steunwerk.formrenderer import DRAWN_IN_PYTHON, FixedFields, FormRenderer, form_fields

# The template form_fields() replaces, kept here as the reference it must match.
FORM_TEMPLATE = """{% if form.non_field_errors() %}<div class="errorlist" role="alert">{{ form.non_field_errors() }}</div>{% endif %}
{% for hidden in form.hidden_fields() %}{{ hidden }}{% endfor %}
{% for field in form.visible_fields() %}
{% if field.use_fieldset %}<fieldset class="field{% if field.errors %} has-error{% endif %}"{% if field.help_text or field.errors %} aria-describedby="{% if field.help_text %}{{ field.auto_id }}_helptext{% endif %}{% if field.help_text and field.errors %} {% endif %}{% if field.errors %}{{ field.auto_id }}_error{% endif %}"{% endif %}>
  {{ field.legend_tag() }}{% else %}
<div class="field{% if field.errors %} has-error{% endif %}">
  {{ field.label_tag() }}{% endif %}
  {% if field.help_text %}<div class="help" id="{{ field.auto_id }}_helptext">{{ field.help_text }}</div>{% endif %}
  {% if field.errors %}<div class="errors" role="alert">{{ field.errors }}</div>{% endif %}
  {{ field }}
{% if field.use_fieldset %}</fieldset>{% else %}</div>{% endif %}
{% endfor %}"""

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
    text = forms.CharField(label=gettext_lazy("Naam"), max_length=20, help_text="Zoals op de <deur>")
    quoted = forms.CharField(initial='Zeg "ja" & <nee>', widget=forms.TextInput(attrs={"placeholder": "a'b", "x": False}))
    number = forms.IntegerField(min_value=0, label=mark_safe("<em>Aantal</em>"))
    decimal = forms.DecimalField(required=False, initial=2.5)
    email = forms.EmailField(required=False)
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    moment = forms.DateTimeField(required=False)
    time = forms.TimeField(required=False)
    link = forms.URLField(required=False, assume_scheme="https")
    secret = forms.CharField(widget=forms.PasswordInput, required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, initial="verborgen", required=False)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, initial="Regel 1\nRegel <2>")
    empty_note = forms.CharField(widget=forms.Textarea, required=False)
    agree = forms.BooleanField(required=False, initial=True)
    disagree = forms.BooleanField(required=False)
    slug = forms.SlugField(required=False, widget=forms.TextInput(attrs={"aria-describedby": "x y"}))


BOUND = {"one": "a", "grouped": "y", "many": ["a", "b"], "boxes": ["b"], "grouped_boxes": ["x", "z"], "radio": "b",
         "text": "<b>Bram</b>", "number": "-3", "email": "geen e-mail", "note": "", "agree": "on", "day": "2026-13-40"}


def _both(form_class, data, auto_id, name):
    ours = form_class(data, renderer=FormRenderer(), auto_id=auto_id)
    theirs = form_class(data, renderer=DjangoJinja2(), auto_id=auto_id)
    return ours[name], theirs[name]


@pytest.mark.parametrize("auto_id", ["id_%s", False])
@pytest.mark.parametrize("data", [None, BOUND])
def test_every_widget_and_label_looks_as_django_draws_it(data, auto_id):
    for name in Everything.base_fields:
        ours, theirs = _both(Everything, data, auto_id, name)
        assert str(ours) == str(theirs), name
        assert ours.label_tag() == theirs.label_tag(), name
        assert ours.legend_tag() == theirs.legend_tag(), name
        assert ours.label_tag(attrs={"class": "small", "hidden": True}, label_suffix="") == \
            theirs.label_tag(attrs={"class": "small", "hidden": True}, label_suffix=""), name
        assert "<option" in str(ours) or "<input" in str(ours) or "<textarea" in str(ours)


def test_whole_forms_with_errors_look_as_django_draws_them():
    ours, theirs = Everything(BOUND, renderer=FormRenderer()), Everything(BOUND, renderer=DjangoJinja2())
    assert not ours.is_valid() and not theirs.is_valid()
    assert str(ours) == str(theirs)
    assert ours.as_p() == theirs.as_p()


@pytest.fixture
def compared(monkeypatch):
    """Every field and label drawn while this fixture is active is drawn by Django's template as well, and must
    come out the same. Returns how many drawings of each template were compared."""
    counts = Counter()
    django_renderer = DjangoJinja2()
    ours = FormRenderer.render

    def render_both(self, template_name, context, request=None):
        html = ours(self, template_name, context, request)
        if template_name in DRAWN_IN_PYTHON:
            assert html == django_renderer.render(template_name, context, request), template_name
            counts[template_name] += 1
        return html

    monkeypatch.setattr(FormRenderer, "render", render_both)

    from django.template import engines

    env = engines["jinja2"].env
    reference = env.from_string(FORM_TEMPLATE)

    def fields_both(form):
        html = form_fields(form)
        assert html == reference.render({"form": form, "form_fields": form_fields})
        counts["form"] += 1
        return html

    monkeypatch.setitem(env.globals, "form_fields", fields_both)
    return counts


def test_every_field_on_every_page_looks_as_django_draws_it(client, world, compared):
    from steunwerk.access.tests.test_permission_matrix import METHOD_VIEWS, OBJECT_VIEWS, PLAIN_VIEWS

    pages = [reverse(name, args=args(world, "own")) for name, (method, args, _rule) in OBJECT_VIEWS.items()
             if method == "get"]
    pages += [reverse(name) for name in PLAIN_VIEWS if name != "ping"]
    pages += [reverse(name, args=["fact"]) for name in METHOD_VIEWS]
    pages.append(reverse("monitoring_new", args=[world.own_trajectory.pk]))  # the radio buttons
    for role in ("team_lead", "org_admin", "catalogue_admin"):
        client.force_login(world.user(role))
        for url in pages:
            assert client.get(url).status_code in (200, 302, 403, 404), url
    # A rejected form comes back with the values that were sent and the messages about them.
    client.force_login(world.user("team_lead"))
    client.post(reverse("client_edit", args=[world.own_client.pk]), {"name": "", "bsn": "12<3"})
    client.post(reverse("goal_new", args=[world.own_trajectory.pk]), {"intended_result": "", "priority": "x"})
    for widget in ("text", "number", "email", "date", "hidden", "password", "checkbox", "textarea", "select",
                   "checkbox_select", "radio"):
        assert compared[f"django/forms/widgets/{widget}.html"], widget
    assert compared["django/forms/label.html"] > 100
    assert compared["form"] > 20


def test_a_form_s_fields_are_what_the_template_drew():
    from django.template import engines

    template = engines["jinja2"].from_string(FORM_TEMPLATE)
    with_help = type("WithHelp", (Everything,), {"checks": forms.MultipleChoiceField(
        choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple, help_text="Kies er één", required=True)})
    for data in (None, BOUND, {"hidden": "x"}):
        for form in (with_help(data), with_help(data, auto_id=False)):
            if data:
                form.is_valid()
                form.add_error(None, "Er ging iets mis & <dit>")
            assert str(form_fields(form)) == template.render({"form": form})
        assert ('class="field has-error"' in str(form_fields(form))) == bool(data)


class Fixed(FixedFields, forms.Form):
    phase = forms.ChoiceField(choices=[("a", "Eerste"), ("b", "Tweede")], help_text="Waar u staat")
    tags = forms.MultipleChoiceField(choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple, required=False)
    note = forms.CharField(required=False)


@pytest.fixture
def drawn(monkeypatch):
    from steunwerk import formrenderer

    kept = {}
    monkeypatch.setattr(formrenderer, "_drawn_fields", kept)
    return kept


def test_a_fixed_field_is_drawn_once_per_value_and_then_reused_unchanged(drawn):
    first = str(form_fields(Fixed(initial={"phase": "b", "tags": ["a"]})))
    assert len(drawn) == 3  # phase, tags, and the empty note
    again = Fixed(initial={"phase": "b", "tags": ["a"]})
    assert str(form_fields(again)) == first
    assert len(drawn) == 3
    other = str(form_fields(Fixed(initial={"phase": "a"})))
    assert '<option value="a" selected>' in other and '<option value="b" selected>' in first
    reference = engines_form_template()
    for form in (Fixed(initial={"phase": "b", "tags": ["a"]}), Fixed(initial={"phase": "a"})):
        assert str(form_fields(form)) == reference.render({"form": form})


def test_typed_text_errors_and_unknown_values_are_never_kept(drawn):
    form = Fixed({"phase": "x", "tags": ["a"], "note": "Bram woont alleen"})
    assert not form.is_valid()
    html = str(form_fields(form))
    assert "Bram woont alleen" in html
    kept = "".join(drawn.values())
    assert "Bram woont alleen" not in kept  # typed text
    assert 'value="x"' not in kept and "has-error" not in kept  # a value with an error
    assert len(drawn) == 1  # only the tags, whose value is one of its choices
    assert str(form_fields(Fixed(initial={"phase": "<zelf bedacht>"}))).count("selected") == 0
    assert len(drawn) == 3  # not the unknown phase; the empty tags and note are
    assert not any("zelf bedacht" in html for html in drawn.values())


def test_a_form_without_fixed_fields_is_drawn_afresh_every_time(drawn):
    form_fields(Everything())
    assert drawn == {}


def engines_form_template():
    from django.template import engines

    return engines["jinja2"].from_string(FORM_TEMPLATE)


def test_ticked_boxes_in_another_order_reuse_the_same_markup_and_the_memory_stays_bounded(drawn, monkeypatch):
    from steunwerk import formrenderer

    first = str(form_fields(Fixed(initial={"phase": "a", "tags": ["a", "b"]})))
    kept = len(drawn)
    assert str(form_fields(Fixed(initial={"phase": "a", "tags": ["b", "a", "b"]}))) == first
    assert len(drawn) == kept
    monkeypatch.setattr(formrenderer, "_MAX_DRAWN_FIELDS", 4)
    for phase, tags in (("b", ["a"]), ("b", ["b"]), ("a", [])):
        form_fields(Fixed(initial={"phase": phase, "tags": tags}))
        assert len(drawn) <= 4


def test_fixed_forms_share_their_fields_but_not_their_list_of_fields():
    first, second = Fixed(), Fixed({"phase": "a"})
    assert first.fields["phase"] is second.fields["phase"]
    first.fields.pop("note")
    assert "note" in second.fields and "note" in Fixed().fields
    assert second.is_valid() and second.cleaned_data["phase"] == "a"
    assert not Fixed({"phase": "x"}).is_valid()


def test_a_choice_from_the_database_cannot_be_a_fixed_field():
    from steunwerk.accounts.models import Team

    class WithQueryset(FixedFields, forms.Form):
        team = forms.ModelChoiceField(queryset=Team.objects.all())

    with pytest.raises(TypeError):
        WithQueryset()


def _every_fixed_form():
    import steunwerk.methods.forms  # noqa: F401  (the project's fixed-field forms)
    import steunwerk.support.forms  # noqa: F401

    found, todo = [], list(FixedFields.__subclasses__())
    while todo:
        form_class = todo.pop()
        found.append(form_class)
        todo += form_class.__subclasses__()
    return [form_class for form_class in found if form_class.__module__.startswith("steunwerk.")
            and "tests" not in form_class.__module__]


def _state(form_class):
    """What each shared field and its widget hold, as text (a list changed in place shows up too)."""
    return {name: repr((sorted(vars(field).items()), sorted(vars(field.widget).items())))
            for name, field in form_class.base_fields.items()}


@pytest.mark.parametrize("form_class", _every_fixed_form(), ids=lambda form_class: form_class.__name__)
def test_using_a_fixed_form_changes_none_of_its_shared_fields(form_class, drawn):
    form_class()  # the first instance puts the shared fields in place
    before = _state(form_class)
    for form in (form_class(), form_class({}), form_class({name: "x" for name in form_class.base_fields})):
        form.is_valid()
        form_fields(form)
        assert all(form.fields[name] is field for name, field in form_class.base_fields.items())
    assert _state(form_class) == before
