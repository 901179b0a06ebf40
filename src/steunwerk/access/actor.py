"""Who is acting: the signed-in user with their memberships, read once per request (``request.actor``, set by
``access.middleware.ActorMiddleware``), or the operator on the command line.

The access rules (``access.scope`` and each app's ``access.py``) read only what is here, so a page asks the database
for the memberships once, however many querysets it scopes.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from steunwerk.access.models import Consent
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
    # The actor's organisations that an active consent points at: read with the memberships, so once per request.
    consent_receiving_org_ids: frozenset = frozenset()
    is_system: bool = False

    @classmethod
    def for_user(cls, user):
        if user is None or not user.is_authenticated or not user.is_active:
            return cls(name="anoniem")
        care, lead, full, plan, admin, meldpunt, receiving, roles = set(), set(), set(), set(), set(), set(), set(), {}
        receives = Exists(
            Consent.objects.filter(receiving_organisation_id=OuterRef("organisation_id"), withdrawn_at__isnull=True)
        )
        memberships = user.memberships.values_list("organisation_id", "role", "team_id", receives)
        for organisation_id, role, team_id, receives_consents in memberships:
            roles.setdefault(organisation_id, role)
            if receives_consents:
                receiving.add(organisation_id)
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
            user=user,
            name=user.get_username(),
            care_team_ids=frozenset(care),
            lead_team_ids=frozenset(lead),
            full_consent_org_ids=frozenset(full),
            plan_consent_org_ids=frozenset(plan - full),
            admin_org_ids=frozenset(admin),
            meldpunt_org_ids=frozenset(meldpunt),
            role_by_org=roles,
            consent_receiving_org_ids=frozenset(receiving),
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
    def single_organisation_id(self):
        """The actor's organisation when they have exactly one; None for none, several, or the operator."""
        return next(iter(self.role_by_org)) if len(self.role_by_org) == 1 else None

    def receives_consents(self, organisation_ids):
        """Does any active consent point at one of these organisations? Most organisations never receive one, and
        knowing that keeps a rule a plain team lookup the database answers from an index. Read with the memberships
        (once per request): a consent given or withdrawn counts from the next request on."""
        return not self.consent_receiving_org_ids.isdisjoint(organisation_ids)
