"""The network's yearly figures, in the shape of the book's 2011 overview.

- Signals received in the year, per urgency band (as judged: the professional's own judgement where it
  differs from the instrument) and per reporter type. Signals not (yet) scored are counted as "niet ingeschat".
- Cases opened in the year, per typology (grouped by the four levels, which is how the 2011 results are
  reported) and per outcome. Cases without a typology are counted as "niet getypeerd" (in 2011 the client who
  died before help started had none); cases without an outcome yet as "lopend".

Counts only. Who may read them, and whether small numbers are suppressed, is decided by
``signals.access.report_networks``; the counting itself runs as the operator, because a count is not a view of
any one person's data.

Suppression: every number from 1 to 4 (cells and totals) is shown as "<5". Where a line (a row, a column, or
the two types of one level, each adding up to its total) would then let a hidden number be worked back — only
one number hidden, or hidden parts that together make 1 to 4 — the smallest other number of that line is
hidden too, shown as "x". This repeats until no line gives anything away. It is the simple, line-by-line form
of secondary suppression: it does not solve the whole table as a system of equations. Zeros are shown:
"nobody" does not point at anyone.
"""
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, F, When
from django.utils.translation import gettext_lazy as _

from steunwerk.access.actor import Actor
from steunwerk.access.scope import visible
from steunwerk.signals.models import NetworkCase, Signal
from steunwerk.signals.typology import types_by_level
from steunwerk.signals.urgency import BAND_LABELS
from steunwerk.vocab import CaseOutcome, ReporterType

TOTAL = "total"
UNSCORED = "unscored"
UNTYPED = "untyped"
OPEN = "open"
PRIMARY = "<5"
SECONDARY = "x"
SMALL = range(1, 5)


@dataclass
class Row:
    key: str
    label: str
    kind: str = "detail"  # detail, group (a typology level), total
    indent: bool = False  # a type within its level


@dataclass
class Table:
    title: str
    row_heading: str
    columns: list  # [(key, label)], without the total column
    rows: list  # [Row], the total row last
    counts: dict  # {(row key, column key): n}, totals included
    lines: list = field(default_factory=list)  # [(whole, [parts])]: keys where the parts add up to the whole

    def value(self, row, column):
        return self.counts.get((row, column), 0)

    def hidden(self):
        """{key: PRIMARY or SECONDARY} for the numbers a suppressed view must not show."""
        hidden = {key: PRIMARY for key, n in self.counts.items() if n in SMALL}
        changed = True
        while changed:
            changed = False
            for whole, parts in self.lines:
                if self._gives_away(hidden, whole, parts):
                    rest = [key for key in (*parts, whole) if key not in hidden]
                    if rest:
                        hidden[min(rest, key=lambda key: (self.counts.get(key, 0) == 0, self.counts.get(key, 0)))] = SECONDARY
                        changed = True
        return hidden

    def _gives_away(self, hidden, whole, parts):
        """Would the shown numbers of this line (parts summing to whole) pin down a hidden one? Yes if only one is
        hidden, or if the hidden parts add up to a small number (two hidden parts summing to 2 are both 1)."""
        inside = [key for key in (*parts, whole) if key in hidden]
        if len(inside) == 1:
            return True
        if inside and whole not in hidden:
            return sum(self.counts.get(key, 0) for key in parts if key in hidden) in SMALL
        return False

    def display(self, suppress):
        """The table as shown: [(Row, [shown value per column], shown total)], values int or "<5"/"x"."""
        hidden = self.hidden() if suppress else {}
        keys = [key for key, _label in self.columns] + [TOTAL]
        result = []
        for row in self.rows:
            shown = [hidden.get((row.key, key), self.value(row.key, key)) for key in keys]
            result.append((row, shown[:-1], shown[-1]))
        return result

    def as_dict(self, suppress):
        return {
            "title": str(self.title),
            "columns": [{"key": key, "label": str(label)} for key, label in self.columns],
            "rows": [{"key": row.key, "label": str(row.label), "kind": row.kind,
                      "cells": {key: value for (key, _l), value in zip(self.columns, cells)}, "total": total}
                     for row, cells, total in self.display(suppress)],
        }


