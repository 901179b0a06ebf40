"""The access layer: the only way to query client data.

Every model that holds client data declares once, as ``access_scope``, how it hangs off a trajectory or a
client and which section of the file it belongs to. ``visible()`` and ``editable()`` turn that declaration
into a queryset for an actor. Without a matching relationship the result is empty: it fails closed.

Who sees what:
- professional / team lead: the trajectories held by their team(s), their clients, and everything in them;
- organisation admin: accounts only, never a client file;
- another organisation: only with an active consent of the client for that organisation; professionals and
  team leads there read the whole file, a municipal Wmo consultant only identity and plan (what an
  application needs); nobody edits through a consent;
- the command line acts as the operator ("system") and sees all, but is logged like everyone else.

One query of client data is made elsewhere, by design: on SQLite the caseload's name search asks the trigram index
of names (``support.name_index.narrow``) how many trajectories in the whole database match, to choose how to search.
Only that number comes back; the rows shown are the access layer's, narrowed.
"""
import time
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BigIntegerField, Exists, F, OuterRef, Q, Value
from django.db.models.lookups import In
from django.http import Http404

from steunwerk.access.declarations import AccessScope, Section  # noqa: F401 (re-exported)
from steunwerk.vocab import Role


CARE_ROLES = {Role.PROFESSIONAL, Role.TEAM_LEAD}


@dataclass
class Actor:
    """Who is acting, with their memberships loaded once."""

    user: object = None
    name: str = ""
    care_team_ids: frozenset = frozenset()
    lead_team_ids: frozenset = frozenset()
    full_consent_org_ids: frozenset = frozenset()
    plan_consent_org_ids: frozenset = frozenset()
    admin_org_ids: frozenset = frozenset()
    meldpunt_org_ids: frozenset = frozenset()
    role_by_org: dict = field(default_factory=dict)
    is_system: bool = False
    # Whether any consent points at these organisations, asked once per actor (that is: per request).
    consent_cache: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def for_user(cls, user):
        if user is None or not user.is_authenticated or not user.is_active:
            return cls(name="anoniem")
        care, lead, full, plan, admin, meldpunt, roles = set(), set(), set(), set(), set(), set(), {}
        for organisation_id, role, team_id in _memberships_of(user.pk):
            roles.setdefault(organisation_id, role)
            if role in CARE_ROLES:
                if team_id:
                    care.add(team_id)
                full.add(organisation_id)
                if role == Role.TEAM_LEAD and team_id:
                    lead.add(team_id)
                    roles[organisation_id] = role
            elif role == Role.WMO_CONSULTANT:
                plan.add(organisation_id)
            elif role == Role.ORG_ADMIN:
                admin.add(organisation_id)
            elif role == Role.MELDPUNT_COORDINATOR:
                meldpunt.add(organisation_id)
        return cls(
            user=user, name=user.get_username(), care_team_ids=frozenset(care), lead_team_ids=frozenset(lead),
            full_consent_org_ids=frozenset(full), plan_consent_org_ids=frozenset(plan - full),
            admin_org_ids=frozenset(admin), meldpunt_org_ids=frozenset(meldpunt), role_by_org=roles,
        )

    @classmethod
    def system(cls, name="opdrachtregel"):
        return cls(name=name, is_system=True)

    @property
    def is_authenticated(self):
        return self.user is not None or self.is_system

    @property
    def role_label(self):
        if self.is_system:
            return "system"
        return ",".join(sorted({str(r) for r in self.role_by_org.values()}))

    @property
    def organisation_id(self):
        return next(iter(self.role_by_org), None)

    @property
    def can_hold_trajectories(self):
        return bool(self.care_team_ids)


def _memberships_of(user_id):
    """(organisation id, role, team id) of each of the user's memberships. Every signed-in page asks this once, so it
    is one plain statement: building it through the ORM cost several times what the database needs to answer."""
    from steunwerk.accounts.models import Membership

    quote, field = connection.ops.quote_name, Membership._meta.get_field
    organisation, role, team, user = (quote(field(name).column) for name in ("organisation", "role", "team", "user"))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {organisation}, {role}, {team} FROM {quote(Membership._meta.db_table)} "
                       f"WHERE {user} = %s", [user_id])
        return cursor.fetchall()


