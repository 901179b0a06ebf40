"""Overzicht: where the people of a team (or of an organisation) are in the process, and who carries the support.

Counts only: never a name, never a list of people. Four tables:
1. open trajectories per team and phase;
2. open trajectories per complexity and aim ("gericht op");
3. plan steps of open trajectories per actor, in ladder order (own strength → network → general provision →
   professional → Wmo → other law), with each actor's share of all steps;
4. trajectories started and closed in this calendar year, per team.

Whose trajectories: ``access.scope.countable_totals`` — a professional's or team lead's own team(s); for an
organisation admin every team of the organisations they administer.

Small numbers: as soon as the page counts a team whose files the viewer cannot open themself (an organisation
admin's organisation-wide view), every number from 1 to 4 is shown as "<5", with the line-by-line secondary
suppression ("x") of ``signals.reports.Table``; a share is hidden with the number it is a share of. Viewers who
count only their own team(s) see exact numbers: they can open each of those files anyway. Each table is
suppressed on its own; the one number two tables share (all open trajectories) is the same in both, so it is
hidden alike in both when it is small.

Cost: two small queries on the running totals per team that the database keeps up to date itself
(support/tallies.py), whatever the number of clients; no trajectory is read, and the counts are never stale.
"""
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from steunwerk.support.access import countable_teams, countable_totals
# _complete adds the row and column totals and the lines secondary suppression checks: shared, not copied.
from steunwerk.signals.reports import TOTAL, Row, Table, _complete
from steunwerk.support import step_counts
from steunwerk.support.models import Trajectory, TrajectoryTally, TrajectoryYearTally
from steunwerk.vocab import Phase, StepActor

UNSET = "unset"
STEPS = "steps"
STARTED = TrajectoryYearTally.STARTED
CLOSED = TrajectoryYearTally.CLOSED


@dataclass
class Panel:
    """One table as shown: [(Row, [shown value per column], shown total, shown share or None)]."""

    table: Table
    lines: list
    show_total: bool = True
    show_share: bool = False


@dataclass
class Overview:
    teams: list
    year: int
    suppress: bool
    panels: list


def overview(actor, today=None):
    year = (today or timezone.localdate()).year
    teams = list(countable_teams(actor).select_related("organisation").order_by("organisation__name", "name"))
    suppress = not actor.is_system and any(team.pk not in actor.care_team_ids for team in teams)
    counts = _counts(actor, year)
    team_rows = _team_rows(teams)
    panels = [
        _panel(phase_table(team_rows, counts.situation), suppress),
        _panel(situation_table(counts.situation), suppress),
        _panel(ladder_table(counts.step_sums), suppress, show_total=False, show_share=True),
        _panel(year_table(team_rows, counts.per_year, year), suppress, show_total=False),
    ]
    return Overview(teams=teams, year=year, suppress=suppress, panels=panels)


@dataclass
class Counts:
    situation: dict  # {(team, phase, complexity, aim): open trajectories}
    step_sums: dict  # {Trajectory.steps_<actor> field: steps in open trajectories}
    per_year: dict  # {(team, STARTED or CLOSED): trajectories}


def _counts(actor, year):
    """The raw counts, read from the running totals the database keeps per team (support/tallies.py): two small
    queries, however many trajectories the teams hold, and always up to date."""
    situation, sums = {}, dict.fromkeys(step_counts.FIELDS.values(), 0)
    fields = list(sums)
    # Plain values: a few hundred rows of numbers need no model instances.
    tallies = countable_totals(actor, TrajectoryTally).filter(n__gt=0)
    for team_id, phase, complexity, aim, n, *steps in tallies.values_list("team_id", "phase", "complexity", "aim", "n",
                                                                           *fields):
        situation[(team_id, phase, complexity, aim)] = n
        for field, count in zip(fields, steps):
            sums[field] += count
    per_year = {(team_id, kind): n for team_id, kind, n in countable_totals(actor, TrajectoryYearTally)
                .filter(year=year, n__gt=0).values_list("team_id", "kind", "n")}
    return Counts(situation, sums, per_year)


def _tally(groups, key):
    """Add up grouped counts under a coarser key (a loop over the groups, not over trajectories)."""
    counts = {}
    for values, n in groups.items():
        k = key(*values)
        counts[k] = counts.get(k, 0) + n
    return counts


def _team_rows(teams):
    several_organisations = len({team.organisation_id for team in teams}) > 1
    return [Row(team.pk, f"{team.organisation.name} — {team.name}" if several_organisations else team.name)
            for team in teams]


def _table(title, row_heading, columns, rows, counts, row_totals=True):
    """A Table with a total row; with row_totals=False the columns do not add up to anything across a row, so
    only the columns are lines for secondary suppression."""
    lines = _complete(counts, [row.key for row in rows], columns)
    if not row_totals:
        lines = [(whole, parts) for whole, parts in lines if whole[1] != TOTAL]
    return Table(title=title, row_heading=row_heading, columns=columns, rows=[*rows, Row(TOTAL, _("Totaal"), "total")],
                 counts=counts, lines=lines)


def phase_table(team_rows, situation):
    columns = [(value, f"{Phase.number(value)}. {label}") for value, label in Phase.choices]
    counts = _tally(situation, lambda team, phase, _complexity, _aim: (team, phase))
    return _table(_("Lopende trajecten per team en fase"), _("Team"), columns, team_rows, counts)


def _choices(field):
    return [*Trajectory._meta.get_field(field).choices, (UNSET, _("Niet ingevuld"))]


def situation_table(situation):
    counts = _tally(situation, lambda _team, _phase, complexity, aim: (complexity or UNSET, aim or UNSET))
    rows = [Row(value, label) for value, label in _choices("complexity")]
    return _table(_("Lopende trajecten naar complexiteit en waarop ze gericht zijn"), _("Complexiteit"),
                  _choices("aim"), rows, counts)


def ladder_table(step_sums):
    """Plan steps of the open trajectories per actor, added up from the counts each trajectory keeps
    (support.step_counts); counted from the trajectories, so the access rule is theirs."""
    counts = {(actor, STEPS): step_sums[field] for actor, field in step_counts.FIELDS.items() if step_sums[field]}
    rows = [Row(value, label) for value, label in StepActor.choices]
    return _table(_("Stappen in de plannen van lopende trajecten: wie doet het"), _("Wie doet het"),
                  [(STEPS, _("Stappen"))], rows, counts)


def year_table(team_rows, counts, year):
    columns = [(STARTED, _("Gestart in %(year)s") % {"year": year}), (CLOSED, _("Afgesloten in %(year)s") % {"year": year})]
    return _table(_("Trajecten gestart en afgesloten in %(year)s") % {"year": year}, _("Team"), columns, team_rows,
                  counts, row_totals=False)


def _panel(table, suppress, show_total=True, show_share=False):
    shown = table.display(suppress)
    grand_total = shown[-1][2]
    lines = [(row, cells, total, _share(cells[0], grand_total) if show_share else None) for row, cells, total in shown]
    return Panel(table=table, lines=lines, show_total=show_total, show_share=show_share)


def _share(value, total):
    """A percentage, or the number's own mark when it is hidden (a share of a shown total would give it away)."""
    if not isinstance(value, int):
        return value
    if not isinstance(total, int):
        return total
    return f"{round(100 * value / total)}%" if total else "–"
