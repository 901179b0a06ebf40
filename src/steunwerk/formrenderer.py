"""Form widgets render through Django's own Jinja2 widget templates, except the two that draw many options.

Django's select and multiple-choice templates include one template per option, and that one includes another for
the attributes: a list of twenty checkboxes costs sixty template calls. The copies in ``jinja2_widgets/`` write
the same markup in one pass (``tests/test_formrenderer.py`` compares them with Django's). Every other widget
template is Django's.
"""
from pathlib import Path

import django.forms
from django.forms.renderers import Jinja2
from django.utils.functional import cached_property

OWN_WIDGETS = Path(__file__).resolve().parent / "jinja2_widgets"
DJANGO_WIDGETS = Path(django.forms.__file__).resolve().parent / "jinja2"


class FormRenderer(Jinja2):
    @cached_property
    def engine(self):
        return self.backend({"APP_DIRS": False, "DIRS": [OWN_WIDGETS, DJANGO_WIDGETS], "NAME": "djangoforms",
                             "OPTIONS": {}})
