"""The Jinja2 environment for Steunwerk's pages.

Pages render through Jinja2 rather than Django's template language: the same markup at a fraction of the cost
per page, which matters because every page a professional opens is rendered afresh (nothing with client data is
cached). Django's template language stays configured for the libraries that ship their own templates (the API
browser and schema pages).
"""
import math
import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

import jinja2
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.middleware.csrf import get_token
from django.template import TemplateSyntaxError, defaultfilters
from django.template.backends import jinja2 as django_jinja2
from django.template.backends.jinja2 import get_exception_info
from django.template.backends.utils import csrf_input
from django.test.signals import template_rendered
from django.templatetags.static import static
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.formats import get_format, localize
from django.utils.functional import Promise, SimpleLazyObject
from django.utils.timezone import get_current_timezone, template_localtime
from jinja2 import ChainableUndefined, Environment, Undefined, pass_context
from markupsafe import Markup

from steunwerk import texts
from steunwerk.formrenderer import form_fields


# A URL whose arguments are whole numbers or slugs is reversed once per route and kind of argument, with stand-ins,
# and afterwards filled in as text: Django's reverse() costs some 15 µs, and list pages ask for a link on every row.
# A slug needs no quoting and passes every converter that takes one (slug, str, path); a route that refuses the
# stand-in refuses through reverse() itself, as it would refuse the real argument.
_STAND_INS = tuple(987654320 + i for i in range(4))
_SLUG_STAND_INS = tuple(f"standin-{i}-zq" for i in range(4))
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_url_shapes = {}


def _kind(arg):
    if type(arg) is int and arg >= 0:
        return "i"
    if type(arg) is str and _SLUG.fullmatch(arg):
        return "s"
    return None


def _link(place, name, args, kwargs):
    """The URL of route ``name``; ``place`` is the URL configuration and script prefix it is reversed in."""
    kinds = "".join(_kind(a) or "?" for a in args)
    if kwargs or len(args) > len(_STAND_INS) or "?" in kinds:
        return reverse(name, args=args or None, kwargs=kwargs or None)
    key = (place, name, kinds)
    shape = _url_shapes.get(key)
    if shape is None:
        stand_ins = [str(_STAND_INS[i] if kind == "i" else _SLUG_STAND_INS[i]) for i, kind in enumerate(kinds)]
        try:
            text = reverse(name, args=stand_ins or None)
        except NoReverseMatch:  # e.g. "7" as text for a number: let reverse() judge the argument itself
            return reverse(name, args=args or None)
        if any(text.count(stand_in) != 1 for stand_in in stand_ins):
            return reverse(name, args=args or None)  # a route that does not show its arguments plainly once each
        shape = text.replace("{", "{{").replace("}", "}}")
        for stand_in in stand_ins:
            shape = shape.replace(stand_in, "{}", 1)
        _url_shapes[key] = shape
    return shape.format(*args)


def _place():
    return get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()


def url(name, *args, **kwargs):
    return _link(_place(), name, args, kwargs)


class _PageLinks:
    """``url()`` for one page: the URL configuration and prefix are asked once, not once per link."""

    __slots__ = ("place",)

    def __init__(self):
        self.place = _place()

    def __call__(self, name, *args, **kwargs):
        return _link(self.place, name, args, kwargs)


class _Texts:
    """``_()`` in a template, as Jinja2's new-style gettext has it: the translation counts as markup and named
    values are escaped into it (``_("Casus %(code)s", code=x)``; a literal percent sign is written ``%%``). The
    result for a text without values is kept as well, since that is nearly every text on a page. An instance made
    for one page knows its language; the global one asks for the active language on every call."""

    __slots__ = ("language",)

    def __init__(self, language=None):
        self.language = language

    def __call__(self, message, **variables):
        language = self.language or translation.get_language()
        if variables:
            return Markup(texts.translate(language, message)) % variables
        key = (language, message, None)
        text = texts.translated.get(key)
        if text is None:
            text = texts.translated[key] = Markup(texts.translate(language, message)) % {}
        return text


