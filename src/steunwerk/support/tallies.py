"""Running totals of trajectories per team (support.models.TrajectoryTally and TrajectoryYearTally), kept by
database triggers.

Why triggers rather than Django signals: a trajectory changes through forms, queryset updates (the plan-step
recount, a client's new name), bulk loads (``steunwerk generate``, which uses COPY on PostgreSQL) and deletes.
A trigger sees every one of them, inside the same transaction, and from the row as it is in the database — not
from what some process happened to load earlier. Two changes at once each add their own difference to the
total, so it cannot drift.

The same statements serve SQLite and PostgreSQL; only the wrapper (a trigger body on SQLite, a PL/pgSQL function
on PostgreSQL) and the way to take the year of a date differ. ``rebuild()`` counts everything afresh (the
migration that introduces the totals runs it; ``steunwerk overzicht --herbereken`` repairs by hand).
"""
from django.db import connection, transaction

TRAJECTORY = "support_trajectory"
TALLY = "support_trajectorytally"
YEAR_TALLY = "support_trajectoryyeartally"
STEP_COLUMNS = ("steps_self", "steps_network", "steps_general_provision", "steps_professional", "steps_wmo",
                "steps_other_law")
KEY_COLUMNS = ("team_id", "phase", "complexity", "aim")
# A change to any other column (a name, a lead, the request text) leaves every total as it is.
COUNTED_COLUMNS = ("team_id", "status", *KEY_COLUMNS[1:], *STEP_COLUMNS, "started_on", "closed_on")
TRIGGER_NAMES = ("support_trajectory_tally_insert", "support_trajectory_tally_update", "support_trajectory_tally_delete")


def _year(vendor, date_expression):
    if vendor == "postgresql":
        return f"CAST(EXTRACT(YEAR FROM {date_expression}) AS INTEGER)"
    return f"CAST(strftime('%Y', {date_expression}) AS INTEGER)"


def _add(vendor, row):
    """Statements that count the trajectory ``row`` (NEW) into the totals."""
    steps = ", ".join(f"{row}.{c}" for c in STEP_COLUMNS)
    step_updates = ", ".join(f"{c} = {TALLY}.{c} + excluded.{c}" for c in STEP_COLUMNS)
    keys = ", ".join(f"{row}.{c}" for c in KEY_COLUMNS)
    statements = [
        f"INSERT INTO {TALLY} ({', '.join(KEY_COLUMNS)}, n, {', '.join(STEP_COLUMNS)}) "
        f"SELECT {keys}, 1, {steps} WHERE {row}.status = 'open' "
        f"ON CONFLICT ({', '.join(KEY_COLUMNS)}) DO UPDATE SET n = {TALLY}.n + 1, {step_updates}"]
    for kind, column in (("started", "started_on"), ("closed", "closed_on")):
        statements.append(
            f"INSERT INTO {YEAR_TALLY} (team_id, year, kind, n) "
            f"SELECT {row}.team_id, {_year(vendor, f'{row}.{column}')}, '{kind}', 1 WHERE {row}.{column} IS NOT NULL "
            f"ON CONFLICT (team_id, year, kind) DO UPDATE SET n = {YEAR_TALLY}.n + 1")
    return statements


def _subtract(vendor, row):
    """Statements that take the trajectory ``row`` (OLD) out of the totals."""
    step_updates = ", ".join(f"{c} = {c} - {row}.{c}" for c in STEP_COLUMNS)
    key_match = " AND ".join(f"{c} = {row}.{c}" for c in KEY_COLUMNS)
    statements = [f"UPDATE {TALLY} SET n = n - 1, {step_updates} WHERE {key_match} AND {row}.status = 'open'"]
    for kind, column in (("started", "started_on"), ("closed", "closed_on")):
        statements.append(
            f"UPDATE {YEAR_TALLY} SET n = n - 1 WHERE team_id = {row}.team_id "
            f"AND year = {_year(vendor, f'{row}.{column}')} AND kind = '{kind}' AND {row}.{column} IS NOT NULL")
    return statements


def _changed(vendor):
    distinct = "IS DISTINCT FROM" if vendor == "postgresql" else "IS NOT"
    return " OR ".join(f"OLD.{c} {distinct} NEW.{c}" for c in COUNTED_COLUMNS)


def install_statements(vendor):
    if vendor == "postgresql":
        body = "\n".join([
            "BEGIN",
            "IF TG_OP <> 'INSERT' THEN", *(s + ";" for s in _subtract(vendor, "OLD")), "END IF;",
            "IF TG_OP <> 'DELETE' THEN", *(s + ";" for s in _add(vendor, "NEW")), "END IF;",
            "RETURN NULL;",
            "END"])
        return [
            f"CREATE OR REPLACE FUNCTION support_trajectory_tally() RETURNS trigger LANGUAGE plpgsql AS $$\n{body}\n$$",
            f"CREATE TRIGGER {TRIGGER_NAMES[0]} AFTER INSERT ON {TRAJECTORY} FOR EACH ROW "
            "EXECUTE FUNCTION support_trajectory_tally()",
            f"CREATE TRIGGER {TRIGGER_NAMES[1]} AFTER UPDATE ON {TRAJECTORY} FOR EACH ROW WHEN ({_changed(vendor)}) "
            "EXECUTE FUNCTION support_trajectory_tally()",
            f"CREATE TRIGGER {TRIGGER_NAMES[2]} AFTER DELETE ON {TRAJECTORY} FOR EACH ROW "
            "EXECUTE FUNCTION support_trajectory_tally()",
        ]

    def trigger(name, event, statements, when=""):
        body = "".join(f"  {s};\n" for s in statements)
        return f"CREATE TRIGGER {name} AFTER {event} ON {TRAJECTORY} FOR EACH ROW{when}\nBEGIN\n{body}END"

    return [
        trigger(TRIGGER_NAMES[0], "INSERT", _add(vendor, "NEW")),
        trigger(TRIGGER_NAMES[1], "UPDATE", [*_subtract(vendor, "OLD"), *_add(vendor, "NEW")],
                when=f" WHEN {_changed(vendor)}"),
        trigger(TRIGGER_NAMES[2], "DELETE", _subtract(vendor, "OLD")),
    ]


def uninstall_statements(vendor):
    if vendor == "postgresql":
        return [*(f"DROP TRIGGER IF EXISTS {name} ON {TRAJECTORY}" for name in TRIGGER_NAMES),
                "DROP FUNCTION IF EXISTS support_trajectory_tally()"]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGER_NAMES]


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


def execute(statements, using=None):
    from django.db import connections

    conn = connections[using] if using else connection
    with conn.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def rebuild(using=None):
    """Count every total afresh from the trajectories (in one transaction: readers see the old or the new)."""
    from django.db import connections

    conn = connections[using] if using else connection
    with transaction.atomic(using=conn.alias):
        if conn.vendor == "postgresql":
            # Writers wait until the recount is done, so nothing they change falls between the count and the swap.
            execute([f"LOCK TABLE {TRAJECTORY} IN SHARE MODE"], using=conn.alias)
        execute(rebuild_statements(conn.vendor), using=conn.alias)
