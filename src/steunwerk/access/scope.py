"""The access layer: the only way to query client data.

Every model that holds client data declares once, as ``access_scope`` (``access.declarations``), how it hangs off a
trajectory or a client and which section of the file it belongs to, and gets its manager from ``ScopedQuerySet``.
``Model.objects.visible_to(actor)`` and ``Model.objects.editable_by(actor)`` turn that declaration into a queryset
for an actor (related managers have them too: ``client.trajectories.visible_to(actor)``). Without a matching
relationship the result is empty: it fails closed. See docs/access-layer.md.

Who sees what:
- professional / team lead: the trajectories held by their team(s), their clients, and everything in them;
- organisation admin: accounts only, never a client file;
- another organisation: only with an active consent of the client for that organisation; professionals and
  team leads there read the whole file, a municipal Wmo consultant only identity and plan (what an
  application needs); nobody edits through a consent;
- the command line acts as the operator ("system") and sees all, but is logged like everyone else.

Signalling data follows its own rule (``signals.access.SignalQuerySet``).

This module imports no app's models: it reaches them through the declared relation paths and the app registry,
so every app's models can use it without an import circle.
"""

from django.apps import apps
from django.db import connection, models
from django.db.models import BigIntegerField, Exists, F, OuterRef, Q, Value
from django.db.models.lookups import In

from steunwerk.access.declarations import AccessScope, Section  # noqa: F401 (re-exported)

TRAJECTORY = "support.Trajectory"
CONSENT = "access.Consent"

# How much of a file a section opens, per kind of rule. A section asked for may narrow what a model declares (the
# file section of a trajectory), never widen it (the plan section of a logbook entry).
_STRICTNESS = {
    Section.IDENTITY: ("file", 0),
    Section.PLAN: ("file", 0),
    Section.FILE: ("file", 1),
    Section.CASE: ("signal", 0),
    Section.SIGNAL: ("signal", 1),
}


def scope_of(model):
    scope = getattr(model, "access_scope", None)
    if scope is None:
        raise TypeError(f"{model.__name__} declares no access_scope")
    return scope


def related_model(model, path):
    """The model at the end of a relation path such as ``plan__goal__trajectory``."""
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model


def section_for(model, section=None):
    """The section to apply to ``model``'s rows: the declared one, or a stricter one asked for."""
    declared = scope_of(model).section
    if section is None or section == declared:
        return declared
    (kind, strictness), (asked_kind, asked_strictness) = _STRICTNESS[declared], _STRICTNESS[section]
    if asked_kind != kind or asked_strictness < strictness:
        raise TypeError(f"{model.__name__} hoort bij het deel '{declared}', niet bij '{section}'")
    return section


class ScopedQuerySet(models.QuerySet):
    """The queryset (and, through ``as_manager()``, the manager) of every model with client data."""

    def visible_to(self, actor, section=None):
        """The rows this actor may read; ``section`` may narrow the model's declared section."""
        return self.filter(self.rule(actor, section_for(self.model, section), write=False))

    def editable_by(self, actor):
        """The rows this actor may change."""
        return self.filter(self.rule(actor, section_for(self.model), write=True))

    def rule(self, actor, section, write):
        """A Q over this model for what the actor may read (or change) in ``section``."""
        scope = scope_of(self.model)
        if scope.trajectory is not None:
            q = trajectory_q(actor, section, write)
            if scope.trajectory == "":
                return q
            # A correlated EXISTS: each row asks about its own trajectory (by primary key). An IN over the visible
            # trajectories would make SQLite list every trajectory of the team for each query.
            trajectories = related_model(self.model, scope.trajectory)._default_manager
            return Q(Exists(trajectories.filter(q, pk=OuterRef(scope.trajectory))))
        if scope.client is not None:
            return client_q(actor, section, write, client_field="pk" if scope.client == "" else f"{scope.client}_id")
        raise TypeError(f"{self.model.__name__} declares a scope that {type(self).__name__} does not know")

    rule.queryset_only = True  # not a manager method: a manager offers visible_to and editable_by


