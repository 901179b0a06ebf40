"""The client's dossier page (clients.views.client_detail)."""

from datetime import date

import pytest
from django.urls import reverse

from steunwerk.access.models import AccessLogEntry, Consent
from steunwerk.clients.models import Client
from steunwerk.support.models import Trajectory
from steunwerk.vocab import LogAction


def url(client):
    return reverse("client", args=[client.pk])


def give_consent(world, receiver):
    return Consent.objects.create(
        client=world.own_client,
        organisation=world.org,
        receiving_organisation=receiver,
        purpose="Wmo-aanvraag",
        given_on=date(2026, 1, 1),
        explained_to_client=True,
        recorded_by=world.professional,
    )


@pytest.mark.parametrize("role", ["professional", "team_lead"])
def test_it_shows_the_dossier_to_the_own_team(world, login, role):
    response = login(world.user(role)).get(url(world.own_client))
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Bram de Wit</h1>" in content
    assert "14-05-1999" in content
    assert reverse("trajectory", args=[world.own_trajectory.pk]) in content
    assert "Gegevens bewerken" in content
    assert "Toestemming vastleggen" in content
    assert "Geen toestemmingen vastgelegd: andere organisaties zien niets." in content


def test_it_shows_the_bsn_masked_and_never_in_full(world, login):
    content = login(world.professional).get(url(world.own_client)).content.decode()
    assert "******333" in content
    assert "111222333" not in content
    assert "111222" not in content


def test_it_shows_a_dash_when_there_is_no_bsn(world, login):
    content = login(world.other_team_professional).get(url(world.other_team_client)).content.decode()
    assert "<dt>BSN</dt><dd>—</dd>" in content


def test_it_writes_a_read_row_in_the_access_log(world, login):
    login(world.professional).get(url(world.own_client))
    row = AccessLogEntry.objects.get(client_id=world.own_client.pk)
    assert (row.action, row.user, row.detail, row.object_type, row.object_id) == (
        LogAction.READ,
        world.professional,
        "dossier",
        "Client",
        world.own_client.pk,
    )
    assert row.organisation_id == world.org.pk
    assert "111222333" not in row.detail


@pytest.mark.parametrize("target", ["other_team_client", "other_org_client"])
def test_it_is_not_found_for_another_team_or_organisation(world, login, target):
    other = getattr(world, target)
    response = login(world.professional).get(url(other))
    assert response.status_code == 404
    assert "Niet gevonden" in response.content.decode()
    assert other.name not in response.content.decode()
    assert not AccessLogEntry.objects.filter(client_id=other.pk).exists()


def test_it_is_not_found_for_an_unknown_client(world, login):
    assert login(world.professional).get(reverse("client", args=[999999])).status_code == 404


@pytest.mark.parametrize(
    "role", ["org_admin", "wmo_consultant", "no_role", "other_team_professional", "other_org_professional"]
)
def test_it_is_not_found_for_anybody_without_a_trajectory_or_consent(world, login, role):
    assert login(world.user(role)).get(url(world.own_client)).status_code == 404


def test_it_lists_only_the_trajectories_the_viewer_may_see(world, login):
    Trajectory.objects.create(client=world.own_client, team=world.other_team, lead=world.other_team_professional)
    own = login(world.professional).get(url(world.own_client)).content.decode()
    assert "(Team A, Lopend)" in own and "Team B" not in own
    other = login(world.other_team_professional).get(url(world.own_client)).content.decode()
    assert "(Team B, Lopend)" in other and "Team A" not in other


@pytest.mark.parametrize(
    "role, receiver", [("wmo_consultant", "municipality"), ("other_org_professional", "other_org")]
)
def test_it_shows_a_consented_dossier_read_only_and_masked(world, login, role, receiver):
    give_consent(world, getattr(world, receiver))
    response = login(world.user(role)).get(url(world.own_client))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Bram de Wit" in content and "******333" in content and "111222333" not in content
    assert "Gegevens bewerken" not in content
    assert "Toestemming vastleggen" not in content
    assert "Intrekken" not in content
    assert AccessLogEntry.objects.filter(
        client_id=world.own_client.pk, user=world.user(role), action=LogAction.READ
    ).exists()


def test_it_shows_consents_and_their_withdrawal(world, login):
    consent = give_consent(world, world.other_org)
    client = login(world.professional)
    content = client.get(url(world.own_client)).content.decode()
    assert "MEE West — Wmo-aanvraag (sinds 01-01-2026)" in content
    assert reverse("consent_withdraw", args=[world.own_client.pk, consent.pk]) in content
    consent.withdraw()
    content = client.get(url(world.own_client)).content.decode()
    assert "ingetrokken op" in content
    assert reverse("consent_withdraw", args=[world.own_client.pk, consent.pk]) not in content


def test_the_team_sees_every_consent_and_a_receiver_only_its_own(world, login):
    give_consent(world, world.other_org)
    give_consent(world, world.municipality)
    team_page = login(world.professional).get(url(world.own_client)).content.decode()
    assert "MEE West — Wmo-aanvraag" in team_page and "Gemeente Oost — Wmo-aanvraag" in team_page
    receiver_page = login(world.wmo_consultant).get(url(world.own_client)).content.decode()
    assert "Gemeente Oost — Wmo-aanvraag" in receiver_page
    assert "MEE West" not in receiver_page


def test_it_masks_an_eight_digit_bsn_too(world, login):
    Client.objects.filter(pk=world.own_client.pk).update(bsn="010000008")
    content = login(world.professional).get(url(world.own_client)).content.decode()
    assert "******008" in content and "010000008" not in content


def test_it_sends_anonymous_visitors_to_the_login_page(client, world):
    response = client.get(url(world.own_client))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert not AccessLogEntry.objects.exists()


def test_a_consented_client_without_any_trajectory_still_shows_read_only(world, login):
    """The dossier is found through the client's trajectories; a client with none is found through the consent."""
    Trajectory.objects.filter(client=world.own_client).delete()
    give_consent(world, world.municipality)
    response = login(world.wmo_consultant).get(url(world.own_client))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Bram de Wit" in content and "Geen trajecten." in content
    assert "Gegevens bewerken" not in content
    row = AccessLogEntry.objects.get(client_id=world.own_client.pk, action=LogAction.READ)
    assert (row.user, row.detail) == (world.wmo_consultant, "dossier")


def test_it_logs_one_read_however_many_trajectories_it_shows(world, login):

    Trajectory.objects.create(client=world.own_client, team=world.team, lead=world.professional)
    login(world.professional).get(url(world.own_client))
    assert AccessLogEntry.objects.filter(client_id=world.own_client.pk, action=LogAction.READ).count() == 1
