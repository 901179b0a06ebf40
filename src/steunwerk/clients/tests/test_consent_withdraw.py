"""Toestemming intrekken (clients.views.consent_withdraw): the other organisation loses access at once."""

from datetime import date

import pytest
from django.urls import reverse

from steunwerk.access.models import AccessLogEntry, Consent
from steunwerk.vocab import LogAction


def give_consent(world, client=None, receiver=None):
    client = client or world.own_client
    return Consent.objects.create(
        client=client,
        organisation=client.organisation,
        receiving_organisation=receiver or world.other_org,
        purpose="Overdracht",
        given_on=date(2026, 1, 1),
        explained_to_client=True,
        recorded_by=world.professional,
    )


def url(consent):
    return reverse("consent_withdraw", args=[consent.client_id, consent.pk])


def is_active(consent):
    return Consent.objects.get(pk=consent.pk).is_active


def test_it_does_not_allow_get(world, login):
    consent = give_consent(world)
    assert login(world.professional).get(url(consent)).status_code == 405
    assert is_active(consent)


@pytest.mark.parametrize("role", ["professional", "team_lead"])
def test_it_withdraws_and_returns_to_the_dossier(world, login, role):
    consent = give_consent(world)
    client = login(world.user(role))
    response = client.post(url(consent))
    assert response.status_code == 302
    assert response["Location"] == reverse("client", args=[world.own_client.pk])
    assert not is_active(consent)
    content = client.get(response["Location"]).content.decode()
    assert "Toestemming ingetrokken. De andere organisatie kan het dossier niet meer inzien." in content
    assert "ingetrokken op" in content


def test_it_closes_access_for_the_other_organisation_again(world, login, client):
    consent = give_consent(world)
    dossier = reverse("client", args=[world.own_client.pk])
    client.force_login(world.other_org_professional)
    assert client.get(dossier).status_code == 200
    login(world.professional).post(url(consent))
    client.force_login(world.other_org_professional)
    assert client.get(dossier).status_code == 404
    assert "Bram de Wit" not in client.get(reverse("caseload")).content.decode()


def test_it_leaves_other_consents_of_the_client_in_place(world, login, client):
    to_mee = give_consent(world)
    to_municipality = give_consent(world, receiver=world.municipality)
    login(world.professional).post(url(to_mee))
    assert not is_active(to_mee) and is_active(to_municipality)
    client.force_login(world.wmo_consultant)
    assert client.get(reverse("client", args=[world.own_client.pk])).status_code == 200


def test_it_logs_the_withdrawal(world, login):
    consent = give_consent(world)
    login(world.professional).post(url(consent))
    row = AccessLogEntry.objects.get(action=LogAction.UPDATE)
    assert (row.client_id, row.user, row.object_type, row.object_id, row.detail) == (
        world.own_client.pk,
        world.professional,
        "Consent",
        consent.pk,
        "toestemming ingetrokken voor MEE West",
    )


def test_it_is_not_found_a_second_time(world, login):
    consent = give_consent(world)
    client = login(world.professional)
    client.post(url(consent))
    withdrawn_at = Consent.objects.get(pk=consent.pk).withdrawn_at
    assert client.post(url(consent)).status_code == 404
    assert Consent.objects.get(pk=consent.pk).withdrawn_at == withdrawn_at
    assert AccessLogEntry.objects.filter(action=LogAction.UPDATE).count() == 1


@pytest.mark.parametrize("target", ["other_team_client", "other_org_client"])
def test_it_is_not_found_for_another_team_or_organisation(world, login, target):
    consent = give_consent(world, client=getattr(world, target), receiver=world.municipality)
    assert login(world.professional).post(url(consent)).status_code == 404
    assert is_active(consent)


def test_it_is_not_found_for_a_consent_of_another_client(world, login):
    # The own client in the address, another team's consent id: must not withdraw it.
    foreign = give_consent(world, client=world.other_team_client, receiver=world.municipality)
    response = login(world.professional).post(reverse("consent_withdraw", args=[world.own_client.pk, foreign.pk]))
    assert response.status_code == 404
    assert is_active(foreign)


def test_it_is_not_found_for_an_unknown_consent(world, login):
    assert (
        login(world.professional).post(reverse("consent_withdraw", args=[world.own_client.pk, 999999])).status_code
        == 404
    )


@pytest.mark.parametrize("role", ["other_org_professional", "wmo_consultant", "org_admin"])
def test_it_does_not_let_anyone_outside_the_team_withdraw(world, login, role):
    consent = give_consent(world, receiver=world.other_org if role == "other_org_professional" else world.municipality)
    assert login(world.user(role)).post(url(consent)).status_code == 404
    assert is_active(consent)


def test_it_sends_anonymous_visitors_to_the_login_page(client, world):
    consent = give_consent(world)
    response = client.post(url(consent))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert is_active(consent)
