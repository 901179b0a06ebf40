"""`steunwerk analyze` (scale/statistics.py): the planner gets statistics for every index, after a migrate or a load."""

import pytest
from django.core.management import call_command
from django.db import connection


@pytest.mark.django_db(transaction=True)
def test_it_gives_sqlite_statistics_for_the_caseload_index(world):
    if connection.vendor != "sqlite":
        pytest.skip("sqlite_stat1 is SQLite's own table")
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
    call_command("analyze", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'support_trajectory'")
        indexes = {row[0] for row in cursor.fetchall()}
    assert {"trajectory_caseload", "trajectory_client_team", "trajectory_overview"} <= indexes


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("full", [False, True])
def test_it_analyses_postgresql_tables(world, full):
    if connection.vendor != "postgresql":
        pytest.skip("pg_stat_user_tables is PostgreSQL's own view")
    call_command("analyze", *(["--full"] if full else []), verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'support_trajectory' AND last_analyze IS NOT NULL"
        )
        assert cursor.fetchone()[0] == 1
