"""On SQLite: a trigram index of the client's name on every trajectory, so that a search on part of a name looks up
the matching trajectories instead of reading through the whole team.

PostgreSQL has this as an ordinary index (support migration 0012). SQLite has no such index type, but its full-text
module FTS5 has a trigram tokenizer (SQLite 3.34 and later): a virtual table over the trajectories'
``client_name``, kept up to date by triggers on the trajectory table, answers "which rows contain these letters"
from its index. It indexes the names where they are ("external content") instead of keeping a copy of them; the
index itself, like any index on a name, lives in the same database file as the name.

The index only ever narrows a queryset the access layer made (``narrow``): the ids it finds are intersected with
what the actor may see, and the search's own ``LIKE`` stays in the query, so the results are exactly those of the
search without the index. A fragment shorter than three letters cannot be looked up in a trigram index, and a very
common one ("van") matches so many rows that reading the team's list in order finds a page of results sooner:
for those the index is left out.

Like the Overzicht's triggers (support/tallies.py), the table and its triggers are part of the code, not of a
migration: after every ``migrate``, ``ensure()`` puts them back when missing (SQLite drops a table's triggers when
Django rebuilds the table) and fills the index afresh. Where the SQLite library has no trigram tokenizer, searching
works as before, only without the index.
"""
import warnings

from django.db import DatabaseError, OperationalError, connections, transaction
from django.db.models.expressions import RawSQL

TRAJECTORY = "support_trajectory"
TABLE = "support_trajectory_name"
# External content: the index reads the names from the trajectory table and keeps no second copy of them; the
# triggers tell it what changed, with the old name for what it must forget.
_FORGET = f"INSERT INTO {TABLE} ({TABLE}, rowid, client_name) VALUES ('delete', OLD.id, OLD.client_name);"
_LEARN = f"INSERT INTO {TABLE} (rowid, client_name) VALUES (NEW.id, NEW.client_name);"
TRIGGERS = {
    f"{TABLE}_insert": f"AFTER INSERT ON {TRAJECTORY} FOR EACH ROW BEGIN {_LEARN} END",
    f"{TABLE}_delete": f"AFTER DELETE ON {TRAJECTORY} FOR EACH ROW BEGIN {_FORGET} END",
    f"{TABLE}_update": f"AFTER UPDATE OF client_name ON {TRAJECTORY} FOR EACH ROW BEGIN {_FORGET} {_LEARN} END",
}
CREATE_TABLE = (f"CREATE VIRTUAL TABLE {TABLE} USING fts5(client_name, content='{TRAJECTORY}', content_rowid='id', "
                f"tokenize='trigram')")
SHORTEST = 3  # letters: a trigram index cannot look up less
MOST_MATCHES = 500  # more matches than this in the whole database: read the team's list in order instead


def _statements():
    return [CREATE_TABLE, *(f"CREATE TRIGGER {name} {body}" for name, body in TRIGGERS.items())]


def _installed(connection):
    names = [TABLE, *TRIGGERS]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, sql FROM sqlite_master WHERE name IN ({', '.join(['%s'] * len(names))})", names)
        return dict(cursor.fetchall())


def is_installed(using="default"):
    """On SQLite: are the index and its triggers there, exactly as this module writes them?"""
    installed = _installed(connections[using])
    return installed.get(TABLE) == CREATE_TABLE and all(
        installed.get(name) == f"CREATE TRIGGER {name} {body}" for name, body in TRIGGERS.items())


def install(using="default"):
    """(Re)create the index and its triggers and fill it from the trajectories, in one transaction."""
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
        for statement in _statements():
            cursor.execute(statement)
        cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('rebuild')")


def ensure(using="default"):
    """On SQLite: install the index unless it is there as this module writes it. True if it did. Any failure other
    than an SQLite library without FTS5 or its trigram tokenizer is raised, so that ``migrate`` reports it."""
    connection = connections[using]
    if connection.vendor != "sqlite" or TRAJECTORY not in connection.introspection.table_names() \
            or is_installed(using):
        return False
    try:
        install(using)
    except OperationalError as exc:
        if "no such tokenizer" not in str(exc) and "no such module" not in str(exc):
            raise
        warnings.warn(f"Geen trigram-index voor zoeken op naam ({exc}); zoeken werkt, maar trager.")
        return False
    return True


def narrow(trajectories, text):
    """``trajectories`` (a queryset from the access layer), narrowed to the ones whose client name may contain
    ``text`` according to the index; unchanged where the index cannot help. The caller keeps its own name filter:
    the index finds a few more (it ignores the case of every letter, LIKE only of a to z), never fewer.

    The statement that decides counts matches in the whole database (up to MOST_MATCHES + 1) and checks that the
    index's triggers are in place: without them it may miss names added since, so it is not used. Only that number
    comes back, never a name or a row."""
    connection = connections[trajectories.db]
    if connection.vendor != "sqlite" or len(text) < SHORTEST:
        return trajectories
    phrase = '"' + text.replace('"', '""') + '"'  # one FTS5 string: the letters in this order, anything allowed
    lookup = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"
    triggers = list(TRIGGERS)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT CASE WHEN (SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                f"(%s, %s, %s)) = 3 THEN (SELECT COUNT(*) FROM ({lookup} LIMIT %s)) END",
                [*triggers, phrase, MOST_MATCHES + 1])
            matches = cursor.fetchone()[0]
    except DatabaseError:  # no index here (see ensure): search without it
        return trajectories
    if matches is None or matches > MOST_MATCHES:
        return trajectories
    # As a subquery, not a list of ids: SQLite then looks each match up by its id (a list of a few hundred numbers
    # makes it read the team's list after all), and Django need not write out every id.
    return trajectories.filter(pk__in=RawSQL(lookup, [phrase]))
