"""Toestemming vastleggen (clients.views.consent_new): the client lets another organisation read the file."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from steunwerk.access.models import AccessLogEntry, Consent
from steunwerk.vocab import LogAction

# Django says "Dit veld is verplicht."; with Django REST framework installed its catalogue wins: "Dit veld is vereist."
REQUIRED = "Dit veld is ver"


def url(client):
    return reverse("consent_new", args=[client.pk])


def data(world, **changes):
    values = {
        "receiving_organisation": world.other_org.pk,
        "purpose": "Overdracht naar cliëntondersteuning",
        "given_on": timezone.localdate().isoformat(),
        "explained_to_client": "on",
    }
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def dossier_status(client, user, world):
    client.force_login(user)
    return client.get(reverse("client", args=[world.own_client.pk])).status_code


def test_it_shows_a_dutch_form_without_the_own_organisation(world, login):
    response = login(world.professional).get(url(world.own_client))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Toestemming vastleggen voor Bram de Wit" in content
    assert "MEE West" in content and "Gemeente Oost" in content
    assert "Wijkteam Oost" not in content


def test_it_records_the_consent(world, login):
    response = login(world.professional).post(url(world.own_client), data(world))
    assert response.status_code == 302
    assert response["Location"] == reverse("client", args=[world.own_client.pk])
    consent = Consent.objects.get()
    assert (consent.client, consent.organisation, consent.receiving_organisation, consent.recorded_by) == (
        world.own_client,
        world.org,
        world.other_org,
        world.professional,
    )
    assert consent.explained_to_client and consent.is_active


def test_it_logs_the_consent(world, login):
    login(world.professional).post(url(world.own_client), data(world))
    row = AccessLogEntry.objects.get(action=LogAction.CREATE)
    assert (row.client_id, row.user, row.object_type, row.detail) == (
        world.own_client.pk,
        world.professional,
        "Consent",
        "toestemming voor MEE West",
    )


def test_it_lets_the_other_organisation_read(world, login, client):
    assert dossier_status(client, world.other_org_professional, world) == 404
    login(world.professional).post(url(world.own_client), data(world))
    assert dossier_status(client, world.other_org_professional, world) == 200
    assert "Bram de Wit" in client.get(reverse("caseload")).content.decode()


def test_it_lets_the_municipality_read(world, login, client):
    assert dossier_status(client, world.wmo_consultant, world) == 404
    login(world.professional).post(url(world.own_client), data(world, receiving_organisation=world.municipality.pk))
    assert dossier_status(client, world.wmo_consultant, world) == 200
    assert dossier_status(client, world.other_org_professional, world) == 404  # only the organisation named


def test_it_lets_a_team_lead_record_consent(world, login):
    assert login(world.team_lead).post(url(world.own_client), data(world)).status_code == 302
    assert Consent.objects.get().recorded_by == world.team_lead


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"explained_to_client": None}, "Leg eerst het doel van het delen uit aan de cliënt."),
        (
            {"given_on": (date.today() + timedelta(days=400)).isoformat()},
            "De datum van toestemming ligt in de toekomst.",
        ),
        ({"given_on": "morgen"}, "Voer een geldige datum in"),
        ({"given_on": None}, REQUIRED),
        ({"purpose": ""}, REQUIRED),
        ({"purpose": "x" * 301}, "niet meer dan 300 tekens"),
        ({"receiving_organisation": None}, REQUIRED),
        ({"receiving_organisation": "999999"}, "geldige keuze"),
        ({"receiving_organisation": "abc"}, "geldige keuze"),
    ],
)
def test_it_refuses_invalid_input_and_saves_nothing(world, login, client, changes, message):
    response = login(world.professional).post(url(world.own_client), data(world, **changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Consent.objects.exists()
    assert dossier_status(client, world.other_org_professional, world) == 404


def test_it_refuses_tomorrow(world, login):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = login(world.professional).post(url(world.own_client), data(world, given_on=tomorrow))
    assert response.status_code == 400
    assert not Consent.objects.exists()


def test_it_refuses_the_own_organisation_as_receiver(world, login):
    response = login(world.professional).post(url(world.own_client), data(world, receiving_organisation=world.org.pk))
    assert response.status_code == 400
    assert "geldige keuze" in response.content.decode()
    assert not Consent.objects.exists()


@pytest.mark.parametrize("target", ["other_team_client", "other_org_client"])
def test_it_is_not_found_for_another_team_or_organisation(world, login, target):
    other = getattr(world, target)
    client = login(world.professional)
    assert client.get(url(other)).status_code == 404
    assert client.post(url(other), data(world, receiving_organisation=world.municipality.pk)).status_code == 404
    assert not Consent.objects.exists()


@pytest.mark.parametrize(
    "role, receiver", [("wmo_consultant", "municipality"), ("other_org_professional", "other_org")]
)
def test_it_does_not_let_a_consented_reader_pass_the_file_on(world, login, role, receiver):
    Consent.objects.create(
        client=world.own_client,
        organisation=world.org,
        receiving_organisation=getattr(world, receiver),
        purpose="Wmo-aanvraag",
        given_on=date(2026, 1, 1),
        explained_to_client=True,
        recorded_by=world.professional,
    )
    client = login(world.user(role))
    assert client.get(url(world.own_client)).status_code == 404
    response = client.post(url(world.own_client), data(world, receiving_organisation=world.municipality.pk))
    assert response.status_code == 404
    assert Consent.objects.count() == 1


@pytest.mark.parametrize("role", ["org_admin", "no_role"])
def test_it_is_not_found_for_roles_without_a_team(world, login, role):
    assert login(world.user(role)).post(url(world.own_client), data(world)).status_code == 404
    assert not Consent.objects.exists()
