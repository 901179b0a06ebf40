"""Understand what a professional typed in the caseload search box: a BSN, a date of birth or a name."""

import re
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from steunwerk.clients import bsn as bsn_rules

DATE_PATTERNS = [
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"), ("day", "month", "year")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("year", "month", "day")),
]


@dataclass
class Query:
    kind: str  # "bsn", "date_of_birth", "name" or "" (nothing typed)
    value: object = None
    error: str = ""

    def q(self, prefix="", name_field=None):
        if self.kind == "bsn":
            return Q(**{f"{prefix}bsn": self.value})
        if self.kind == "date_of_birth":
            return Q(**{f"{prefix}date_of_birth": self.value})
        if self.kind == "name":
            return Q(**{f"{name_field or prefix + 'name'}__icontains": self.value})
        return Q()

    @property
    def log_detail(self):
        # Never write the BSN or birth date itself into the log: only what kind of search it was.
        return {"bsn": "zoeken op BSN", "date_of_birth": "zoeken op geboortedatum", "name": "zoeken op naam"}.get(
            self.kind, ""
        )


def parse(text):
    # NUL cannot be sent to PostgreSQL (a server error); it is never part of a name, BSN or date.
    text = (text or "").replace("\x00", "").strip()[:100]
    if not text:
        return Query("")
    for pattern, order in DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            try:
                return Query("date_of_birth", date(parts["year"], parts["month"], parts["day"]))
            except ValueError:
                return Query("date_of_birth", None, error="Deze datum bestaat niet.")
    digits = bsn_rules.normalise(text)
    if digits.isdigit() and len(digits) in (8, 9):
        if not bsn_rules.is_valid(digits):
            return Query("bsn", bsn_rules.clean(digits), error="Dit BSN voldoet niet aan de elfproef.")
        return Query("bsn", bsn_rules.clean(digits))
    return Query("name", text)
