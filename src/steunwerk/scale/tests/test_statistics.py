"""After migrate, the planner has statistics for every index (scale.apps.refresh_statistics)."""
import pytest
from django.db import connection

from steunwerk.scale.apps import refresh_statistics


@pytest.mark.django_db(transaction=True)
def test_it_gives_sqlite_statistics_for_the_caseload_index(world):
    if connection.vendor != "sqlite":
        pytest.skip("sqlite_stat1 is SQLite's own table")
    from django.core.management import call_command

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
    call_command("migrate", verbosity=0)  # nothing left to migrate, but the statistics are refreshed
    with connection.cursor() as cursor:
        cursor.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'support_trajectory'")
        indexes = {row[0] for row in cursor.fetchall()}
    assert {"trajectory_caseload", "trajectory_client_team"} <= indexes


@pytest.mark.django_db(transaction=True)
def test_it_analyses_postgresql_tables(world):
    if connection.vendor != "postgresql":
        pytest.skip("pg_stat_user_tables is PostgreSQL's own view")
    refresh_statistics()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'support_trajectory' AND last_analyze IS NOT NULL")
        assert cursor.fetchone()[0] == 1