def _consented_client_ids(org_ids):
    from steunwerk.access.models import Consent

    return Consent.objects.filter(receiving_organisation_id__in=org_ids, withdrawn_at__isnull=True).values("client_id")


def _consent_orgs(actor, section):
    orgs = set(actor.full_consent_org_ids)
    if section in (Section.IDENTITY, Section.PLAN):
        orgs |= actor.plan_consent_org_ids
    return orgs


RECEIVES_CONSENTS_SECONDS = 10
_receivers = {}  # {frozenset of organisation ids: (answer, monotonic time it expires)}, per server process


def _receives_consents(actor, orgs):
    """Most organisations never receive a consent. Knowing that keeps the filter a plain team lookup, which
    the database can answer from an index instead of scanning every trajectory for the OR.

    The answer is kept per actor (per request) and for a few seconds per process. Either way round it cannot
    show too much: an old "no" leaves out the consent branch (a consent given seconds ago shows a moment later),
    an old "yes" adds the branch, which itself only admits consents that are active now. Recording or withdrawing
    a consent clears it in the process that did so (access.models.Consent.save)."""
    key = frozenset(orgs)
    if key not in actor.consent_cache:
        now = time.monotonic()
        answer, expires = _receivers.get(key, (None, 0.0))
        if expires <= now:
            from steunwerk.access.models import Consent

            answer = Consent.objects.filter(receiving_organisation_id__in=key, withdrawn_at__isnull=True).exists()
            _receivers[key] = (answer, now + RECEIVES_CONSENTS_SECONDS)
        actor.consent_cache[key] = answer
    return actor.consent_cache[key]


def consents_changed():
    _receivers.clear()


def _any_of(conditions):
    """The conditions joined by OR; without any, a condition no row meets (the layer fails closed). Not an OR onto
    an always-false start: Django would work that out anew in every query."""
    if not conditions:
        return Q(pk__in=[])
    q = conditions[0]
    for condition in conditions[1:]:
        q |= condition
    return q


def trajectory_q(actor, section, write=False):
    """Q over Trajectory for the trajectories this actor may see (or change)."""
    if actor.is_system:
        return Q()
    conditions = []
    if actor.care_team_ids:
        conditions.append(_in_teams(actor.care_team_ids))
    if not write:
        orgs = _consent_orgs(actor, section)
        if orgs and _receives_consents(actor, orgs):
            conditions.append(Q(client_id__in=_consented_client_ids(orgs)))
    return _any_of(conditions)


def _in_teams(team_ids):
    """Q for rows of these teams. On PostgreSQL the ids are typed as the column is (bigint): psycopg would send a
    small number as a smallint (or write it as an integer), and PostgreSQL cannot use an index that begins with the
    team for that (the team-and-name trigram index of the caseload search, support migration 0012). A related
    field's ``__in`` would turn typed values back into plain numbers, hence the ``In`` lookup. Sorted, so the
    statement reads the same every time."""
    if connection.vendor != "postgresql":
        return Q(team_id__in=team_ids)
    return Q(In(F("team_id"), [Value(pk, output_field=BigIntegerField()) for pk in sorted(team_ids)]))


def client_q(actor, section, write=False, client_field="pk"):
    """Q for the clients this actor may see (or change): over Client itself, or over a model whose
    ``client_field`` holds the client's id.

    The team rule is a correlated EXISTS ("does one of my teams hold a trajectory of this client?"), answered per
    row from the trajectory's client index. An IN over all clients of the team would make the database list the
    whole team for every single dossier it opens."""
    from steunwerk.support.models import Trajectory

    if actor.is_system:
        return Q()
    conditions = []
    if actor.care_team_ids:
        conditions.append(
            Q(Exists(Trajectory.objects.filter(_in_teams(actor.care_team_ids), client_id=OuterRef(client_field)))))
    if not write:
        orgs = _consent_orgs(actor, section)
        if orgs and _receives_consents(actor, orgs):
            conditions.append(Q(**{f"{client_field}__in": _consented_client_ids(orgs)}))
    return _any_of(conditions)


