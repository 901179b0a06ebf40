"""Running totals of trajectories per team (support.models.TrajectoryTally and TrajectoryYearTally), kept by
database triggers.

Why triggers rather than Django signals: a trajectory changes through forms, queryset updates (the plan-step
recount), bulk loads (``steunwerk generate``, which uses COPY on PostgreSQL) and deletes. A trigger sees every one
of them, inside the same transaction, and from the row as it is in the database — not from what some process
happened to load earlier. Two changes at once each add their own difference to the total, so it cannot drift.

Each kind of change touches only the totals it can move: a new step count adds its difference to the one row of
its team, phase, complexity and aim; the started/closed rows of a year are touched only when a team or a date
changes. Changes to other columns (a name, a lead, the request text) touch nothing. Under PostgreSQL's default
READ COMMITTED two changes to the same total wait for each other's commit; two transactions that each move
several trajectories of one team in opposite directions can deadlock, and PostgreSQL then rolls one back.

The triggers are part of the code, not of one migration: after every ``migrate`` (a post_migrate handler in
support/apps.py) ``ensure()`` compares what is installed with what this module says and, when they differ or
are missing, installs them again and counts everything afresh. That covers a later migration that rebuilds the
trajectory table (SQLite drops a table's triggers when Django rebuilds it). A migration that changes the tally
tables themselves on SQLite must call ``drop`` first (``migrations.RunPython(tallies.drop, migrations.RunPython
.noop)``): SQLite refuses to rename a table that a trigger names. ``steunwerk tallies`` does the same by hand.

The same statements serve SQLite and PostgreSQL; only the wrapper (trigger bodies on SQLite, one PL/pgSQL
function on PostgreSQL) and the way to take the year of a date differ.
"""
import hashlib

from django.db import connections, transaction

TRAJECTORY = "support_trajectory"
TALLY = "support_trajectorytally"
YEAR_TALLY = "support_trajectoryyeartally"
STEP_COLUMNS = ("steps_self", "steps_network", "steps_general_provision", "steps_professional", "steps_wmo",
                "steps_other_law")
KEY_COLUMNS = ("team_id", "phase", "complexity", "aim")
OPEN_COLUMNS = (*KEY_COLUMNS, "status")
YEAR_COLUMNS = ("team_id", "started_on", "closed_on")
FUNCTION = "support_trajectory_tally"
SQLITE_TRIGGERS = ("support_trajectory_tally_insert", "support_trajectory_tally_delete",
                   "support_trajectory_tally_open", "support_trajectory_tally_steps",
                   "support_trajectory_tally_years")
POSTGRES_TRIGGERS = ("support_trajectory_tally", "support_trajectory_tally_truncate")
# Every trigger whose name starts with FUNCTION is one of these (older versions included): uninstall drops them all.


def _year(vendor, date_expression):
    if vendor == "postgresql":
        return f"CAST(EXTRACT(YEAR FROM {date_expression}) AS INTEGER)"
    return f"CAST(strftime('%Y', {date_expression}) AS INTEGER)"


def _differs(vendor, columns):
    distinct = "IS DISTINCT FROM" if vendor == "postgresql" else "IS NOT"
    return "(" + " OR ".join(f"OLD.{c} {distinct} NEW.{c}" for c in columns) + ")"


def _open_add(row):
    steps = ", ".join(f"{row}.{c}" for c in STEP_COLUMNS)
    step_updates = ", ".join(f"{c} = {TALLY}.{c} + excluded.{c}" for c in STEP_COLUMNS)
    keys = ", ".join(f"{row}.{c}" for c in KEY_COLUMNS)
    return (f"INSERT INTO {TALLY} ({', '.join(KEY_COLUMNS)}, n, {', '.join(STEP_COLUMNS)}) "
            f"SELECT {keys}, 1, {steps} WHERE {row}.status = 'open' "
            f"ON CONFLICT ({', '.join(KEY_COLUMNS)}) DO UPDATE SET n = {TALLY}.n + 1, {step_updates}")


def _open_subtract(row):
    step_updates = ", ".join(f"{c} = {c} - {row}.{c}" for c in STEP_COLUMNS)
    key_match = " AND ".join(f"{c} = {row}.{c}" for c in KEY_COLUMNS)
    return f"UPDATE {TALLY} SET n = n - 1, {step_updates} WHERE {key_match} AND {row}.status = 'open'"


