"""Inloggen and uitloggen (django.contrib.auth views with the Dutch template)."""

import pytest
from django.urls import reverse

from steunwerk.conftest import PASSWORD

URL = reverse("login")
CASELOAD = reverse("caseload")


def is_signed_in(client):
    return "_auth_user_id" in client.session


def test_it_shows_a_dutch_login_page(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="nl">' in content
    assert "<h1>Inloggen</h1>" in content
    assert "Gebruikersnaam" in content and "Wachtwoord" in content
    assert "Mijn cliënten" not in content  # no menu before signing in


def test_it_signs_in_and_goes_to_the_caseload(client, world):
    response = client.post(URL, {"username": "professional", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == CASELOAD
    assert is_signed_in(client)
    content = client.get(CASELOAD).content.decode()
    assert "Bram de Wit" in content


def test_it_shows_the_signed_in_user_only_their_own_team(client, world):
    client.post(URL, {"username": "other_team_professional", "password": PASSWORD})
    content = client.get(CASELOAD).content.decode()
    assert "Kees van Dam" in content
    assert "Bram de Wit" not in content and "Lotte Bakker" not in content


@pytest.mark.parametrize(
    "username, password",
    [
        ("professional", "fout-wachtwoord"),
        ("PROFESSIONAL ", PASSWORD),
        ("niemand", PASSWORD),
        ("", ""),
        ("pro\x00fessional", PASSWORD),
    ],
)
def test_it_refuses_wrong_credentials_in_dutch(client, world, username, password):
    response = client.post(URL, {"username": username, "password": password})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Gebruikersnaam of wachtwoord klopt niet." in content
    assert PASSWORD not in content
    assert not is_signed_in(client)
    assert client.get(CASELOAD).status_code == 302


def test_it_refuses_an_inactive_account(client, world):
    world.professional.is_active = False
    world.professional.save()
    response = client.post(URL, {"username": "professional", "password": PASSWORD})
    assert "Gebruikersnaam of wachtwoord klopt niet." in response.content.decode()
    assert not is_signed_in(client)


def test_it_returns_to_the_page_asked_for(client, world):
    dossier = reverse("client", args=[world.own_client.pk])
    assert client.get(dossier)["Location"] == f"{URL}?next={dossier}"
    response = client.post(URL, {"username": "professional", "password": PASSWORD, "next": dossier})
    assert response["Location"] == dossier


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "https:evil.example"])
def test_it_never_redirects_to_another_site(client, world, next_url):
    response = client.post(URL, {"username": "professional", "password": PASSWORD, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == CASELOAD


def test_it_sends_a_signed_in_user_on_to_the_caseload(world, login):
    response = login(world.professional).get(URL)
    assert response.status_code == 302 and response["Location"] == CASELOAD


def test_it_signs_out_with_post(world, login):
    client = login(world.professional)
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == URL
    assert not is_signed_in(client)
    assert client.get(CASELOAD).status_code == 302


def test_it_does_not_sign_out_with_get(world, login):
    client = login(world.professional)
    assert client.get(reverse("logout")).status_code == 405
    assert is_signed_in(client)