def signal_q(actor, section, write=False):
    """Q over Signal: the meldpunt's coordinators and the person it is assigned to; for network cases (read
    only) also the professionals of the network's core partners, who know a case only by its ID code."""
    from steunwerk.signals.models import NetworkPartner

    if actor.is_system:
        return Q()
    conditions = []
    if actor.meldpunt_org_ids:
        conditions.append(Q(organisation_id__in=actor.meldpunt_org_ids))
    # An assignee sees the signal only while they still work at the meldpunt's organisation. Where they are its
    # coordinator they see all of it already; leaving that redundant OR out lets the list use the queue index.
    assignee_orgs = [org for org in actor.role_by_org if org not in actor.meldpunt_org_ids]
    if actor.user is not None and assignee_orgs:
        conditions.append(Q(assigned_to=actor.user, organisation_id__in=assignee_orgs))
    if section == Section.CASE and not write and actor.full_consent_org_ids:
        networks = NetworkPartner.objects.filter(partner_id__in=actor.full_consent_org_ids, role="core")
        conditions.append(Q(organisation_id__in=networks.values("network_id"), case__isnull=False))
    return _any_of(conditions)


def _scoped(model, actor, write):
    scope = getattr(model, "access_scope", None)
    if scope is None:
        raise TypeError(f"{model.__name__} declares no access_scope")
    manager = model._default_manager
    if scope.signal is not None:
        q = signal_q(actor, scope.section, write)
        if scope.signal == "":
            return manager.filter(q)
        from steunwerk.signals.models import Signal

        return manager.filter(Exists(Signal.objects.filter(q, pk=OuterRef(scope.signal))))
    if scope.trajectory is not None:
        q = trajectory_q(actor, scope.section, write)
        if scope.trajectory == "":
            return manager.filter(q)
        from steunwerk.support.models import Trajectory

        # A correlated EXISTS: each row asks about its own trajectory (by primary key). An IN over the visible
        # trajectories would make SQLite list every trajectory of the team for each query.
        return manager.filter(Exists(Trajectory.objects.filter(q, pk=OuterRef(scope.trajectory))))
    if scope.client == "":
        return manager.filter(client_q(actor, scope.section, write))
    return manager.filter(client_q(actor, scope.section, write, client_field=f"{scope.client}_id"))


def visible(model, actor):
    """The rows of ``model`` this actor may read."""
    return _scoped(model, actor, write=False)


def editable(model, actor):
    """The rows of ``model`` this actor may change."""
    return _scoped(model, actor, write=True)


class Shape:
    """How a page reads rows of ``model``: which values, through which joins, in which order; ``build`` makes that
    queryset from the model's manager. Django works out every related name of a ``values_list`` each time a queryset
    is made, which for a page's dozen joined values costs more than compiling and running the query; a shape is
    worked out once per process and ``under`` narrows a copy of it for each use. It holds no rows and is never read
    itself: it can only be narrowed."""

    def __init__(self, model, build):
        self.model, self._build, self._queryset = model, build, None

    def _narrowed(self, **lookup):
        if self._queryset is None:
            self._queryset = self._build(self.model._default_manager)
        return self._queryset.filter(**lookup)  # a new queryset; the shape itself stays empty


def under(parents, model, path, section=Section.PLAN, shape=None):
    """The rows of ``model`` that hang, by the relation ``path``, under one of ``parents``: rows the caller already
    holds, read through this layer (a plan's steps under the goals or the trajectory on the page). Like a prefetch,
    it narrows to what lies beneath them and needs no access check of its own, so a page lists a plan's steps
    without asking again whether the trajectory may be seen. ``section`` is the section the parents were fetched
    for (the plan, by default); rows of another section are refused, since a reader of the plan may not be a reader
    of the file. It takes the parent objects, not ids, so that it cannot be handed ids of unknown origin. With a
    ``shape`` (of this model) the rows come as that shape reads them."""
    if shape is not None and shape.model is not model:
        raise TypeError(f"Deze vorm leest {shape.model.__name__}, niet {model.__name__}")
    scope = getattr(model, "access_scope", None)
    if scope is None or scope.section != section:
        raise TypeError(f"{model.__name__} hoort niet bij het deel '{section}' waarvoor deze rijen zijn opgehaald")
    parent_model = model
    for name in path.split("__"):
        parent_model = parent_model._meta.get_field(name).related_model
    if any(not isinstance(parent, parent_model) for parent in parents):
        raise TypeError(f"{model.__name__}.{path} wijst niet naar deze objecten")
    lookup = {f"{path}__in": [parent.pk for parent in parents]}
    return model._default_manager.filter(**lookup) if shape is None else shape._narrowed(**lookup)


