"""A signalling network to test against: a meldpunt with core, shell and management partners, an unrelated
organisation, and a second meldpunt with its own case (for "another organisation gets 404").

Use it in a test module with ``from steunwerk.signals.tests.network_fixtures import net  # noqa: F401``.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from steunwerk.access.actor import Actor
from steunwerk.accounts.models import Organisation, Team, User
from steunwerk.conftest import make_user
from steunwerk.signals.cases import open_case
from steunwerk.signals.models import NetworkCase, NetworkMeeting, NetworkPartner, Signal
from steunwerk.vocab import MeetingKind, OrganisationKind, PartnerRole, Role


@dataclass
class Network:
    org: Organisation  # runs the meldpunt
    core_org: Organisation
    shell_org: Organisation
    management_org: Organisation
    unrelated_org: Organisation  # in no network at all
    other_network: Organisation  # another meldpunt
    coordinator: User
    colleague: User  # a professional of the meldpunt's own organisation, not a coordinator
    core_professional: User
    core_team_lead: User
    shell_professional: User
    management_professional: User
    unrelated_professional: User
    org_admin: User
    other_coordinator: User
    signal: Signal
    case: NetworkCase
    meeting: NetworkMeeting  # a core meeting next week
    other_case: NetworkCase

    def user(self, role):
        return getattr(self, role)


def org(name, kind=OrganisationKind.WELFARE):
    return Organisation.objects.create(name=name, kind=kind)


def care_user(username, organisation, role=Role.PROFESSIONAL):
    team, _ = Team.objects.get_or_create(organisation=organisation, name="Team 1")
    return make_user(username, organisation, team, role)


def make_signal(organisation, **fields):
    values = {
        "channel": Signal.Channel.PHONE,
        "reporter_type": "neighbour",
        "observation": "De gordijnen blijven dicht en de post stapelt zich op.",
        "person_consulted": True,
    }
    return Signal.objects.create(organisation=organisation, **{**values, **fields})


def make_case(organisation, **fields):
    case = open_case(make_signal(organisation), Actor.system())
    for name, value in fields.items():
        setattr(case, name, value)
    if fields:
        case.save()
    return case


def make_meeting(network, kind=MeetingKind.CORE, days=7, invite=True, **fields):
    from steunwerk.signals.access import invitees

    meeting = NetworkMeeting.objects.create(
        organisation=network, kind=kind, date=timezone.localdate() + timedelta(days=days), **fields
    )
    if invite:
        meeting.invited.set(invitees(network.pk, kind))
    return meeting


def make_network():
    network = org("Welzijn Veenendaal")
    core_org, shell_org = org("Wijkteam Centrum", OrganisationKind.NEIGHBOURHOOD_TEAM), org("GGz Regio")
    management_org, unrelated_org = org("Gemeente Veenendaal", OrganisationKind.MUNICIPALITY), org("MEE Elders")
    for partner, role in (
        (core_org, PartnerRole.CORE),
        (shell_org, PartnerRole.SHELL),
        (management_org, PartnerRole.MANAGEMENT),
    ):
        NetworkPartner.objects.create(network=network, partner=partner, role=role)
    other_network = org("Welzijn Elders")
    NetworkPartner.objects.create(network=other_network, partner=org("Thuiszorg Elders"), role=PartnerRole.CORE)
    case = make_case(network)
    return Network(
        org=network,
        core_org=core_org,
        shell_org=shell_org,
        management_org=management_org,
        unrelated_org=unrelated_org,
        other_network=other_network,
        coordinator=make_user("coordinator", network, None, Role.MELDPUNT_COORDINATOR),
        colleague=care_user("colleague", network),
        core_professional=care_user("core_professional", core_org),
        core_team_lead=care_user("core_team_lead", core_org, Role.TEAM_LEAD),
        shell_professional=care_user("shell_professional", shell_org),
        management_professional=care_user("management_professional", management_org),
        unrelated_professional=care_user("unrelated_professional", unrelated_org),
        org_admin=make_user("network_admin", network, None, Role.ORG_ADMIN),
        other_coordinator=make_user("other_coordinator", other_network, None, Role.MELDPUNT_COORDINATOR),
        signal=case.signal,
        case=case,
        meeting=make_meeting(network),
        other_case=make_case(other_network),
    )


@pytest.fixture
def net(db):
    return make_network()
