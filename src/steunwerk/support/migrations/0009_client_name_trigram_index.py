"""On PostgreSQL: a trigram index for the caseload's search by (part of) a name.

Django's icontains becomes ``UPPER(client_name::text) LIKE UPPER('%…%')``. A B-tree cannot answer a pattern with a
leading %, so a rare name made the database read every trajectory of the team; with this GIN index it reads only
the rows whose name contains the typed letters. SQLite has no such index type and keeps reading the (covering)
caseload index, which is fast enough at the sizes SQLite is meant for.

pg_trgm ships with PostgreSQL and is a trusted extension (the database owner may create it). Where it cannot be
created, the index is left out with a warning: searching still works, only slower.
"""
import warnings

from django.db import DatabaseError, migrations, transaction

INDEX = "trajectory_client_name_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {INDEX} ON support_trajectory USING gin (UPPER(client_name::text) gin_trgm_ops)")
    except DatabaseError as exc:
        warnings.warn(f"Geen trigram-index voor zoeken op naam ({exc}); zoeken werkt, maar trager.")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("support", "0008_overview_counts_index")]
    operations = [migrations.RunPython(create, drop)]
