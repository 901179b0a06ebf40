"""One mechanism for derived data: the Overzicht counts from indexes on the trajectory table (cached for a short
time, support/dashboard.py) instead of running totals kept by triggers, and the caseload's name search reads the
caseload index (PostgreSQL: the trigram index of migration 0012) instead of an SQLite FTS5 index kept by triggers.

Removed here: the triggers and functions that kept the running totals (installed after every migrate by the
former support.tallies, so never in a migration), the SQLite trigram table of names and its triggers (the former
support.name_index), the tally tables, and each trajectory's plan-step counts per actor (kept by signals). Added:
the indexes the Overzicht counts from (as in migration 0005, dropped again in 0011).

Going back, the tables and the step counts come back (the step counts counted afresh), without the triggers or the
name table: the code of that time installed those itself after its migrate, and counted the totals afresh then.
"""
from django.db import migrations, models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

ACTORS = ["self", "network", "general_provision", "professional", "wmo", "other_law"]
TALLY_TRIGGERS = ["support_trajectory_tally_insert", "support_trajectory_tally_delete", "support_trajectory_tally_open",
                  "support_trajectory_tally_steps", "support_trajectory_tally_years", "support_trajectory_tally_update",
                  "support_trajectory_tally", "support_trajectory_tally_truncate"]
NAME_TRIGGERS = ["support_trajectory_name_insert", "support_trajectory_name_delete", "support_trajectory_name_update"]
DROP = {
    "sqlite": [*(f"DROP TRIGGER IF EXISTS {name}" for name in [*TALLY_TRIGGERS, *NAME_TRIGGERS]),
               "DROP TABLE IF EXISTS support_trajectory_name"],
    "postgresql": [*(f"DROP TRIGGER IF EXISTS {name} ON support_trajectory" for name in TALLY_TRIGGERS),
                   "DROP FUNCTION IF EXISTS support_trajectory_tally()",
                   "DROP FUNCTION IF EXISTS support_trajectory_tally_truncate()"],
}


def drop_triggers(apps, schema_editor):
    """Before the tables change: SQLite will not rebuild a table that a trigger names."""
    for statement in DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def count_steps(apps, schema_editor):
    """Going back: each trajectory's plan steps per actor, counted as migration 0006 did."""
    Trajectory, PlanStep = apps.get_model("support", "Trajectory"), apps.get_model("support", "PlanStep")

    def steps_of(actor):
        per_trajectory = (PlanStep.objects.filter(plan__goal__trajectory_id=OuterRef("pk"), actor=actor)
                          .order_by().values("plan__goal__trajectory_id").annotate(n=Count("id")).values("n"))
        return Coalesce(Subquery(per_trajectory, output_field=IntegerField()), Value(0))

    Trajectory.objects.update(**{f"steps_{actor}": steps_of(actor) for actor in ACTORS})


class Migration(migrations.Migration):

    dependencies = [
        ("support", "0012_team_and_name_trigram_index"),
    ]

    operations = [
        migrations.RunPython(drop_triggers, migrations.RunPython.noop),
        migrations.RunPython(migrations.RunPython.noop, count_steps),
        *(migrations.RemoveField(model_name="trajectory", name=f"steps_{actor}") for actor in ACTORS),
        migrations.DeleteModel(name="TrajectoryTally"),
        migrations.DeleteModel(name="TrajectoryYearTally"),
        migrations.AddIndex(
            model_name="trajectory",
            index=models.Index(fields=["team", "status", "phase", "complexity", "aim"], name="trajectory_overview"),
        ),
        migrations.AddIndex(
            model_name="trajectory",
            index=models.Index(fields=["team", "started_on"], name="trajectory_team_started"),
        ),
        migrations.AddIndex(
            model_name="trajectory",
            index=models.Index(fields=["team", "closed_on"], name="trajectory_team_closed"),
        ),
    ]
