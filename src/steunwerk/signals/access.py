"""Who sees signalling data: signals, network cases and what hangs off them, the network's meetings and its yearly
report.

Signals, cases, actions and intake forms carry an ``access_scope`` and get their manager from ``SignalQuerySet``
(``Signal.objects.visible_to(actor)``):

- the meldpunt's coordinators see and change every signal of their organisation;
- the person a signal is assigned to, while they still work at the meldpunt's organisation;
- network cases (and their agreements and meldformulieren) are also read, never changed, by the professionals and
  team leads of the network's core partners, who know a case only by its ID code;
- a client's consent never opens any of it.

A meeting is not about one person, so it has no scope; its rule lives here, in one place:

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

The signals models use this module for their managers, so it reaches them through the app registry, not by import.
"""

from django.apps import apps
from django.db.models import Exists, OuterRef, Q

from steunwerk.access.declarations import Section
from steunwerk.access.scope import ScopedQuerySet, any_of, related_model, scope_of
from steunwerk.vocab import MeetingKind, PartnerRole, Role


def _model(name):
    return apps.get_model("signals", name)


def signal_q(actor, section, write=False):
    """Q over Signal: the meldpunt's coordinators and the person it is assigned to; for network cases (read
    only) also the professionals of the network's core partners."""
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
        networks = _model("NetworkPartner").objects.filter(
            partner_id__in=actor.full_consent_org_ids, role=PartnerRole.CORE
        )
        conditions.append(Q(organisation_id__in=networks.values("network_id"), case__isnull=False))
    return any_of(conditions)


class SignalQuerySet(ScopedQuerySet):
    """The manager of the signalling models: their rows through the signal they hang off."""

    def rule(self, actor, section, write):
        path = scope_of(self.model).signal
        if path is None:
            return super().rule(actor, section, write)
        q = signal_q(actor, section, write)
        if path == "":
            return q
        signals = related_model(self.model, path)._default_manager
        return Q(Exists(signals.filter(q, pk=OuterRef(path))))

    rule.queryset_only = True


def feedback_for_receipt(code):
    """What a reporter may see with their receipt code: that the report arrived, and the feedback written for
    them. Nothing about the person reported on."""
    code = (code or "").upper().strip()[:12]
    if not (code.isascii() and code.isalnum()):
        return None, _model("SignalFeedback").objects.none()
    signal = _model("Signal").objects.filter(receipt_code=code).only("id", "received_at", "receipt_code").first()
    if signal is None:
        return None, _model("SignalFeedback").objects.none()
    return signal, signal.feedback.only("message", "written_at")


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
    partners = _model("NetworkPartner").objects.filter(partner_id__in=actor.full_consent_org_ids)
    if core_only:
        partners = partners.filter(role=PartnerRole.CORE)
    return bool(actor.full_consent_org_ids) and partners.exists()


def _organisations():
    """The organisations, reached through the network's declared relation to them."""
    return related_model(_model("NetworkPartner"), "partner").objects


def meetings_for(actor, write=False):
    """The meetings this actor may read (or, with write, change)."""
    meetings = _model("NetworkMeeting").objects
    if actor.is_system:
        return meetings.all()
    q = Q(organisation_id__in=actor.meldpunt_org_ids) if actor.meldpunt_org_ids else Q(pk__in=[])
    if not write and actor.full_consent_org_ids:
        through = meetings.model.invited.through
        still_partner = _model("NetworkPartner").objects.filter(
            network_id=OuterRef("networkmeeting__organisation_id"), partner_id=OuterRef("organisation_id")
        )
        invited = through.objects.filter(organisation_id__in=actor.full_consent_org_ids).filter(Exists(still_partner))
        q |= Q(pk__in=invited.values("networkmeeting_id"))
    return meetings.filter(q)


def invitees(network_id, kind):
    """The partner organisations a meeting of this kind invites: core (also for a spoedberaad), shell or
    management partners."""
    return _organisations().filter(partner_of__network_id=network_id, partner_of__role=INVITED_ROLE[kind])


def responsible_choices(network_id):
    """Who can be responsible for an agreement: the meldpunt's own organisation and its partners."""
    return _organisations().filter(Q(pk=network_id) | Q(partner_of__network_id=network_id)).distinct()


def report_networks(actor):
    """{network organisation id: EXACT or SUPPRESSED} for the networks whose yearly report this actor reads."""
    if actor.is_system:
        ids = set(_model("NetworkPartner").objects.values_list("network_id", flat=True))
        return {pk: EXACT for pk in ids}
    result = {}
    lead_orgs = {org for org, role in actor.role_by_org.items() if role == Role.TEAM_LEAD}
    steering_orgs = set(actor.full_consent_org_ids) | set(actor.plan_consent_org_ids)
    q = Q(pk__in=[])
    if lead_orgs:
        q |= Q(partner_id__in=lead_orgs)
    if steering_orgs:
        q |= Q(partner_id__in=steering_orgs, role__in=[PartnerRole.SHELL, PartnerRole.MANAGEMENT])
    for network_id in _model("NetworkPartner").objects.filter(q).values_list("network_id", flat=True).distinct():
        result[network_id] = SUPPRESSED
    for network_id in actor.meldpunt_org_ids:
        result[network_id] = EXACT
    return result