def _complete(counts, detail_rows, columns, extra_lines=()):
    """Add row and column totals to the counts and list the lines (row, column) for suppression."""
    keys = [key for key, _label in columns]
    for row in detail_rows:
        counts[(row, TOTAL)] = sum(counts.get((row, key), 0) for key in keys)
    for key in [*keys, TOTAL]:
        counts[(TOTAL, key)] = sum(counts.get((row, key), 0) for row in detail_rows)
    lines = [((row, TOTAL), [(row, key) for key in keys]) for row in [*detail_rows, TOTAL]]
    lines += [((TOTAL, key), [(row, key) for row in detail_rows]) for key in [*keys, TOTAL]]
    return lines + list(extra_lines)


BAND_COLUMNS = [*BAND_LABELS.items(), (UNSCORED, _("Niet ingeschat"))]


def signal_table(organisation_id, year):
    """Signals received by this meldpunt in this year, per reporter type (rows) and urgency band (columns)."""
    judged = Case(When(band_override="", then=F("band")), default=F("band_override"), output_field=CharField())
    rows = (visible(Signal, Actor.system()).filter(organisation_id=organisation_id, received_at__year=year)
            .annotate(judged=judged).values("reporter_type", "judged").annotate(n=Count("id")).order_by())
    counts = {}
    for r in rows:
        key = (r["reporter_type"], r["judged"] or UNSCORED)
        counts[key] = counts.get(key, 0) + r["n"]
    reporter_rows = [row for row, _label in ReporterType.choices]
    lines = _complete(counts, reporter_rows, BAND_COLUMNS)
    return Table(
        title=_("Meldingen %(year)s per urgentie en melder") % {"year": year}, row_heading=_("Melder"),
        columns=BAND_COLUMNS, rows=[*(Row(k, label) for k, label in ReporterType.choices),
                                    Row(TOTAL, _("Totaal"), "total")],
        counts=counts, lines=lines,
    )


OUTCOME_COLUMNS = [*CaseOutcome.choices, (OPEN, _("Lopend"))]


def case_table(organisation_id, year):
    """Cases opened by this network in this year, per typology (by level, as in 2011) and outcome."""
    rows = (visible(NetworkCase, Actor.system()).filter(organisation_id=organisation_id, opened_on__year=year)
            .values("typology", "outcome").annotate(n=Count("id")).order_by())
    counts = {}
    for r in rows:
        key = (r["typology"] or UNTYPED, r["outcome"] or OPEN)
        counts[key] = counts.get(key, 0) + r["n"]
    keys = [key for key, _label in OUTCOME_COLUMNS]
    table_rows, group_rows, extra_lines = [], [], []
    for level, types in types_by_level():
        group = f"level_{level.number}"
        group_rows.append(group)
        table_rows.append(Row(group, _("Categorie %(n)s: %(label)s") % {"n": level.number, "label": level.label},
                              "group"))
        for t in types:
            table_rows.append(Row(t.value, f"{t.label} ({t.orientation_label.lower()})", indent=True))
            counts[(t.value, TOTAL)] = sum(counts.get((t.value, key), 0) for key in keys)
        for key in [*keys, TOTAL]:
            counts[(group, key)] = sum(counts.get((t.value, key), 0) for t in types)
            extra_lines.append(((group, key), [(t.value, key) for t in types]))
        extra_lines += [((t.value, TOTAL), [(t.value, key) for key in keys]) for t in types]
    group_rows.append(UNTYPED)
    table_rows.append(Row(UNTYPED, _("Niet getypeerd")))
    lines = _complete(counts, group_rows, OUTCOME_COLUMNS, extra_lines)
    table_rows.append(Row(TOTAL, _("Totaal"), "total"))
    return Table(title=_("Casussen %(year)s per typering en uitkomst") % {"year": year}, row_heading=_("Typering"),
                 columns=OUTCOME_COLUMNS, rows=table_rows, counts=counts, lines=lines)


def yearly_report(organisation_id, year):
    return [signal_table(organisation_id, year), case_table(organisation_id, year)]
