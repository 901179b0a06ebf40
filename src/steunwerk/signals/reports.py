"""The network's yearly figures, in the shape of the book's 2011 overview.

- Signals received in the year, per urgency band (as judged: the professional's own judgement where it
  differs from the instrument) and per reporter type. Signals not (yet) scored are counted as "niet ingeschat".
- Cases opened in the year, per typology (grouped by the four levels, which is how the 2011 results are
  reported) and per outcome. Cases without a typology are counted as "niet getypeerd" (in 2011 the client who
  died before help started had none); cases without an outcome yet as "lopend".

Counts only. Who may read them, and whether small numbers are suppressed, is decided by
``signals.access.report_networks``; the counting itself runs as the operator, because a count is not a view of
any one person's data. How small numbers are suppressed: the shared module ``steunwerk.suppression`` (here the
two types of one typology level, each adding up to its total, are lines too).
"""

from django.db.models import Case, CharField, Count, F, When
from django.utils.translation import gettext_lazy as _

from steunwerk.access.actor import Actor
from steunwerk.access.scope import visible
from steunwerk.signals.models import NetworkCase, Signal
from steunwerk.signals.typology import types_by_level
from steunwerk.signals.urgency import BAND_LABELS
from steunwerk.suppression import TOTAL, Row, Table, complete
from steunwerk.vocab import CaseOutcome, ReporterType

UNSCORED = "unscored"
UNTYPED = "untyped"
OPEN = "open"

BAND_COLUMNS = [*BAND_LABELS.items(), (UNSCORED, _("Niet ingeschat"))]


def signal_table(organisation_id, year):
    """Signals received by this meldpunt in this year, per reporter type (rows) and urgency band (columns)."""
    judged = Case(When(band_override="", then=F("band")), default=F("band_override"), output_field=CharField())
    rows = (
        visible(Signal, Actor.system())
        .filter(organisation_id=organisation_id, received_at__year=year)
        .annotate(judged=judged)
        .values("reporter_type", "judged")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = {}
    for r in rows:
        key = (r["reporter_type"], r["judged"] or UNSCORED)
        counts[key] = counts.get(key, 0) + r["n"]
    reporter_rows = [row for row, _label in ReporterType.choices]
    lines = complete(counts, reporter_rows, BAND_COLUMNS)
    return Table(
        title=_("Meldingen %(year)s per urgentie en melder") % {"year": year},
        row_heading=_("Melder"),
        columns=BAND_COLUMNS,
        rows=[*(Row(k, label) for k, label in ReporterType.choices), Row(TOTAL, _("Totaal"), "total")],
        counts=counts,
        lines=lines,
    )


OUTCOME_COLUMNS = [*CaseOutcome.choices, (OPEN, _("Lopend"))]


def case_table(organisation_id, year):
    """Cases opened by this network in this year, per typology (by level, as in 2011) and outcome."""
    rows = (
        visible(NetworkCase, Actor.system())
        .filter(organisation_id=organisation_id, opened_on__year=year)
        .values("typology", "outcome")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = {}
    for r in rows:
        key = (r["typology"] or UNTYPED, r["outcome"] or OPEN)
        counts[key] = counts.get(key, 0) + r["n"]
    keys = [key for key, _label in OUTCOME_COLUMNS]
    table_rows, group_rows, extra_lines = [], [], []
    for level, types in types_by_level():
        group = f"level_{level.number}"
        group_rows.append(group)
        table_rows.append(
            Row(group, _("Categorie %(n)s: %(label)s") % {"n": level.number, "label": level.label}, "group")
        )
        for t in types:
            table_rows.append(Row(t.value, f"{t.label} ({t.orientation_label.lower()})", indent=True))
            counts[(t.value, TOTAL)] = sum(counts.get((t.value, key), 0) for key in keys)
        for key in [*keys, TOTAL]:
            counts[(group, key)] = sum(counts.get((t.value, key), 0) for t in types)
            extra_lines.append(((group, key), [(t.value, key) for t in types]))
        extra_lines += [((t.value, TOTAL), [(t.value, key) for key in keys]) for t in types]
    group_rows.append(UNTYPED)
    table_rows.append(Row(UNTYPED, _("Niet getypeerd")))
    lines = complete(counts, group_rows, OUTCOME_COLUMNS, extra_lines)
    table_rows.append(Row(TOTAL, _("Totaal"), "total"))
    return Table(
        title=_("Casussen %(year)s per typering en uitkomst") % {"year": year},
        row_heading=_("Typering"),
        columns=OUTCOME_COLUMNS,
        rows=table_rows,
        counts=counts,
        lines=lines,
    )


def yearly_report(organisation_id, year):
    return [signal_table(organisation_id, year), case_table(organisation_id, year)]
