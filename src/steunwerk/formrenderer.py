"""Form fields and labels are drawn in Python; anything else a form renders goes through Django's Jinja2 templates.

Django builds a widget's context (its attributes, which options are selected) and hands it to the renderer with the
name of a template. For the common widgets and for labels, this renderer writes the markup that template would
write, directly: a template render costs about a hundred microseconds per field, and a list of twenty checkboxes
costs sixty template calls (one per option, and one more for its attributes). ``tests/test_formrenderer.py``
compares every drawing with Django's own template, for every field of every form in Steunwerk. Widgets not listed
here (file inputs, date parts, error lists) still render through Django's templates.
"""
from pathlib import Path

from django import forms
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.forms.renderers import Jinja2
from django.utils import translation
from django.utils.functional import cached_property
from markupsafe import Markup, escape as _escape

from steunwerk.texts import plain


def escape(value):
    return _escape(plain(value))  # a label marked for translation comes from the memo of translations

DJANGO_WIDGETS = Path(forms.__file__).resolve().parent / "jinja2"


def _attrs(attrs):
    """Django's attrs.html: ``name="value"``, a bare name for True, nothing for False."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items() if value is not False
    )


def _input(context):
    widget = context["widget"]
    value = "" if widget["value"] is None else f' value="{escape(widget["value"])}"'
    return f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


def _textarea(context):
    widget = context["widget"]
    return (f'<textarea name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>\n'
            f'{escape(widget["value"]) if widget["value"] else ""}</textarea>')


def _select(context):
    widget = context["widget"]
    parts = [f'<select name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{escape(group_name)}">')
        parts.extend(f'\n  <option value="{escape(option["value"])}"{_attrs(option["attrs"])}>{escape(option["label"])}'
                     f'</option>' for option in options)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _option_input(option):
    label_id = option["attrs"].get("id")
    value = "" if option["value"] is None else f' value="{escape(option["value"])}"'
    box = f'<input type="{escape(option["type"])}" name="{escape(option["name"])}"{value}{_attrs(option["attrs"])}>'
    if not option["wrap_label"]:
        return f"<div>\n    {box}</div>"
    label_for = f' for="{escape(label_id)}"' if label_id else ""
    return f'<div>\n    <label{label_for}>{box} {escape(option["label"])}</label></div>'


def _multiple_input(context):
    """Checkbox and radio lists (Django's multiple_input.html with its input_option.html per option)."""
    widget = context["widget"]
    list_id, css_class = widget["attrs"].get("id"), widget["attrs"].get("class")
    parts = ["<div", f' id="{escape(list_id)}"' if list_id else "", f' class="{escape(css_class)}"' if css_class else "", ">"]
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f"\n  <div><label>{escape(group_name)}</label>")
        parts.extend(_option_input(option) for option in options)
        if group_name:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return "".join(parts)


def _label(context):
    if not context["use_tag"]:
        return str(escape(context["label"]))
    tag = escape(context["tag"])
    return f'<{tag}{_attrs(context["attrs"]) if context["attrs"] else ""}>{escape(context["label"])}</{tag}>'


_INPUTS = ("input", "text", "number", "email", "url", "password", "hidden", "date", "datetime", "time", "search", "tel",
           "color", "checkbox")
DRAWN_IN_PYTHON = {
    **{f"django/forms/widgets/{name}.html": _input for name in _INPUTS},
    "django/forms/widgets/textarea.html": _textarea,
    "django/forms/widgets/select.html": _select,
    "django/forms/widgets/multiple_input.html": _multiple_input,
    "django/forms/widgets/checkbox_select.html": _multiple_input,
    "django/forms/widgets/radio.html": _multiple_input,
    "django/forms/label.html": _label,
}


class FormRenderer(Jinja2):
    @cached_property
    def engine(self):
        return self.backend({"APP_DIRS": False, "DIRS": [DJANGO_WIDGETS], "NAME": "djangoforms", "OPTIONS": {}})

    def render(self, template_name, context, request=None):
        draw = DRAWN_IN_PYTHON.get(template_name)
        if draw is None:
            return super().render(template_name, context, request=request)
        return draw(context).strip()  # Django strips what a template gives


class _SharedFields(dict):
    """The declared fields of a FixedFields form. Django deep-copies a form's fields for each instance, so that the
    instance may change its own; these forms change none, so each instance gets a dict of the same field objects."""

    def __deepcopy__(self, memo):
        return dict(self)