def _open_steps():
    """Only the step counts changed: add their difference to the trajectory's own row."""
    step_updates = ", ".join(f"{c} = {c} + (NEW.{c} - OLD.{c})" for c in STEP_COLUMNS)
    key_match = " AND ".join(f"{c} = NEW.{c}" for c in KEY_COLUMNS)
    return f"UPDATE {TALLY} SET {step_updates} WHERE {key_match} AND NEW.status = 'open'"


def _years(vendor, row, sign):
    statements = []
    for kind, column in (("started", "started_on"), ("closed", "closed_on")):
        year = _year(vendor, f"{row}.{column}")
        if sign > 0:
            statements.append(
                f"INSERT INTO {YEAR_TALLY} (team_id, year, kind, n) "
                f"SELECT {row}.team_id, {year}, '{kind}', 1 WHERE {row}.{column} IS NOT NULL "
                f"ON CONFLICT (team_id, year, kind) DO UPDATE SET n = {YEAR_TALLY}.n + 1")
        else:
            statements.append(
                f"UPDATE {YEAR_TALLY} SET n = n - 1 WHERE team_id = {row}.team_id AND year = {year} "
                f"AND kind = '{kind}' AND {row}.{column} IS NOT NULL")
    return statements


def _postgres_statements():
    vendor = "postgresql"
    changed_steps = _differs(vendor, STEP_COLUMNS)

    def block(statements):
        return "\n".join(f"    {s};" for s in statements)

    body = "\n".join([
        "BEGIN",
        "  IF TG_OP = 'INSERT' THEN",
        block([_open_add("NEW"), *_years(vendor, "NEW", +1)]),
        "  ELSIF TG_OP = 'DELETE' THEN",
        block([_open_subtract("OLD"), *_years(vendor, "OLD", -1)]),
        "  ELSE",
        f"    IF {_differs(vendor, OPEN_COLUMNS)} THEN",
        block([_open_subtract("OLD"), _open_add("NEW")]),
        f"    ELSIF {changed_steps} THEN",
        block([_open_steps()]),
        "    END IF;",
        f"    IF {_differs(vendor, YEAR_COLUMNS)} THEN",
        block([*_years(vendor, "OLD", -1), *_years(vendor, "NEW", +1)]),
        "    END IF;",
        "  END IF;",
        "  RETURN NULL;",
        "END"])
    return [
        f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$\n{body}\n$$",
        f"CREATE OR REPLACE FUNCTION {FUNCTION}_truncate() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n  DELETE FROM {TALLY};\n  DELETE FROM {YEAR_TALLY};\n  RETURN NULL;\nEND\n$$",
        # No WHEN clause: it would tie the trigger to the columns' types, and a later migration changing one of
        # them would fail. The function decides what changed.
        f"CREATE TRIGGER {POSTGRES_TRIGGERS[0]} AFTER INSERT OR UPDATE OR DELETE ON {TRAJECTORY} "
        f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()",
        f"CREATE TRIGGER {POSTGRES_TRIGGERS[1]} AFTER TRUNCATE ON {TRAJECTORY} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}_truncate()",
    ]


def _sqlite_statements():
    vendor = "sqlite"

    def trigger(name, event, statements, when=""):
        body = "".join(f"  {s};\n" for s in statements)
        return f"CREATE TRIGGER {name} AFTER {event} ON {TRAJECTORY} FOR EACH ROW{when}\nBEGIN\n{body}END"

    same_key = "NOT " + _differs(vendor, OPEN_COLUMNS)
    return [
        trigger(SQLITE_TRIGGERS[0], "INSERT", [_open_add("NEW"), *_years(vendor, "NEW", +1)]),
        trigger(SQLITE_TRIGGERS[1], "DELETE", [_open_subtract("OLD"), *_years(vendor, "OLD", -1)]),
        trigger(SQLITE_TRIGGERS[2], "UPDATE", [_open_subtract("OLD"), _open_add("NEW")],
                when=f" WHEN {_differs(vendor, OPEN_COLUMNS)}"),
        trigger(SQLITE_TRIGGERS[3], "UPDATE", [_open_steps()],
                when=f" WHEN {same_key} AND {_differs(vendor, STEP_COLUMNS)}"),
        trigger(SQLITE_TRIGGERS[4], "UPDATE", [*_years(vendor, "OLD", -1), *_years(vendor, "NEW", +1)],
                when=f" WHEN {_differs(vendor, YEAR_COLUMNS)}"),
    ]


