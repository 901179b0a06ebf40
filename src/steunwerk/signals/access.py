"""Who sees the signalling network's meetings and its yearly report.

Signals, cases, actions and intake forms carry an ``access_scope`` and are read through ``access.scope``.
A meeting is not about one person, so it has no scope there; its rule lives here, in one place:

- the meldpunt's coordinators see and run every meeting of their network;
- professionals and team leads of a partner organisation read the meetings their organisation was invited to,
  while it is still a partner of that network (what is discussed about a case stays scoped: a shell partner
  sees the agenda and the minutes, not the cases or the agreements);
- nobody else, and nobody changes a meeting but a coordinator.

The yearly report (counts only) is read:
- with exact numbers by the meldpunt's coordinators;
- with small numbers suppressed ("<5") by team leads of any partner organisation (core, shell or
  management) and by professionals and municipal (Wmo) staff of shell and management partners — the
  people who steer and fund the network. Professionals of core partners work the cases themselves and do
  not need the statistics; organisation admins manage accounts, not data.
"""
from django.db.models import Exists, OuterRef, Q

from steunwerk.signals.models import NetworkMeeting, NetworkPartner
from steunwerk.vocab import MeetingKind, PartnerRole, Role

EXACT = "exact"
SUPPRESSED = "suppressed"

INVITED_ROLE = {
    MeetingKind.CORE: PartnerRole.CORE,
    MeetingKind.SHELL: PartnerRole.SHELL,
    MeetingKind.MANAGEMENT: PartnerRole.MANAGEMENT,
    MeetingKind.URGENT: PartnerRole.CORE,
}


def can_coordinate(actor, organisation_id):
    return actor.is_system or organisation_id in actor.meldpunt_org_ids


def is_network_member(actor, core_only=False):
    """Coordinator of a meldpunt, or professional / team lead of an organisation in some network (with
    core_only: a core partner)."""
    if actor.is_system or actor.meldpunt_org_ids:
        return True
    partners = NetworkPartner.objects.filter(partner_id__in=actor.full_consent_org_ids)
    if core_only:
        partners = partners.filter(role=PartnerRole.CORE)
    return bool(actor.full_consent_org_ids) and partners.exists()


def meetings_for(actor, write=False):
    """The meetings this actor may read (or, with write, change)."""
    if actor.is_system:
        return NetworkMeeting.objects.all()
    q = Q(organisation_id__in=actor.meldpunt_org_ids) if actor.meldpunt_org_ids else Q(pk__in=[])
    if not write and actor.full_consent_org_ids:
        through = NetworkMeeting.invited.through
        still_partner = NetworkPartner.objects.filter(network_id=OuterRef("networkmeeting__organisation_id"),
                                                      partner_id=OuterRef("organisation_id"))
        invited = through.objects.filter(organisation_id__in=actor.full_consent_org_ids).filter(Exists(still_partner))
        q |= Q(pk__in=invited.values("networkmeeting_id"))
    return NetworkMeeting.objects.filter(q)


def invitees(network_id, kind):
    """The partner organisations a meeting of this kind invites: core (also for a spoedberaad), shell or
    management partners."""
    from steunwerk.accounts.models import Organisation

    return Organisation.objects.filter(partner_of__network_id=network_id, partner_of__role=INVITED_ROLE[kind])


def responsible_choices(network_id):
    """Who can be responsible for an agreement: the meldpunt's own organisation and its partners."""
    from steunwerk.accounts.models import Organisation

    return Organisation.objects.filter(Q(pk=network_id) | Q(partner_of__network_id=network_id)).distinct()


def report_networks(actor):
    """{network organisation id: EXACT or SUPPRESSED} for the networks whose yearly report this actor reads."""
    if actor.is_system:
        ids = set(NetworkPartner.objects.values_list("network_id", flat=True))
        return {pk: EXACT for pk in ids}
    result = {}
    lead_orgs = {org for org, role in actor.role_by_org.items() if role == Role.TEAM_LEAD}
    steering_orgs = set(actor.full_consent_org_ids) | set(actor.plan_consent_org_ids)
    q = Q(pk__in=[])
    if lead_orgs:
        q |= Q(partner_id__in=lead_orgs)
    if steering_orgs:
        q |= Q(partner_id__in=steering_orgs, role__in=[PartnerRole.SHELL, PartnerRole.MANAGEMENT])
    for network_id in NetworkPartner.objects.filter(q).values_list("network_id", flat=True).distinct():
        result[network_id] = SUPPRESSED
    for network_id in actor.meldpunt_org_ids:
        result[network_id] = EXACT
    return result
