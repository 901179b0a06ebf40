"""The Jinja2 environment of Steunwerk's pages, and the form renderer that draws forms with the same templates.

Values print as in Django's template language: nothing for None or a missing name, dates and times in local time
and Dutch notation, texts marked for translation in the active language. ``_()`` is Django's gettext (Jinja2's
new-style gettext: ``_("Casus %(code)s", code=x)``; a literal percent sign is written ``%%``).
"""

from django.forms.renderers import TemplatesSetting
from django.middleware.csrf import get_token
from django.template import defaultfilters
from django.template.backends import jinja2 as django_jinja2
from django.templatetags.static import static
from django.test.signals import template_rendered
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.formats import localize
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html
from django.utils.timezone import template_localtime
from jinja2 import ChainableUndefined, Environment, Undefined


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def url_if_exists(name, *args):
    """The URL, or "" when no such route is configured (a feature switched off)."""
    try:
        return url(name, *args)
    except NoReverseMatch:
        return ""


def finalize(value):
    """What ``{{ value }}`` prints: as Django's template language prints it."""
    if value is None or isinstance(value, Undefined):
        return ""
    # Django's template language calls a method it is handed; Jinja2 would print "<bound method ...>". A printed
    # method is a template bug, so it fails loudly (the tests render every page).
    if callable(value) and not hasattr(value, "__html__"):
        raise TypeError(f"Sjabloon drukt een functie af in plaats van haar uitkomst: {value!r}")
    return localize(template_localtime(value))


def environment(**options):
    options["undefined"] = ChainableUndefined  # a missing name or attribute prints as nothing, as in Django
    env = Environment(extensions=["jinja2.ext.i18n"], finalize=finalize, **options)
    env.install_gettext_callables(
        gettext=translation.gettext,
        ngettext=translation.ngettext,
        pgettext=translation.pgettext,
        npgettext=translation.npgettext,
        newstyle=True,
    )
    env.globals.update(url=url, url_if_exists=url_if_exists, static=static)
    env.filters.update(
        date=lambda value, arg=None: defaultfilters.date(template_localtime(value), arg),
        time=lambda value, arg=None: defaultfilters.time(template_localtime(value), arg),
        default=defaultfilters.default,
        default_if_none=defaultfilters.default_if_none,
        floatformat=defaultfilters.floatformat,
        linebreaksbr=defaultfilters.linebreaksbr,
        stringformat=defaultfilters.stringformat,
        truncatechars=defaultfilters.truncatechars,
        truncatewords=defaultfilters.truncatewords,
        urlencode=defaultfilters.urlencode,
    )
    return env


def csrf_once_per_page(request):
    """A context processor for the Jinja2 pages: the CSRF token masked once per page, as Django's template language
    does (its csrf context processor hands a SimpleLazyObject to the render). Django's Jinja2 backend masks a fresh
    token wherever a page prints ``csrf_input``, which on a page with a form per row adds up."""
    token = SimpleLazyObject(lambda: get_token(request))
    field = SimpleLazyObject(lambda: format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token))
    return {"csrf_token": token, "csrf_input": field}


class FormRenderer(TemplatesSetting):
    """Forms, fields and widgets render through the project's templates (a project widget template wins over
    Django's); the markup of a form and of a field is in forms/div.html and forms/field.html."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"


class Template(django_jinja2.Template):
    def render(self, context=None, request=None):
        # Announced like Django's own templates announce theirs, so that the test client has response.context.
        context = {} if context is None else context
        template_rendered.send(sender=self, template=self.template, context=context)
        return super().render(context, request)


class Jinja2(django_jinja2.Jinja2):
    """Django's Jinja2 backend, whose templates announce that they are rendered (see ``Template``)."""

    def from_string(self, template_code):
        return Template(self.env.from_string(template_code), self)

    def get_template(self, template_name):
        return Template(super().get_template(template_name).template, self)