def install_statements(vendor):
    statements = _postgres_statements() if vendor == "postgresql" else _sqlite_statements()
    if vendor == "postgresql":  # a fingerprint in the function, so ensure() can tell an older version apart
        mark = fingerprint(statements)
        statements[0] = statements[0].replace("$$\nBEGIN", f"$$\n-- steunwerk {mark}\nBEGIN", 1)
    return statements


def fingerprint(statements):
    return hashlib.sha256("\n".join(statements).encode()).hexdigest()[:16]


def _installed_triggers(connection):
    """{name: definition} of every tally trigger on the trajectory table (older versions' included)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname, '' FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal "
                           "AND tgname LIKE %s", [TRAJECTORY, f"{FUNCTION}%"])
        else:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s "
                           "AND name LIKE %s", [TRAJECTORY, f"{FUNCTION}%"])
        return dict(cursor.fetchall())


def uninstall_statements(connection):
    names = _installed_triggers(connection)
    if connection.vendor == "postgresql":
        return [*(f"DROP TRIGGER IF EXISTS {name} ON {TRAJECTORY}" for name in names),
                f"DROP FUNCTION IF EXISTS {FUNCTION}()", f"DROP FUNCTION IF EXISTS {FUNCTION}_truncate()"]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in names]


def rebuild_statements(vendor):
    steps = ", ".join(STEP_COLUMNS)
    sums = ", ".join(f"SUM({c})" for c in STEP_COLUMNS)
    keys = ", ".join(KEY_COLUMNS)
    statements = [
        f"DELETE FROM {TALLY}",
        f"DELETE FROM {YEAR_TALLY}",
        f"INSERT INTO {TALLY} ({keys}, n, {steps}) SELECT {keys}, COUNT(*), {sums} FROM {TRAJECTORY} "
        f"WHERE status = 'open' GROUP BY {keys}",
    ]
    for kind, column in (("started", "started_on"), ("closed", "closed_on")):
        year = _year(vendor, column)
        statements.append(
            f"INSERT INTO {YEAR_TALLY} (team_id, year, kind, n) SELECT team_id, {year}, '{kind}', COUNT(*) "
            f"FROM {TRAJECTORY} WHERE {column} IS NOT NULL GROUP BY team_id, {year}")
    return statements


def _execute(connection, statements):
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def is_installed(using="default"):
    """Are the triggers there, exactly as this module writes them, and no others?"""
    connection = connections[using]
    installed = _installed_triggers(connection)
    if connection.vendor != "postgresql":
        return set(installed.values()) == set(install_statements(connection.vendor))
    with connection.cursor() as cursor:
        cursor.execute("SELECT prosrc FROM pg_proc WHERE proname = %s", [FUNCTION])
        sources = [row[0] for row in cursor.fetchall()]
    return set(installed) == set(POSTGRES_TRIGGERS) and len(sources) == 1 and \
        f"-- steunwerk {fingerprint(_postgres_statements())}" in sources[0]


def _tables_exist(connection):
    return {TRAJECTORY, TALLY, YEAR_TALLY} <= set(connection.introspection.table_names())


def rebuild(using="default"):
    """Count every total afresh from the trajectories (in one transaction: readers see the old or the new)."""
    connection = connections[using]
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            # Writers wait until the recount is done, so nothing they change falls between the count and the swap.
            _execute(connection, [f"LOCK TABLE {TRAJECTORY} IN SHARE MODE"])
        _execute(connection, rebuild_statements(connection.vendor))


def install(using="default"):
    """(Re)install the triggers and count afresh, in one transaction."""
    connection = connections[using]
    with transaction.atomic(using=using):
        _execute(connection, uninstall_statements(connection))
        _execute(connection, install_statements(connection.vendor))
        rebuild(using)


def ensure(using="default"):
    """Install the triggers (and recount) unless they are there as this module writes them. True if it did."""
    if not _tables_exist(connections[using]) or is_installed(using):
        return False
    install(using)
    return True


def drop(apps=None, schema_editor=None):
    """Remove the triggers (usable as a migration operation; the next post_migrate puts them back)."""
    connection = schema_editor.connection if schema_editor is not None else connections["default"]
    _execute(connection, uninstall_statements(connection))
