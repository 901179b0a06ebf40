"""The query planner's statistics, refreshed by hand: ``steunwerk analyze`` after a migrate that adds indexes or
after a bulk load (``steunwerk generate`` does it itself at the end of a load).

Why it matters: SQLite keeps no statistics for a new index until ANALYZE runs, and may then pick a worse index it
does know about; PostgreSQL's autovacuum analyses a table some time after it changed a lot, but a page visited
right after a load or a migration is planned on the old figures until then.
"""

from django.db import connections

SAMPLE = 1000  # rows per index SQLite reads for its estimates (PRAGMA analysis_limit): a fraction of a second


def refresh(using="default", full=False):
    """ANALYZE the database. On SQLite a sample per index unless ``full``; on PostgreSQL with ``full`` also VACUUM,
    which marks freshly written pages all-visible (index-only scans need that) — it cannot run in a transaction."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit={0 if full else SAMPLE}")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql" and full and not connection.in_atomic_block:
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")
