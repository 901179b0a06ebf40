"""The running totals behind the Overzicht (support.tallies): after every kind of change to trajectories they equal
a count made afresh from the trajectories themselves."""
from datetime import date

import pytest
from django.db.models import Count, Sum

from steunwerk.accounts.models import Team
from steunwerk.clients.models import Client
from steunwerk.support import tallies
from steunwerk.support.models import ActionPlan, Goal, PlanStep, Trajectory, TrajectoryTally, TrajectoryYearTally
from steunwerk.vocab import Phase, StepActor

pytestmark = pytest.mark.django_db(transaction=True)
STEPS = tallies.STEP_COLUMNS


def kept():
    open_ = {(t.team_id, t.phase, t.complexity, t.aim): (t.n, *(getattr(t, c) for c in STEPS))
             for t in TrajectoryTally.objects.filter(n__gt=0)}
    years = {(t.team_id, t.year, t.kind): t.n for t in TrajectoryYearTally.objects.filter(n__gt=0)}
    return open_, years


def recounted():
    rows = (Trajectory.objects.filter(status="open").values("team_id", "phase", "complexity", "aim")
            .annotate(n=Count("*"), **{c: Sum(c) for c in STEPS}).order_by())
    open_ = {(r["team_id"], r["phase"], r["complexity"], r["aim"]): (r["n"], *(r[c] for c in STEPS)) for r in rows}
    years = {}
    for t in Trajectory.objects.all():
        for kind, day in (("started", t.started_on), ("closed", t.closed_on)):
            if day is not None:
                years[(t.team_id, day.year, kind)] = years.get((t.team_id, day.year, kind), 0) + 1
    return open_, years


def trajectory(world, team=None, **fields):
    team = team or world.team
    client = Client.objects.create(organisation=team.organisation, name=f"Cliënt {Client.objects.count() + 1}")
    return Trajectory.objects.create(client=client, team=team, **fields)


def steps(trajectory, *actors):
    goal = Goal.objects.create(trajectory=trajectory, intended_result="Weer buiten komen")
    plan = ActionPlan.objects.create(goal=goal, evaluation_on=date(2100, 1, 1), updated_by=trajectory.lead or
                                     _user())
    return [PlanStep.objects.create(plan=plan, actor=actor, description="Stap") for actor in actors]


def _user():
    from steunwerk.accounts.models import User

    return User.objects.get(username="professional")


def test_it_counts_what_the_world_holds(world):
    assert kept() == recounted()
    assert kept()[0]  # there is something to compare


def test_it_follows_every_kind_of_change(world):
    a = trajectory(world, phase=Phase.GOALS, complexity="complex", aim="beide")
    b = trajectory(world, team=world.other_team, started_on=date(2024, 3, 1))
    made = steps(a, StepActor.SELF, StepActor.NETWORK, StepActor.WMO)
    assert kept() == recounted()

    a.phase = Phase.EXECUTION  # a form saving the whole trajectory
    a.save()
    Trajectory.objects.filter(pk=b.pk).update(aim="participatie", team=world.team)  # a queryset update
    made[0].actor = StepActor.PROFESSIONAL  # the step recount updates the trajectory's step counts
    made[0].save()
    made[1].delete()
    assert kept() == recounted()

    a.status, a.closed_on = Trajectory.Status.CLOSED, date(2026, 5, 1)  # closing takes it out of the open totals
    a.save()
    assert kept() == recounted()
    a.status, a.closed_on = Trajectory.Status.OPEN, None  # and reopening puts it back
    a.save()
    b.client.name = "Een andere naam"  # changes nothing that is counted
    b.client.save()
    assert kept() == recounted()

    Trajectory.objects.filter(pk=a.pk).delete()
    Trajectory.objects.bulk_create([Trajectory(client=b.client, team=world.other_team, organisation=b.organisation,
                                               phase=Phase.PLANNING, closed_on=date(2025, 1, 1), status="closed")])
    assert kept() == recounted()


def test_rebuild_repairs_totals_that_were_tampered_with(world):
    TrajectoryTally.objects.update(n=99)
    TrajectoryYearTally.objects.all().delete()
    assert kept() != recounted()
    tallies.rebuild()
    assert kept() == recounted()


def test_a_team_without_open_trajectories_keeps_no_visible_total(world):
    team = Team.objects.create(organisation=world.team.organisation, name="Nieuw team")
    t = trajectory(world, team=team)
    t.status = Trajectory.Status.CLOSED
    t.save()
    assert not TrajectoryTally.objects.filter(team=team, n__gt=0).exists()
    assert TrajectoryTally.objects.filter(team=team).count() == 1  # one row at zero, not a row per change


def test_after_migrate_missing_triggers_are_put_back_and_the_totals_recounted(world):
    from django.db import connection

    from steunwerk.support.apps import ensure_tallies

    tallies.drop()  # what SQLite does to a table's triggers when a migration rebuilds the table
    assert not tallies.is_installed()
    trajectory(world, phase=Phase.GOALS)  # not counted: nothing keeps the totals now
    assert kept() != recounted()
    ensure_tallies(using=connection.alias)  # the post_migrate handler
    assert tallies.is_installed()
    assert kept() == recounted()
    trajectory(world, phase=Phase.EXECUTION)
    assert kept() == recounted()


def test_an_older_version_of_the_triggers_is_replaced(world):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("shown on SQLite, where a trigger's text is kept as written")
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TRIGGER {tallies.FUNCTION}_update AFTER UPDATE ON {tallies.TRAJECTORY} "
                       f"BEGIN UPDATE {tallies.TALLY} SET n = n + 100; END")
    assert not tallies.is_installed()
    assert tallies.ensure() is True
    assert tallies.is_installed() and tallies.ensure() is False
    a = trajectory(world)
    a.phase = Phase.GOALS
    a.save()
    assert kept() == recounted()


def test_the_tallies_command_reports_and_repairs(world):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("tallies", stdout=out)
    assert "aanwezig" in out.getvalue()
    TrajectoryTally.objects.update(n=7)
    call_command("tallies", "--rebuild", stdout=out)
    assert kept() == recounted()
    tallies.drop()
    call_command("tallies", stdout=out)
    assert "geïnstalleerd" in out.getvalue() and tallies.is_installed()
