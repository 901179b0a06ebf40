"""Gegevens bewerken (clients.views.client_edit): only the own team changes a client's details."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from steunwerk.access.models import AccessLogEntry, Consent
from steunwerk.clients.models import Client
from steunwerk.vocab import LogAction

# Django says "Dit veld is verplicht."; with Django REST framework installed its catalogue wins: "Dit veld is vereist."
REQUIRED = "Dit veld is ver"


def url(client):
    return reverse("client_edit", args=[client.pk])


def form_data(client, **changes):
    data = {
        "name": client.name,
        "date_of_birth": client.date_of_birth.isoformat() if client.date_of_birth else "",
        "bsn": client.bsn,
        "street_address": client.street_address,
        "postcode": client.postcode,
        "city": client.city,
        "neighbourhood": client.neighbourhood,
        "phone": client.phone,
        "email": client.email,
        "limitations": client.limitations,
        "wanted_helpers": client.wanted_helpers,
        "unwanted_helpers": client.unwanted_helpers,
    }
    data.update(changes)
    return data


def fresh(client):
    return Client.objects.get(pk=client.pk)


def snapshot(client):
    c = fresh(client)
    return (c.name, c.bsn, c.date_of_birth, c.city, c.wanted_helpers)


def test_it_shows_the_form_filled_in(world, login):
    response = login(world.professional).get(url(world.own_client))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Gegevens van Bram de Wit" in content
    assert 'value="Bram de Wit"' in content
    assert 'value="1999-05-14"' in content


def test_it_logs_opening_the_form_as_a_read(world, login):
    login(world.professional).get(url(world.own_client))
    row = AccessLogEntry.objects.get()
    assert (row.action, row.client_id, row.detail) == (LogAction.READ, world.own_client.pk, "cliëntgegevens bewerken")


@pytest.mark.parametrize("role", ["professional", "team_lead"])
def test_it_saves_changes_and_returns_to_the_dossier(world, login, role):
    client = login(world.user(role))
    response = client.post(
        url(world.own_client), form_data(world.own_client, city="Amersfoort", limitations=["physical"])
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("client", args=[world.own_client.pk])
    saved = fresh(world.own_client)
    assert (saved.city, saved.limitations, saved.name, saved.bsn) == (
        "Amersfoort",
        ["physical"],
        "Bram de Wit",
        "111222333",
    )
    assert "Gegevens opgeslagen." in client.get(response["Location"]).content.decode()


def test_it_logs_which_fields_changed_but_not_their_values(world, login):
    login(world.professional).post(url(world.own_client), form_data(world.own_client, bsn="123456782", city="Oost"))
    row = AccessLogEntry.objects.get(action=LogAction.UPDATE)
    assert row.client_id == world.own_client.pk
    assert "bsn" in row.detail and "city" in row.detail
    assert "123456782" not in row.detail and "Oost" not in row.detail
    assert fresh(world.own_client).bsn == "123456782"


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"bsn": "123456789"}, "Dit is geen geldig BSN"),
        ({"date_of_birth": "2999-01-01"}, "De geboortedatum ligt in de toekomst."),
        ({"name": ""}, REQUIRED),
        ({"name": "N" * 201}, "niet meer dan 200 tekens"),
        ({"wanted_helpers": "x" * 5001}, "niet meer dan 5000 tekens"),
        ({"unwanted_helpers": "x" * 5001}, "niet meer dan 5000 tekens"),
    ],
)
def test_it_refuses_invalid_input_and_changes_nothing(world, login, changes, message):
    before = snapshot(world.own_client)
    response = login(world.professional).post(
        url(world.own_client), form_data(world.own_client, city="Elders", **changes)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot(world.own_client) == before
    assert not AccessLogEntry.objects.filter(action=LogAction.UPDATE).exists()


def test_it_refuses_tomorrow_as_date_of_birth(world, login):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = login(world.professional).post(
        url(world.own_client), form_data(world.own_client, date_of_birth=tomorrow)
    )
    assert response.status_code == 400
    assert fresh(world.own_client).date_of_birth == date(1999, 5, 14)


@pytest.mark.parametrize("target", ["other_team_client", "other_org_client"])
def test_it_is_not_found_for_another_team_or_organisation(world, login, target):
    other = getattr(world, target)
    before = snapshot(other)
    client = login(world.professional)
    assert client.get(url(other)).status_code == 404
    assert client.post(url(other), form_data(other, name="Overschreven")).status_code == 404
    assert snapshot(other) == before


@pytest.mark.parametrize(
    "role, receiver", [("wmo_consultant", "municipality"), ("other_org_professional", "other_org")]
)
def test_it_never_lets_a_consent_change_the_file(world, login, role, receiver):
    Consent.objects.create(
        client=world.own_client,
        organisation=world.org,
        receiving_organisation=getattr(world, receiver),
        purpose="Wmo-aanvraag",
        given_on=date(2026, 1, 1),
        explained_to_client=True,
        recorded_by=world.professional,
    )
    before = snapshot(world.own_client)
    client = login(world.user(role))
    assert client.get(reverse("client", args=[world.own_client.pk])).status_code == 200  # may read
    assert client.get(url(world.own_client)).status_code == 404
    assert client.post(url(world.own_client), form_data(world.own_client, name="Overschreven")).status_code == 404
    assert snapshot(world.own_client) == before


@pytest.mark.parametrize("role", ["org_admin", "no_role"])
def test_it_is_not_found_for_roles_without_a_team(world, login, role):
    assert login(world.user(role)).get(url(world.own_client)).status_code == 404


def test_it_shows_html_escaped_after_editing(world, login):
    client = login(world.professional)
    client.post(url(world.own_client), form_data(world.own_client, unwanted_helpers="<script>x()</script>"))
    content = client.get(reverse("client", args=[world.own_client.pk])).content.decode()
    assert "<script>x()" not in content
    assert "&lt;script&gt;x()&lt;/script&gt;" in content


def test_it_sends_anonymous_visitors_to_the_login_page(client, world):
    before = snapshot(world.own_client)
    response = client.post(url(world.own_client), form_data(world.own_client, name="Overschreven"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert snapshot(world.own_client) == before
