"""Writing the access log. Every read, change, export and search of client data calls one of these.

Rows are written with one plain multi-row INSERT rather than through model instances: every page view writes
them, and building, validating and compiling a model instance per row cost more than the rest of a list page's
queries together. The table stays append-only: nothing here updates or deletes.
"""
from contextlib import nullcontext

from django.db import connection, transaction
from django.utils import timezone

from steunwerk.access.models import AccessLogEntry
from steunwerk.vocab import LogAction

_COLUMNS = ("at", "user_id", "actor_name", "role", "organisation_id", "client_id", "action", "object_type",
            "object_id", "detail")


def _who(actor):
    user = getattr(actor, "user", None)
    return (user.pk if user is not None else None, (actor.name or "onbekend")[:200], actor.role_label[:32],
            actor.organisation_id)


def _insert(rows):
    if not rows:
        return
    table = connection.ops.quote_name(AccessLogEntry._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in _COLUMNS)
    placeholder = "(" + ", ".join(["%s"] * len(_COLUMNS)) + ")"
    # Within the database's limit on parameters per statement (999 on older SQLite builds).
    per_statement = max(1, min(500, (connection.features.max_query_params or 5000) // len(_COLUMNS)))
    chunks = [rows[start:start + per_statement] for start in range(0, len(rows), per_statement)]
    # A single statement is atomic by itself; several are written together or not at all.
    with transaction.atomic(savepoint=False) if len(chunks) > 1 else nullcontext():
        with connection.cursor() as cursor:
            for chunk in chunks:
                cursor.execute(f"INSERT INTO {table} ({columns}) VALUES {', '.join([placeholder] * len(chunk))}",
                               [value for row in chunk for value in row])


def _rows(actor, action, targets, detail, object_type=None):
    """``targets``: (client_id, object) pairs."""
    at = connection.ops.adapt_datetimefield_value(timezone.now())
    user_id, name, role, organisation_id = _who(actor)
    detail = detail[:300]
    return [(at, user_id, name, role, organisation_id, client_id, str(action),
             (object_type or type(obj)).__name__[:64] if obj is not None else "", getattr(obj, "pk", None), detail)
            for client_id, obj in targets]


def record(actor, action, client_id, obj=None, detail=""):
    _insert(_rows(actor, action, [(client_id, obj)], detail))


def record_objects(actor, action, objects, detail="", object_type=None):
    """One row per object shown (e.g. a list of signals), written in one statement. ``object_type``: the model
    the objects stand for, when they are records read as plain values rather than model instances."""
    _insert(_rows(actor, action, [(None, obj) for obj in objects], detail, object_type))


def record_many(actor, action, client_ids, detail=""):
    """One row per client shown (e.g. a search result page), written in one statement."""
    targets = [(cid, None) for cid in dict.fromkeys(client_ids)]
    if not targets and action == LogAction.SEARCH:
        targets = [(None, None)]
    _insert(_rows(actor, action, targets, detail))
