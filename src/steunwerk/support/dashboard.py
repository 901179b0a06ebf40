"""Overzicht: where the people of a team (or of an organisation) are in the process, and who carries the support.

Counts only: never a name, never a list of people. Four tables:
1. open trajectories per team and phase;
2. open trajectories per complexity and aim ("gericht op");
3. plan steps of open trajectories per actor, in ladder order (own strength → network → general provision →
   professional → Wmo → other law), with each actor's share of all steps;
4. trajectories started and closed in this calendar year, per team.

Whose trajectories: the teams of ``support.access.countable_teams`` — a professional's or team lead's own team(s);
for an organisation admin every team of the organisations they administer. The counting runs as the operator over
those teams: a count is not a view of any one person's data.

Small numbers: as soon as the page counts a team whose files the viewer cannot open themself (an organisation
admin's organisation-wide view), every number from 1 to 4 is shown as "<5", with the line-by-line secondary
suppression ("x") of ``steunwerk.suppression``; a share is hidden with the number it is a share of. Viewers who
count only their own team(s) see exact numbers: they can open each of those files anyway. Each table is
suppressed on its own; the one number two tables share (all open trajectories) is the same in both, so it is
hidden alike in both when it is small.

Cost: three grouped counts — open trajectories per team, phase, complexity and aim (from the covering index
trajectory_overview); trajectories started or closed this year per team (one statement, two index ranges:
trajectory_team_started, trajectory_team_closed); plan steps of the open trajectories per actor (through goals and
plans to the (plan, actor) index of the steps). The last is the slowest: it grows with the teams' steps (at 50,000
synthetic clients about 0.1 s for one team, 0.3–0.4 s for an organisation of four, on SQLite and PostgreSQL). So
the numbers are kept in Django's cache for ``settings.OVERVIEW_CACHE_SECONDS`` per set of teams and year: a page
looked at often counts once in that time, and it says when it counted. Suppression and labels are applied per
viewer afterwards, so the cache holds numbers only.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from steunwerk.access.actor import Actor
from steunwerk.access.scope import visible
from steunwerk.support.access import countable_teams
from steunwerk.support.models import Trajectory
from steunwerk.suppression import TOTAL, Row, Table, complete
from steunwerk.vocab import Phase, StepActor

UNSET = "unset"
STEPS = "steps"
STARTED = "started"
CLOSED = "closed"
CACHE_PREFIX = "overzicht:v1"  # a new version when Counts changes shape, so no older numbers are read back


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
    counted_at: datetime


def overview(actor, today=None):
    year = (today or timezone.localdate()).year
    teams = list(countable_teams(actor).select_related("organisation").order_by("organisation__name", "name"))
    suppress = not actor.is_system and any(team.pk not in actor.care_team_ids for team in teams)
    counts = cached_counts([team.pk for team in teams], year)
    team_rows = _team_rows(teams)
    panels = [
        _panel(phase_table(team_rows, counts.situation), suppress),
        _panel(situation_table(counts.situation), suppress),
        _panel(ladder_table(counts.steps), suppress, show_total=False, show_share=True),
        _panel(year_table(team_rows, counts.per_year, year), suppress, show_total=False),
    ]
    return Overview(teams=teams, year=year, suppress=suppress, panels=panels, counted_at=counts.counted_at)


@dataclass
class Counts:
    """The raw numbers, the same whoever asks for these teams (nothing here depends on the viewer or language)."""

    situation: dict  # {(team, phase, complexity, aim): open trajectories}
    steps: dict  # {actor: plan steps in open trajectories}
    per_year: dict  # {(team, STARTED or CLOSED): trajectories}
    counted_at: datetime


def cache_key(team_ids, year):
    """One key per set of teams and year (hashed: an organisation may have many teams, and a key must be short)."""
    teams = ",".join(str(pk) for pk in sorted(team_ids))
    return f"{CACHE_PREFIX}:{year}:{hashlib.sha256(teams.encode()).hexdigest()[:32]}"


def cached_counts(team_ids, year):
    """The counts for these teams, from the cache when they were counted less than
    settings.OVERVIEW_CACHE_SECONDS ago (0: count on every visit)."""
    seconds = settings.OVERVIEW_CACHE_SECONDS
    if not seconds:
        return count(team_ids, year)
    return cache.get_or_set(cache_key(team_ids, year), lambda: count(team_ids, year), seconds)


def count(team_ids, year):
    """Count afresh: three grouped queries, whatever the number of trajectories (their time grows with it)."""
    trajectories = visible(Trajectory, Actor.system("overzicht")).filter(team_id__in=team_ids)
    open_trajectories = trajectories.filter(status=Trajectory.Status.OPEN)
    situation = _grouped(open_trajectories, "team_id", "phase", "complexity", "aim")
    # Counted from the trajectories, through their goals and plans (inner joins: only trajectories with steps), so
    # steps of other teams or of closed trajectories never enter; the steps' actors come from their (plan, actor)
    # index alone.
    field = "goals__plan__steps__actor"
    with_steps = open_trajectories.filter(**{f"{field}__isnull": False})
    steps = {actor: n for (actor,), n in _grouped(with_steps, field).items()}
    started, closed = (
        trajectories.filter(**{f"{date_field}__year": year})
        .values("team_id")
        .annotate(kind=Value(kind), n=Count("*"))
        .order_by()
        .values_list("team_id", "kind", "n")
        for kind, date_field in ((STARTED, "started_on"), (CLOSED, "closed_on"))
    )
    per_year = {(team, kind): n for team, kind, n in started.union(closed, all=True)}
    return Counts(situation=situation, steps=steps, per_year=per_year, counted_at=timezone.now())


def _grouped(queryset, *fields):
    """{(value per field): n} from one GROUP BY query. COUNT(*), not COUNT(id): the id is not in the covering
    indexes on PostgreSQL, and asking for it would send the database to every row."""
    rows = queryset.values(*fields).annotate(n=Count("*")).order_by().values_list(*fields, "n")
    return {tuple(values): number for *values, number in rows}


def _tally(groups, key):
    """Add up grouped counts under a coarser key (a loop over the groups, not over trajectories)."""
    counts = {}
    for values, n in groups.items():
        k = key(*values)
        counts[k] = counts.get(k, 0) + n
    return counts


def _team_rows(teams):
    several_organisations = len({team.organisation_id for team in teams}) > 1
    return [
        Row(team.pk, f"{team.organisation.name} — {team.name}" if several_organisations else team.name)
        for team in teams
    ]


def _table(title, row_heading, columns, rows, counts, row_totals=True):
    """A Table with a total row; with row_totals=False the columns do not add up to anything across a row, so
    only the columns are lines for secondary suppression."""
    lines = complete(counts, [row.key for row in rows], columns)
    if not row_totals:
        lines = [(whole, parts) for whole, parts in lines if whole[1] != TOTAL]
    return Table(
        title=title,
        row_heading=row_heading,
        columns=columns,
        rows=[*rows, Row(TOTAL, _("Totaal"), "total")],
        counts=counts,
        lines=lines,
    )


def phase_table(team_rows, situation):
    columns = [(value, f"{Phase.number(value)}. {label}") for value, label in Phase.choices]
    counts = _tally(situation, lambda team, phase, _complexity, _aim: (team, phase))
    return _table(_("Lopende trajecten per team en fase"), _("Team"), columns, team_rows, counts)


def _choices(field):
    return [*Trajectory._meta.get_field(field).choices, (UNSET, _("Niet ingevuld"))]


def situation_table(situation):
    counts = _tally(situation, lambda _team, _phase, complexity, aim: (complexity or UNSET, aim or UNSET))
    rows = [Row(value, label) for value, label in _choices("complexity")]
    return _table(
        _("Lopende trajecten naar complexiteit en waarop ze gericht zijn"),
        _("Complexiteit"),
        _choices("aim"),
        rows,
        counts,
    )


def ladder_table(steps):
    """Plan steps of the open trajectories per actor."""
    counts = {(actor, STEPS): n for actor, n in steps.items() if n}
    rows = [Row(value, label) for value, label in StepActor.choices]
    return _table(
        _("Stappen in de plannen van lopende trajecten: wie doet het"),
        _("Wie doet het"),
        [(STEPS, _("Stappen"))],
        rows,
        counts,
    )


def year_table(team_rows, counts, year):
    columns = [
        (STARTED, _("Gestart in %(year)s") % {"year": year}),
        (CLOSED, _("Afgesloten in %(year)s") % {"year": year}),
    ]
    return _table(
        _("Trajecten gestart en afgesloten in %(year)s") % {"year": year},
        _("Team"),
        columns,
        team_rows,
        counts,
        row_totals=False,
    )


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
