"""``get_FOO_display()`` without rebuilding the field's choices on every call.

Django's own version turns the choices into a fresh dict each time it is called (about 30 µs); a list page calls
it several times per row. This one builds the dict once per field and keeps it on the field, so a label costs a
dictionary lookup and its translation into the active language (looked up once per language, see texts.py).
"""
from django.utils.encoding import force_str

from steunwerk.texts import plain


class ChoiceLabels:
    """Mix into a model (before ``models.Model``) to get the cheaper ``get_FOO_display()``."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        try:
            return choice_label(field, value)
        except TypeError:  # an unhashable value (a list): Django's way copes with it
            return super()._get_FIELD_display(field)


def choice_label(field, value):
    """The label of ``value`` among the field's choices (the value itself when it is not one of them), as
    ``get_FOO_display()`` gives it: for records read as plain values as well as for model instances."""
    labels = field.__dict__.get("_labels_by_value")
    if labels is None:
        labels = field.__dict__["_labels_by_value"] = dict(field.flatchoices)
    return force_str(plain(labels.get(value, value)), strings_only=True)  # a lazy label from the memo of translations