class _Context(jinja2.runtime.Context):
    """Jinja2's context, calling ``_()`` and ``url()`` directly: they take no context, and Jinja's check of every
    called object for that costs more than these two helpers themselves (a page calls them a hundred times)."""

    def call(__self, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        if type(__obj) in _CALLED_DIRECTLY:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            return __obj(*args, **kwargs)
        return super().call(__obj, *args, **kwargs)


_CALLED_DIRECTLY = (_Texts, _PageLinks)


@receiver(setting_changed)
def _forget_link_shapes(setting, **kwargs):
    if setting == "ROOT_URLCONF":  # tests that swap the routes
        _url_shapes.clear()
        _optional_routes.clear()
    if setting.startswith("STATIC") or setting == "STORAGES":
        _static_urls.clear()


def url_if_exists(name, *args):
    """The URL, or "" when no such route is configured (a feature switched off). Without arguments the answer is
    remembered per route (the menu asks on every page); with arguments it is worked out each time."""
    if args:
        try:
            return url(name, *args)
        except NoReverseMatch:
            return ""
    key = (_place(), name)
    found = _optional_routes.get(key)
    if found is None:
        try:
            found = reverse(name)
        except NoReverseMatch:
            found = ""
        _optional_routes[key] = found
    return found


_optional_routes = {}
_static_urls = {}


def _static(path):
    """The URL of a static file: the same for the life of the process (the manifest is read at start)."""
    found = _static_urls.get(path)
    if found is None:
        found = _static_urls[path] = static(path)
    return found


@pass_context
def _finalize(context, value):
    """What every ``{{ value }}`` prints, as Django's template language would print it."""
    if isinstance(value, str):
        return value
    if value is None or isinstance(value, Undefined):
        return ""
    if type(value) is int and not settings.USE_THOUSAND_SEPARATOR:
        return str(value)  # what localize() would give, without its detour
    if isinstance(value, Promise):  # a text marked for translation, in the page's language
        return texts.plain(value, getattr(context.get("_"), "language", None))
    # Django's template language calls methods it is handed; Jinja2 prints them. A printed method is a template
    # bug, so it fails loudly (tests render every page) instead of showing "<bound method ...>" to a user.
    if callable(value) and not hasattr(value, "__html__"):
        raise TypeError(f"Sjabloon drukt een functie af in plaats van haar uitkomst: {value!r}")
    # Dates and times in the local time zone and format, numbers in the local notation.
    return localize(_local(value))


# Django's date filter reads its format letter by letter on every call (about 30 µs). A format of numbers only
# (day, month, year, hour, minute, second) means the same in strftime, which is a good deal cheaper.
_STRFTIME = {"d": "%d", "m": "%m", "Y": "%Y", "y": "%y", "H": "%H", "i": "%M", "s": "%S"}
_strftime_of = {}


def _as_strftime(django_format):
    if django_format not in _strftime_of:
        plain = all(c in _STRFTIME or not c.isalpha() and c not in "\\%" for c in django_format)
        _strftime_of[django_format] = "".join(_STRFTIME.get(c, c) for c in django_format) if plain else None
    return _strftime_of[django_format]


_TENTH = Decimal("0.1")


def _one_decimal(value):
    """Django's ``floatformat(1)`` for a number, in a quarter of the steps: one decimal, a half rounded away from
    zero, the page's decimal separator, no grouping of thousands. Anything but a finite int or float goes to
    ``floatformat`` itself."""
    if type(value) not in (int, float) or not math.isfinite(value):
        return defaultfilters.floatformat(value, 1)
    rounded = Decimal(repr(value)).quantize(_TENTH, rounding=ROUND_HALF_UP)
    if not rounded:
        rounded = abs(rounded)  # floatformat shows no "-0,0"
    return str(rounded).replace(".", get_format("DECIMAL_SEPARATOR"))


def _local(value):
    """Django's template_localtime() in fewer steps for the common case: an aware datetime, in the current time zone."""
    if type(value) is datetime and value.tzinfo is not None and settings.USE_TZ and value.utcoffset() is not None:
        return value.astimezone(get_current_timezone())
    return template_localtime(value)


def _date(value, arg=None):
    value = _local(value)
    pattern = _as_strftime(arg) if arg and isinstance(value, (date, datetime)) and value.year >= 1000 else None
    if pattern is None:
        return defaultfilters.date(value, arg)
    if not isinstance(value, datetime) and any(c in arg for c in "Hisa"):
        return defaultfilters.date(value, arg)  # a time asked of a date: Django's own answer
    return value.strftime(pattern)


def _time(value, arg=None):
    return defaultfilters.time(_local(value), arg)


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
    env.context_class = _Context
    env.install_gettext_callables(gettext=texts.gettext, ngettext=translation.ngettext, pgettext=translation.pgettext,
                                  npgettext=translation.npgettext, newstyle=True)
    env.globals.update(url=url, url_if_exists=url_if_exists, static=_static, _=_Texts(), form_fields=form_fields)
    env.filters.update(
        date=_date,
        time=_time,
        stringformat=defaultfilters.stringformat,
        default=_default,
        default_if_none=defaultfilters.default_if_none,
        linebreaksbr=_linebreaksbr,
        yesno=defaultfilters.yesno,
        truncatewords=defaultfilters.truncatewords,
        one_decimal=_one_decimal,
        urlencode=defaultfilters.urlencode,
    )
    return env


class _Template(django_jinja2.Template):
    def render(self, context=None, request=None):
        """Django's Jinja2 rendering, with two differences: the CSRF token is made once per page (Django's version
        masks a fresh one for every form on the page, which on a page with a dozen small forms adds up), and the
        render is announced like Django's own templates announce theirs, so the test client can show the context
        (``response.context``). Without listeners, as in production, announcing costs next to nothing."""
        context = {} if context is None else context
        context.setdefault("_", _Texts(translation.get_language()))
        context.setdefault("url", _PageLinks())
        if request is not None:
            context["request"] = request
            context["csrf_token"] = SimpleLazyObject(lambda: get_token(request))
            context["csrf_input"] = SimpleLazyObject(lambda: csrf_input(request))
            for context_processor in self.backend.template_context_processors:
                context.update(context_processor(request))
        try:
            html = self.template.render(context)
        except jinja2.TemplateSyntaxError as exc:
            new = TemplateSyntaxError(exc.args)
            new.template_debug = get_exception_info(exc)
            raise new from exc
        template_rendered.send(sender=self, template=self.template, context=context)
        return html


class Jinja2(django_jinja2.Jinja2):
    """Django's Jinja2 backend, whose templates announce that they were rendered (see ``_Template``)."""

    def from_string(self, template_code):
        return _Template(self.env.from_string(template_code), self)

    def get_template(self, template_name):
        return _Template(super().get_template(template_name).template, self)
