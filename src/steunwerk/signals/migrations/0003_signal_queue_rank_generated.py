"""The triage order (Signal.queue_rank) computed by the database from status and total, instead of by Signal.save():
a queryset update or a bulk load can no longer leave it out of step. Django cannot turn a column into a generated
one in place, so the column is dropped and added again, with the index that reads the triage list in order."""
from django.db import migrations, models
from django.db.models import Case, F, Value, When
from django.db.models.functions import Coalesce

# signals.models.QUEUE_RANK as it is at this migration: new 0, other open 20, closed 40; plus 10 - score, or 11.
QUEUE_RANK = (Case(When(status="new", then=Value(0)), When(status="closed", then=Value(40)), default=Value(20))
              + Coalesce(Value(10) - F("total"), Value(11)))


def fill_queue_rank(apps, schema_editor):
    """Going back: the plain column again, filled as Signal.save() used to (see migration 0002)."""
    apps.get_model("signals", "Signal").objects.update(queue_rank=QUEUE_RANK)


class Migration(migrations.Migration):

    dependencies = [
        ("signals", "0002_signal_queue_rank"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="signal", name="signal_queue"),
        migrations.RunPython(migrations.RunPython.noop, fill_queue_rank),
        migrations.RemoveField(model_name="signal", name="queue_rank"),
        migrations.AddField(
            model_name="signal",
            name="queue_rank",
            field=models.GeneratedField(db_persist=True, expression=QUEUE_RANK,
                                        output_field=models.PositiveSmallIntegerField()),
        ),
        migrations.AddIndex(
            model_name="signal",
            index=models.Index(fields=["organisation", "queue_rank", "-received_at", "-id"], name="signal_queue"),
        ),
    ]
