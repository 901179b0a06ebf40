"""A password validator for Dutch users: no common Dutch word, name, place or club with a few digits or signs around
it ("Wachtwoord12", "Amersfoort2026", "Feyenoord1908!"). Django's own CommonPasswordValidator knows English lists
only, and compares whole passwords, so "wachtwoord12" passed it. The words are in ``common_dutch_words.txt``, one
per line (lower case)."""

import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

WORDS_FILE = Path(__file__).with_name("common_dutch_words.txt")
# Digits, signs and spaces a person puts before or after a word to make it "strong".
_PADDING = re.compile(r"^[\W\d_]*(.*?)[\W\d_]*$")


class CommonDutchWordValidator:
    def __init__(self, words_file=WORDS_FILE):
        lines = Path(words_file).read_text(encoding="utf-8").splitlines()
        self.words = {line.strip() for line in lines if line.strip() and not line.startswith("#")}

    def validate(self, password, user=None):
        core = _PADDING.match(password.strip().lower()).group(1)
        if not core or core in self.words:
            raise ValidationError(
                _(
                    "Dit wachtwoord is een bekend woord met wat cijfers of tekens erbij. Kies een zin van een paar woorden."
                ),
                code="password_common_dutch",
            )

    def get_help_text(self):
        return _("Uw wachtwoord mag geen bekend woord met alleen wat cijfers of tekens erbij zijn.")
