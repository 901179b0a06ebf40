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
        labels = field.__dict__.get("_labels_by_value")
        if labels is None:
            labels = field.__dict__["_labels_by_value"] = dict(field.flatchoices)
        value = getattr(self, field.attname)
        try:
            label = labels.get(value, value)
        except TypeError:  # an unhashable value (a list): Django's way copes with it
            return super()._get_FIELD_display(field)
        return force_str(plain(label), strings_only=True)  # a lazy label from the memo of translations
