"""The dossier finds a client through the trajectories the viewer may see (access.shortcuts
.client_and_trajectories_or_404). That is only right while seeing a trajectory means one may see its client:
this checks the rule for every role, with and without consents, so a change to either rule cannot break it quietly."""

from datetime import date

import pytest

from steunwerk.access.actor import Actor
from steunwerk.access.models import Consent
from steunwerk.access.scope import visible
from steunwerk.clients.models import Client
from steunwerk.support.models import Trajectory

ROLES = [
    "professional",
    "team_lead",
    "org_admin",
    "wmo_consultant",
    "other_team_professional",
    "other_org_professional",
    "catalogue_admin",
    "meldpunt_coordinator",
    "no_role",
]


def consent(world, client, receiver):
    Consent.objects.create(
        client=client,
        organisation=client.organisation,
        receiving_organisation=receiver,
        purpose="delen",
        given_on=date(2026, 1, 1),
        recorded_by=world.professional,
    )


@pytest.mark.parametrize("consents", ["none", "to the municipality", "to the other organisation", "to both"])
@pytest.mark.parametrize("role", ROLES)
def test_whoever_sees_a_trajectory_may_see_its_client(world, role, consents):
    if consents in ("to the municipality", "to both"):
        consent(world, world.own_client, world.municipality)
    if consents in ("to the other organisation", "to both"):
        consent(world, world.own_client, world.other_org)
    actor = Actor.for_user(world.user(role))
    clients_of_trajectories = set(visible(Trajectory, actor).values_list("client_id", flat=True))
    assert clients_of_trajectories <= set(visible(Client, actor).values_list("pk", flat=True))
