"""Writing the access log. Every read, change, export and search of client data calls one of these."""
from steunwerk.access.models import AccessLogEntry
from steunwerk.vocab import LogAction


def _entry(actor, action, client_id, obj=None, detail=""):
    return AccessLogEntry(
        user=actor.user if getattr(actor, "user", None) is not None else None,
        actor_name=(actor.name or "onbekend")[:200],
        role=actor.role_label[:32],
        organisation_id=actor.organisation_id,
        client_id=client_id,
        action=action,
        object_type=type(obj).__name__ if obj is not None else "",
        object_id=getattr(obj, "pk", None),
        detail=detail[:300],
    )


def record(actor, action, client_id, obj=None, detail=""):
    _entry(actor, action, client_id, obj, detail).save()


def record_objects(actor, action, objects, detail=""):
    """One row per object shown (e.g. a list of signals), written in one statement."""
    AccessLogEntry.objects.bulk_create([_entry(actor, action, None, obj, detail) for obj in objects])


def record_many(actor, action, client_ids, detail=""):
    """One row per client shown (e.g. a search result page), written in one statement."""
    rows = [_entry(actor, action, cid, None, detail) for cid in dict.fromkeys(client_ids)]
    if not rows and action == LogAction.SEARCH:
        rows = [_entry(actor, action, None, None, detail)]
    AccessLogEntry.objects.bulk_create(rows)
