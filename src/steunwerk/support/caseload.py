"""Keyset pages of the caseload: sorted by client name, then client, then trajectory.

A page is reached from the row before it ("na") or the row after it ("voor"), given as a trajectory id. The
database seeks to that row in the caseload index and reads one page from there, so page 400 costs what page 1
costs; an OFFSET would read and throw away every row before it. The cursor is an id, never the name itself:
names in URLs end up in server logs.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

ORDER = ("client_name", "client_id", "id")
COUNT_LIMIT = 1000


@dataclass
class Page:
    rows: list
    next_after: int | None  # the id to continue after, if there is a next page
    previous_before: int | None  # the id to go back from, if there is a previous page
    total: int  # rows in the whole list, counted up to COUNT_LIMIT + 1
    is_first: bool

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    @property
    def total_is_capped(self):
        return self.total > COUNT_LIMIT


def parse_cursor(value):
    """A trajectory id from the URL, or None for anything that is not a plain positive number."""
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value) or None
    return None


def _beyond(queryset, key, direction):
    """Rows after (">") or before ("<") the row with sort key ``key``, as a row-value comparison the index can
    seek: the plain first-column bound lets every database start at the right place.

    Raw SQL because the ORM cannot say it: Django has no row-value comparison ``(a, b, c) > (x, y, z)``, and the
    equivalent OR of ANDs (``a > x OR a = x AND (b > y OR ...)``) is one the databases do not turn into an index
    seek."""
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    columns = ", ".join(f"{table}.{connection.ops.quote_name(c)}" for c in ORDER)
    bound = {"client_name__gte": key[0]} if direction == ">" else {"client_name__lte": key[0]}
    after = RawSQL(f"({columns}) {direction} (%s, %s, %s)", key, output_field=BooleanField())
    return queryset.filter(**bound).filter(after)


# What a line of the caseload shows: the rest of each file stays out of a list of many people.
ROW_FIELDS = (
    "client_name",
    "status",
    "phase",
    "organisation",
    "client",
    "client__date_of_birth",
    "client__neighbourhood",
    "team",
    "team__name",
    "lead",
    "lead__first_name",
    "lead__last_name",
    "lead__username",
)


def keyset_page(queryset, anchors, after=None, before=None, size=25, total=None):
    """One page of ``queryset`` (trajectories already filtered by the access layer). ``anchors`` is the queryset in
    which a cursor id is looked up (the visible trajectories), so a cursor can never reveal a row one may not see;
    an unknown cursor gives the first page, and so does a cursor with nothing left after it (rows closed since)."""
    cursor = after or before
    key = anchors.filter(pk=cursor).values_list(*ORDER).first() if cursor else None
    rows_of = queryset.select_related("client", "team", "lead").only(*ROW_FIELDS)
    if key is None:
        rows = list(rows_of.order_by(*ORDER)[: size + 1])
        more = len(rows) > size
        rows = rows[:size]
        if total is None:
            # A first page with room to spare holds the whole list: no need to count (a search mostly ends here).
            total = len(rows) if not more else queryset.order_by()[: COUNT_LIMIT + 1].count()
        return Page(rows, rows[-1].pk if more else None, None, total, True)
    if total is None:
        total = queryset.order_by()[: COUNT_LIMIT + 1].count()
    if after:
        rows = list(_beyond(rows_of, key, ">").order_by(*ORDER)[: size + 1])
        if not rows:
            return keyset_page(queryset, anchors, size=size, total=total)
        more = len(rows) > size
        rows = rows[:size]
        return Page(rows, rows[-1].pk if more else None, rows[0].pk, total, False)
    rows = list(_beyond(rows_of, key, "<").order_by(*(f"-{c}" for c in ORDER))[: size + 1])
    if len(rows) <= size:  # back at the start: show a full first page rather than the few rows before the cursor
        return keyset_page(queryset, anchors, size=size, total=total)
    rows = rows[:size][::-1]
    return Page(rows, rows[-1].pk, rows[0].pk, total, False)
