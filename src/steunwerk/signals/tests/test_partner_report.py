"""Melding doen bij een meldpunt (signals.views.partner_report): a signed-in partner reports a concern."""

from django.urls import reverse

from steunwerk.accounts.models import Organisation
from steunwerk.conftest import make_user
from steunwerk.signals.models import Signal
from steunwerk.vocab import OrganisationKind, Role

URL = reverse("partner_report")
OBSERVATION = "Cliënt vertelt dat de buurman al dagen niet opendoet en de gordijnen dicht heeft."


def data(world, **changes):
    values = {
        "meldpunt": world.org.pk,
        "reporter_type": "professional",
        "observation": OBSERVATION,
        "subject_name": "",
        "subject_address": "Eikenlaan",
        "subject_age_band": "adult",
        "neighbourhood": "",
        "reporter_name": "",
        "reporter_contact": "",
    }
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def test_it_shows_the_form_with_the_meldpunten(world, login):
    response = login(world.other_org_professional).get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Melding doen bij een meldpunt" in content
    assert f'<option value="{world.org.pk}">Wijkteam Oost</option>' in content
    assert "MEE West</option>" not in content  # no meldpunt there
    assert '<option value="professional" selected>' in content


def test_it_stores_the_report_for_the_chosen_meldpunt(world, login):
    client = login(world.other_org_professional)
    response = client.post(URL, data(world))
    assert response.status_code == 302 and response["Location"] == reverse("caseload")
    signal = Signal.objects.get()
    assert (signal.organisation, signal.channel, signal.submitted_by, signal.status) == (
        world.org,
        Signal.Channel.PARTNER,
        world.other_org_professional,
        Signal.Status.NEW,
    )
    assert signal.observation == OBSERVATION
    page = client.get(response["Location"]).content.decode()
    assert f"Melding ontvangen door Wijkteam Oost. Ontvangstcode: {signal.receipt_code}." in page


def test_it_lets_the_reporter_choose_among_several_meldpunten(world, login):
    other_point = Organisation.objects.create(name="Meldpunt Zorg en Overlast", kind=OrganisationKind.MUNICIPALITY)
    make_user("coordinator_zorg", other_point, None, Role.MELDPUNT_COORDINATOR)
    assert login(world.professional).post(URL, data(world, meldpunt=other_point.pk)).status_code == 302
    assert Signal.objects.get().organisation == other_point


def test_it_keeps_the_chosen_meldpunt_when_the_form_is_rejected(world, login):
    # Otherwise the select falls back to the first meldpunt and the corrected report goes to the wrong one.
    other_point = Organisation.objects.create(name="Meldpunt Zorg en Overlast", kind=OrganisationKind.MUNICIPALITY)
    make_user("coordinator_zorg", other_point, None, Role.MELDPUNT_COORDINATOR)
    response = login(world.professional).post(URL, data(world, meldpunt=other_point.pk, observation="kort"))
    assert response.status_code == 400
    content = response.content.decode()
    assert f'<option value="{other_point.pk}" selected>Meldpunt Zorg en Overlast</option>' in content
    assert f'<option value="{world.org.pk}">Wijkteam Oost</option>' in content


def test_it_does_not_give_the_reporter_access_to_the_signal(world, login):
    client = login(world.other_org_professional)
    client.post(URL, data(world))
    signal = Signal.objects.get()
    assert client.get(reverse("signal", args=[signal.pk])).status_code == 404
    assert OBSERVATION not in client.get(reverse("triage")).content.decode()


def test_it_asks_for_the_meldpunt(world, login):
    response = login(world.professional).post(URL, data(world, meldpunt=None))
    assert response.status_code == 400
    assert "Kies het meldpunt." in response.content.decode()
    assert not Signal.objects.exists()


def test_it_refuses_an_organisation_without_meldpunt(world, login):
    for value in [world.other_org.pk, 999999, "abc", ""]:
        response = login(world.professional).post(URL, data(world, meldpunt=value))
        assert response.status_code == 400
        assert "Kies het meldpunt." in response.content.decode()
    assert not Signal.objects.exists()


def test_it_asks_for_an_observation(world, login):
    response = login(world.professional).post(URL, data(world, observation="kort"))
    assert response.status_code == 400
    assert "Beschrijf in een paar woorden wat u is opgevallen." in response.content.decode()
    assert not Signal.objects.exists()


def test_it_rejects_an_oversized_observation(world, login):
    response = login(world.professional).post(URL, data(world, observation="x" * 5001))
    assert response.status_code == 400
    assert not Signal.objects.exists()


def test_it_refuses_a_user_without_membership(world, login):
    client = login(world.no_role)
    assert client.get(URL).status_code == 403
    assert client.post(URL, data(world)).status_code == 403
    assert not Signal.objects.exists()


def test_it_needs_an_account(world, client):
    response = client.post(URL, data(world))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]
    assert not Signal.objects.exists()
