"""Writing the access log. Every read, change, export and search of client data calls one of these.

Rows are added through the ORM: a list with ``bulk_create``, one statement per page (within the database's limit on
parameters per statement), a single row with ``save()``. The table stays append-only: nothing here updates or
deletes.

Each row names the organisation the object belongs to: its ``organisation_id`` (a client, a trajectory, every
row of a file, a signal and a network case carry one; a case's actions, its intake form and a signal's feedback do
not, and are logged as rows without one), or, for a row without an object or whose object names none, the
actor's organisation when they have exactly one. An actor with several organisations reading something that names
none is logged without an organisation: ``organisation_id`` is one column, and picking one of theirs would say
something the log does not know.
"""

from django.db import connection
from django.utils import timezone

from steunwerk.access.models import AccessLogEntry
from steunwerk.vocab import LogAction

FIELDS_PER_ROW = 10  # the columns an entry fills (all but its id)


def organisation_of(obj, actor):
    """The organisation to log for ``obj`` (see the module's docstring)."""
    organisation_id = getattr(obj, "organisation_id", None)
    if organisation_id is None and obj is not None and obj._meta.label == "accounts.Organisation":
        organisation_id = obj.pk  # the organisation itself, e.g. a network whose yearly report is read
    return organisation_id if organisation_id is not None else actor.single_organisation_id


def _entries(actor, action, targets, detail):
    """``targets``: (client id, object, organisation id) triples."""
    at = timezone.now()
    user = getattr(actor, "user", None)
    user_id = user.pk if user is not None else None
    name, role, detail = (actor.name or "onbekend")[:200], actor.role_label[:32], detail[:300]
    return [
        AccessLogEntry(
            at=at,
            user_id=user_id,
            actor_name=name,
            role=role,
            organisation_id=organisation_id,
            client_id=client_id,
            action=str(action),
            object_type=type(obj).__name__[:64] if obj is not None else "",
            object_id=getattr(obj, "pk", None),
            detail=detail,
        )
        for client_id, obj, organisation_id in targets
    ]


def _write(entries):
    if len(entries) == 1:
        entries[0].save(force_insert=True)  # one INSERT, without the transaction bulk_create opens around its batches
        return
    # Several statements for a long list stay within the database's limit on parameters (999 on older SQLite
    # builds; PostgreSQL has none Django knows of); bulk_create writes them together or not at all.
    per_statement = max(1, min(500, (connection.features.max_query_params or 5000) // FIELDS_PER_ROW))
    AccessLogEntry.objects.bulk_create(entries, batch_size=per_statement)


def record(actor, action, client_id, obj=None, detail=""):
    _write(_entries(actor, action, [(client_id, obj, organisation_of(obj, actor))], detail))


def record_objects(actor, action, objects, detail=""):
    """One row per object shown (e.g. a list of signals), written in one statement."""
    _write(_entries(actor, action, [(None, obj, organisation_of(obj, actor)) for obj in objects], detail))


def record_many(actor, action, client_ids, detail="", organisations=None):
    """One row per client shown (e.g. a search result page), written in one statement. ``organisations``: the
    organisation each client's row belongs to ({client id: organisation id}), where the page knows it."""
    organisations = organisations or {}
    targets = [(cid, None, organisations.get(cid, actor.single_organisation_id)) for cid in dict.fromkeys(client_ids)]
    if not targets and action == LogAction.SEARCH:
        targets = [(None, None, actor.single_organisation_id)]
    _write(_entries(actor, action, targets, detail))
