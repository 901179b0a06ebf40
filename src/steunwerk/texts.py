"""Translations looked up once per language and process.

A page holds a hundred or more texts, and each of Django's lookups goes through the active translation's
thread-local state (a few µs). Texts marked with ``gettext_lazy`` (form labels, the labels of choices) are
translated afresh every time they are printed; ``plain()`` gives their translation from the same memo.
"""
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import translation

translated = {}

# The type of every gettext_lazy text (each lazy() call makes a class of its own).
_LAZY_TEXT = type(translation.gettext_lazy(""))


def gettext(message):
    return translate(translation.get_language(), message)


def translate(language, message):
    key = (language, message)
    text = translated.get(key)
    if text is None:
        if language == translation.get_language():
            text = translation.gettext(message)
        else:
            with translation.override(language):
                text = translation.gettext(message)
        translated[key] = text
    return text


def plain(value, language=None):
    """A gettext_lazy text as its translation in ``language`` (the active language, when the caller does not know
    it already); any other value as it is."""
    if type(value) is _LAZY_TEXT:
        args = getattr(value, "_args", None)  # Django keeps the message there; anything else is cast the usual way
        if args is not None and len(args) == 1 and not value._kw:
            return translate(language or translation.get_language(), args[0])
        return str(value)
    return value


@receiver(setting_changed)
def _forget(setting, **kwargs):
    if setting in ("LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "USE_I18N"):  # Django reloads its catalogues too
        translated.clear()
