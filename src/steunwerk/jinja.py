"""The Jinja2 environment for Steunwerk's pages.

Pages render through Jinja2 rather than Django's template language: the same markup at a fraction of the cost
per page, which matters because every page a professional opens is rendered afresh (nothing with client data is
cached). Django's template language stays configured for the libraries that ship their own templates (the API
browser and schema pages).
"""
from django.template import defaultfilters
from django.template.backends import jinja2 as django_jinja2
from django.test.signals import template_rendered
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from jinja2 import ChainableUndefined, Environment, Undefined


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def url_if_exists(name, *args):
    """The URL, or "" when no such route is configured (a feature switched off)."""
    try:
        return reverse(name, args=args or None)
    except NoReverseMatch:
        return ""


def _finalize(value):
    """What every ``{{ value }}`` prints, as Django's template language would print it."""
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, Undefined):
        return ""
    # Django's template language calls methods it is handed; Jinja2 prints them. A printed method is a template
    # bug, so it fails loudly (tests render every page) instead of showing "<bound method ...>" to a user.
    if callable(value) and not hasattr(value, "__html__"):
        raise TypeError(f"Sjabloon drukt een functie af in plaats van haar uitkomst: {value!r}")
    # Dates and times in the local time zone and format, numbers in the local notation.
    return localize(template_localtime(value))


def _date(value, arg=None):
    return defaultfilters.date(template_localtime(value), arg)


def _time(value, arg=None):
    return defaultfilters.time(template_localtime(value), arg)


def _default(value, fallback=""):
    """Django's ``default``: any false value (empty text, None, 0, an empty list) is replaced."""
    return value if value else fallback


def _linebreaksbr(value):
    return defaultfilters.linebreaksbr(value, autoescape=True)


def environment(**options):
    # Like Django's template language, a missing name or attribute prints as nothing (Django's backend would pass
    # its own choice; this one is deliberate).
    options["undefined"] = ChainableUndefined
    env = Environment(extensions=["jinja2.ext.i18n"], finalize=_finalize, trim_blocks=False, **options)
    env.install_gettext_translations(translation, newstyle=True)
    env.globals.update(url=url, url_if_exists=url_if_exists, static=static)
    env.filters.update(
        date=_date,
        time=_time,
        stringformat=defaultfilters.stringformat,
        default=_default,
        default_if_none=defaultfilters.default_if_none,
        linebreaksbr=_linebreaksbr,
        yesno=defaultfilters.yesno,
        truncatewords=defaultfilters.truncatewords,
        floatformat=defaultfilters.floatformat,
        urlencode=defaultfilters.urlencode,
    )
    return env


class _Template(django_jinja2.Template):
    def render(self, context=None, request=None):
        html = super().render(context, request)
        # What Django's own templates announce, so the test client can show the context (``response.context``)
        # and the template used. Without listeners, as in production, sending costs next to nothing.
        template_rendered.send(sender=self, template=self.template, context=context if context is not None else {})
        return html


class Jinja2(django_jinja2.Jinja2):
    """Django's Jinja2 backend, whose templates announce that they were rendered (see ``_Template``)."""

    def from_string(self, template_code):
        return _Template(self.env.from_string(template_code), self)

    def get_template(self, template_name):
        return _Template(super().get_template(template_name).template, self)