def unique_or_none(queryset):
    """The one row a lookup on a unique key finds, or None.

    Unlike ``first()`` it asks for no order: ordering by a model's default order is pointless for one row, and
    compiling that ORDER BY costs Django more than the database needs to find the row."""
    return next(iter(queryset.order_by()[:1]), None)


def get_visible_or_404(model, actor, **lookup):
    """The row a lookup on a unique key (the primary key) finds, if this actor may read it; else 404."""
    obj = unique_or_none(visible(model, actor).filter(**lookup))
    if obj is None:
        raise Http404
    return obj


def get_editable_or_404(model, actor, **lookup):
    """The row a lookup on a unique key (the primary key) finds, if this actor may change it; else 404."""
    obj = unique_or_none(editable(model, actor).filter(**lookup))
    if obj is None:
        raise Http404
    return obj


def can_edit(actor, trajectory):
    return actor.is_system or trajectory.team_id in actor.care_team_ids


def can_read_section(actor, trajectory, section):
    if can_edit(actor, trajectory):  # the team holding the trajectory reads every section of it
        return True
    return visible_trajectories(actor, section).filter(pk=trajectory.pk).exists()


def visible_trajectories(actor, section):
    from steunwerk.support.models import Trajectory

    return Trajectory.objects.filter(trajectory_q(actor, section))


def can_read_client_section(actor, client, section):
    from steunwerk.clients.models import Client

    return Client.objects.filter(client_q(actor, section), pk=client.pk).exists()


def can_view_access_log(actor, client):
    """Team leads of a team holding one of the client's trajectories (and the operator)."""
    if actor.is_system:
        return True
    if not actor.lead_team_ids:
        return False
    return client.trajectories.filter(team_id__in=actor.lead_team_ids).exists()


def plan_steps_shared_with(member):
    """The plan steps a network member may see once they can sign in: only the steps assigned to them, and only
    while the client's consent for it stands. Nothing else of the file."""
    from steunwerk.support.models import PlanStep

    if not member.shares_plan_steps:
        return PlanStep.objects.none()
    return PlanStep.objects.filter(network_member=member, plan__goal__trajectory__client_id=member.client_id)


def feedback_for_receipt(code):
    """What a reporter may see with their receipt code: that the report arrived, and the feedback written for
    them. Nothing about the person reported on."""
    from steunwerk.signals.models import Signal, SignalFeedback

    code = (code or "").upper().strip()[:12]
    if not (code.isascii() and code.isalnum()):
        return None, SignalFeedback.objects.none()
    signal = Signal.objects.filter(receipt_code=code).only("id", "received_at", "receipt_code").first()
    if signal is None:
        return None, SignalFeedback.objects.none()
    return signal, SignalFeedback.objects.filter(signal_id=signal.pk).only("message", "written_at")


def can_count(actor):
    """May this actor open the aggregate overview (Overzicht)? Care roles of a team, organisation admins, the
    operator. Nobody else: counts of a team's or an organisation's caseload are not theirs to read."""
    return actor.is_system or bool(actor.care_team_ids or actor.admin_org_ids)


def countable_teams(actor):
    """The teams whose trajectories this actor may count: their own care teams; for an organisation admin every
    team of the organisations they administer; for the operator all; for anyone else none (fails closed)."""
    from steunwerk.accounts.models import Team

    if actor.is_system:
        return Team.objects.all()
    conditions = []
    if actor.care_team_ids:
        conditions.append(Q(pk__in=actor.care_team_ids))
    if actor.admin_org_ids:
        conditions.append(Q(organisation_id__in=actor.admin_org_ids))
    return Team.objects.filter(_any_of(conditions))


def countable_totals(actor, model):
    """The running totals (``support.TrajectoryTally``, ``support.TrajectoryYearTally``: numbers of trajectories
    per team, never a person) of the teams in ``countable_teams(actor)``.

    For care roles these are the teams whose files they may open anyway; for an organisation admin, who may never
    open a client file, the whole organisation, so what is shown from them must suppress small numbers (see
    ``support/dashboard.py``)."""
    return model.objects.filter(team__in=countable_teams(actor))