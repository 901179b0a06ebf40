"""On PostgreSQL the caseload's search by part of a name can be answered from the team-and-name trigram index
(support migration 0012) with the team as part of the index condition: the index then reads only the searching
team's matches, not those of every team. That needs the team id typed as the column is (access.scope._in_teams);
compared with a smallint the team could not be part of the index condition."""

import pytest
from django.db import connection

from steunwerk.access.actor import Actor
from steunwerk.access.scope import visible
from steunwerk.support.models import Trajectory

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index")


def test_a_name_search_asks_the_index_for_this_team_s_matches_only(world):
    search = visible(Trajectory, Actor.for_user(world.professional)).filter(client_name__icontains="wit")
    with connection.cursor() as cursor:
        # A test database is far too small to prefer this index, so the others go (the test's transaction is
        # rolled back afterwards, indexes included).
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'support_trajectory' "
            "AND indexname <> 'trajectory_team_name_trgm' AND indexdef NOT LIKE 'CREATE UNIQUE%'"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = search.explain()
    index_use = plan.split("Bitmap Index Scan on trajectory_team_name_trgm", 1)[1]
    assert "Index Cond: ((team_id = '" in index_use and "::bigint) AND (upper((client_name)::text) ~~" in index_use
    assert [t.client_name for t in search] == ["Bram de Wit"]
