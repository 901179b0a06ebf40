"""Small-number suppression for tables of counts, shared by every page and command that reports numbers about
people (the signalling network's yearly report, signals/reports.py; the Overzicht, support/dashboard.py).

Counts only, never a person. When a table is shown suppressed, every number from 1 to 4 (cells and totals) is
shown as "<5". Where a line (a row, a column, or any other group of parts adding up to a whole) would then let a
hidden number be worked back — only one number hidden, or hidden parts that together make 1 to 4 — the smallest
other number of that line is hidden too, shown as "x". This repeats until no line gives anything away. It is the
simple, line-by-line form of secondary suppression: it does not solve the whole table as a system of equations.
Zeros are shown: "nobody" does not point at anyone.

A leaf module: it imports no app, so any app may use it.
"""

from dataclasses import dataclass, field

TOTAL = "total"
PRIMARY = "<5"
SECONDARY = "x"
SMALL = range(1, 5)


@dataclass
class Row:
    key: str
    label: str
    kind: str = "detail"  # detail, group (e.g. a typology level), total
    indent: bool = False  # a part within its group


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
                        smallest = min(rest, key=lambda key: (self.counts.get(key, 0) == 0, self.counts.get(key, 0)))
                        hidden[smallest] = SECONDARY
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
            "rows": [
                {
                    "key": row.key,
                    "label": str(row.label),
                    "kind": row.kind,
                    "cells": {key: value for (key, _l), value in zip(self.columns, cells, strict=True)},
                    "total": total,
                }
                for row, cells, total in self.display(suppress)
            ],
        }


def complete(counts, detail_rows, columns, extra_lines=()):
    """Add row and column totals to ``counts`` (in place) and return the lines (each row, each column, and
    ``extra_lines``) that suppression checks."""
    keys = [key for key, _label in columns]
    for row in detail_rows:
        counts[(row, TOTAL)] = sum(counts.get((row, key), 0) for key in keys)
    for key in [*keys, TOTAL]:
        counts[(TOTAL, key)] = sum(counts.get((row, key), 0) for row in detail_rows)
    lines = [((row, TOTAL), [(row, key) for key in keys]) for row in [*detail_rows, TOTAL]]
    lines += [((TOTAL, key), [(row, key) for row in detail_rows]) for key in [*keys, TOTAL]]
    return lines + list(extra_lines)