class FixedFields:
    """For a form whose fields are the same for every instance (its ``__init__`` changes none of them).

    Its instances share the field objects instead of deep copies of them. A field of such a form whose value is
    empty, or one (or a set) of the field's own fixed choices, looks the same every time it is drawn with that
    value: ``form_fields`` draws it once per language and value and then reuses the markup. Such a field shows
    nothing the user typed, only which of its fixed choices are selected (a phase, a level of complexity, a
    combination of target groups); a field with typed text or with errors is drawn afresh every time."""

    def __init__(self, *args, **kwargs):
        cls = type(self)
        if type(cls.__dict__.get("base_fields")) is not _SharedFields:
            if any(isinstance(field, forms.ModelChoiceField) for field in cls.base_fields.values()):
                # A model form narrows such a field's queryset per instance (limit_choices_to).
                raise TypeError(f"{cls.__name__}: een keuze uit de database past niet in een FixedFields-formulier")
            cls.base_fields = _SharedFields(cls.base_fields)
        super().__init__(*args, **kwargs)


_drawn_fields = {}
# A bound on memory (some 10 MB): when it is reached the kept markup is dropped and gathered again. A list of
# checkboxes has many combinations of ticked boxes; the usual ones come back quickly.
_MAX_DRAWN_FIELDS = 5000


def _reusable_key(field):
    form = field.form
    if not isinstance(form, FixedFields) or (form.is_bound and field.errors):
        return None
    value = field.value()
    values = tuple(value) if isinstance(value, (list, tuple)) else (value,)
    chosen = [v for v in values if v not in (None, "")]
    fixed_choices = isinstance(field.field, forms.ChoiceField) and not isinstance(field.field, forms.ModelChoiceField)
    if chosen and not (fixed_choices and all(field.field.valid_value(v) for v in chosen)):
        return None
    # Ticked boxes look the same whatever order (or how often) their values came in.
    shown = tuple(sorted({str(v) for v in values})) if isinstance(value, (list, tuple)) else (str(value),)
    return (type(form), form.prefix, form.auto_id, form.label_suffix, form.use_required_attribute, field.name,
            translation.get_language(), shown)


def form_fields(form):
    """What a page shows of a form (``{{ form_fields(form) }}``): its errors, hidden fields, and per visible field a
    label (or a legend for a group of choices), help text, errors and the widget. Written in Python for the same
    reason as the widgets above; ``tests/test_formrenderer.py`` holds the template this replaces and compares the
    two."""
    parts = []
    form_errors = form.non_field_errors()
    if form_errors:
        parts.append(f'<div class="errorlist" role="alert">{escape(form_errors)}</div>')
    parts.append("\n")
    parts.extend(str(escape(hidden)) for hidden in form.hidden_fields())
    parts.append("\n")
    for field in form.visible_fields():
        key = _reusable_key(field)
        drawn = _drawn_fields.get(key) if key is not None else None
        if drawn is None:
            drawn = _field_block(field)
            if key is not None:
                if len(_drawn_fields) >= _MAX_DRAWN_FIELDS:
                    _drawn_fields.clear()
                _drawn_fields[key] = drawn
        parts.append(drawn)
    return Markup("".join(parts))


def _field_block(field):
    errors, help_text = field.errors, field.help_text
    error_class = " has-error" if errors else ""
    parts = []
    if field.use_fieldset:
        described = ""
        if help_text or errors:
            auto_id = escape(field.auto_id)
            described = " ".join(([f"{auto_id}_helptext"] if help_text else []) + ([f"{auto_id}_error"] if errors else []))
            described = f' aria-describedby="{described}"'
        parts.append(f'\n<fieldset class="field{error_class}"{described}>\n  {escape(field.legend_tag())}')
    else:
        parts.append(f'\n\n<div class="field{error_class}">\n  {escape(field.label_tag())}')
    parts.append("\n  ")
    if help_text:
        parts.append(f'<div class="help" id="{escape(field.auto_id)}_helptext">{escape(help_text)}</div>')
    parts.append("\n  ")
    if errors:
        parts.append(f'<div class="errors" role="alert">{escape(errors)}</div>')
    parts.append(f"\n  {escape(field)}\n{'</fieldset>' if field.use_fieldset else '</div>'}\n")
    return "".join(parts)


@receiver(setting_changed)
def _forget_drawn_fields(setting, **kwargs):
    _drawn_fields.clear()  # labels, formats and languages may all change with a setting