def visible(model, actor, section=None):
    """The rows of ``model`` this actor may read: ``model.objects.visible_to(actor, section)``."""
    scope_of(model)
    return model._default_manager.visible_to(actor, section)


def editable(model, actor):
    """The rows of ``model`` this actor may change: ``model.objects.editable_by(actor)``."""
    scope_of(model)
    return model._default_manager.editable_by(actor)


def any_of(conditions):
    """The conditions joined by OR; without any, a condition no row meets (the layer fails closed)."""
    if not conditions:
        return Q(pk__in=[])
    q = conditions[0]
    for condition in conditions[1:]:
        q |= condition
    return q


def _consent_orgs(actor, section):
    orgs = set(actor.full_consent_org_ids)
    if section in (Section.IDENTITY, Section.PLAN):
        orgs |= actor.plan_consent_org_ids
    return orgs


def _consented_client_ids(org_ids):
    consents = apps.get_model(CONSENT)._default_manager
    return consents.filter(receiving_organisation_id__in=org_ids, withdrawn_at__isnull=True).values("client_id")


def _in_teams(team_ids):
    """Q for rows of these teams. On PostgreSQL the ids are typed as the column is (bigint): psycopg would send a
    small number as a smallint (or write it as an integer), and PostgreSQL cannot use an index that begins with the
    team for that (the team-and-name trigram index of the caseload search, support migration 0012). A related
    field's ``__in`` would turn typed values back into plain numbers, hence the ``In`` lookup. Sorted, so the
    statement reads the same every time."""
    if connection.vendor != "postgresql":
        return Q(team_id__in=team_ids)
    return Q(In(F("team_id"), [Value(pk, output_field=BigIntegerField()) for pk in sorted(team_ids)]))


def trajectory_q(actor, section, write=False):
    """Q over Trajectory for the trajectories this actor may see (or change)."""
    if actor.is_system:
        return Q()
    conditions = []
    if actor.care_team_ids:
        conditions.append(_in_teams(actor.care_team_ids))
    if not write:
        orgs = _consent_orgs(actor, section)
        if orgs and actor.receives_consents(orgs):
            conditions.append(Q(client_id__in=_consented_client_ids(orgs)))
    return any_of(conditions)


def client_q(actor, section, write=False, client_field="pk"):
    """Q for the clients this actor may see (or change): over Client itself, or over a model whose
    ``client_field`` holds the client's id.

    The team rule is a correlated EXISTS ("does one of my teams hold a trajectory of this client?"), answered per
    row from the trajectory's client index. An IN over all clients of the team would make the database list the
    whole team for every single dossier it opens."""
    if actor.is_system:
        return Q()
    conditions = []
    if actor.care_team_ids:
        trajectories = apps.get_model(TRAJECTORY)._default_manager
        conditions.append(
            Q(Exists(trajectories.filter(_in_teams(actor.care_team_ids), client_id=OuterRef(client_field))))
        )
    if not write:
        orgs = _consent_orgs(actor, section)
        if orgs and actor.receives_consents(orgs):
            conditions.append(Q(**{f"{client_field}__in": _consented_client_ids(orgs)}))
    return any_of(conditions)


def can_edit(actor, trajectory):
    return actor.is_system or trajectory.team_id in actor.care_team_ids


def can_read_section(actor, trajectory, section):
    if can_edit(actor, trajectory):  # the team holding the trajectory reads every section of it
        return True
    return type(trajectory)._default_manager.visible_to(actor, section).filter(pk=trajectory.pk).exists()


def can_read_client_section(actor, client, section):
    return type(client)._default_manager.visible_to(actor, section).filter(pk=client.pk).exists()


def can_view_access_log(actor, client):
    """Team leads of a team holding one of the client's trajectories (and the operator)."""
    if actor.is_system:
        return True
    if not actor.lead_team_ids:
        return False
    return client.trajectories.filter(team_id__in=actor.lead_team_ids).exists()
