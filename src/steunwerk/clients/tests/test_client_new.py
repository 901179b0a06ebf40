"""Nieuwe cliënt (clients.views.client_new): a client and their first trajectory, in one of the own teams."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from steunwerk.access.models import AccessLogEntry
from steunwerk.accounts.models import Membership
from steunwerk.clients.models import Client
from steunwerk.support.models import Trajectory
from steunwerk.vocab import LogAction, Phase, Role

# Django says "Dit veld is verplicht."; with Django REST framework installed its catalogue wins: "Dit veld is vereist."
REQUIRED = "Dit veld is ver"

URL = reverse("client_new")


def post(client, world, **fields):
    data = {"name": "Nina Post", "team": world.team.pk}
    data.update(fields)
    return client.post(URL, data)


def assert_refused(response, counts_before, message):
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (Client.objects.count(), Trajectory.objects.count()) == counts_before


def counts():
    return Client.objects.count(), Trajectory.objects.count()


def test_it_shows_a_dutch_form_with_only_the_own_teams(world, login):
    response = login(world.professional).get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nieuwe cliënt" in content
    assert "Alleen de naam is verplicht." in content
    assert "Team A" in content
    assert "Team B" not in content  # another team
    assert "Team W" not in content  # another organisation


def test_it_creates_a_client_and_trajectory_with_only_a_name(world, login):
    before = counts()
    response = post(login(world.professional), world)
    client = Client.objects.get(name="Nina Post")
    trajectory = client.trajectories.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("trajectory", args=[trajectory.pk])
    assert counts() == (before[0] + 1, before[1] + 1)
    assert client.organisation == world.org
    assert (client.bsn, client.date_of_birth) == ("", None)
    assert (trajectory.team, trajectory.lead, trajectory.phase) == (world.team, world.professional, Phase.MEETING)


def test_it_stores_everything_filled_in(world, login):
    post(
        login(world.professional),
        world,
        name="  Nina Post  ",
        date_of_birth="1950-03-04",
        bsn="1112.22.333",
        street_address="Dorpsstraat 1",
        postcode="1234 AB",
        city="Oost",
        neighbourhood="Centrum",
        phone="06-12345678",
        email="nina@example.org",
        limitations=["old_age", "social"],
        wanted_helpers="Haar zoon",
        unwanted_helpers="De buurvrouw",
        request="Belde zelf.",
    )
    client = Client.objects.get(name="Nina Post")
    assert client.bsn == "111222333"  # separators as on letters are fine; only the digits are kept
    assert str(client.date_of_birth) == "1950-03-04"
    assert client.limitations == ["old_age", "social"]
    assert (client.wanted_helpers, client.unwanted_helpers) == ("Haar zoon", "De buurvrouw")
    assert client.trajectories.get().request == "Belde zelf."


def test_it_creates_the_trajectory_in_the_chosen_team(world, login):
    Membership.objects.create(
        user=world.professional, organisation=world.org, team=world.other_team, role=Role.PROFESSIONAL
    )
    post(login(world.professional), world, team=world.other_team.pk)
    assert Client.objects.get(name="Nina Post").trajectories.get().team == world.other_team


def test_it_lets_a_team_lead_register_a_client(world, login):
    response = post(login(world.team_lead), world)
    assert response.status_code == 302
    assert Client.objects.filter(name="Nina Post").exists()


def test_it_logs_the_creation(world, login):
    post(login(world.professional), world)
    client = Client.objects.get(name="Nina Post")
    row = AccessLogEntry.objects.get(client_id=client.pk)
    assert (row.action, row.user, row.object_type) == (LogAction.CREATE, world.professional, "Trajectory")


def test_it_refuses_another_team(world, login):
    before = counts()
    assert_refused(
        post(login(world.professional), world, team=world.other_team.pk), before, "Selecteer een geldige keuze."
    )


def test_it_refuses_another_organisations_team(world, login):
    before = counts()
    assert_refused(
        post(login(world.professional), world, team=world.other_org_team.pk), before, "Selecteer een geldige keuze."
    )


def test_it_keeps_the_new_client_away_from_another_team_and_organisation(world, login, client):
    post(login(world.professional), world)
    new = Client.objects.get(name="Nina Post")
    for outsider in (world.other_team_professional, world.other_org_professional):
        client.force_login(outsider)
        assert client.get(reverse("client", args=[new.pk])).status_code == 404
        assert "Nina Post" not in client.get(reverse("caseload")).content.decode()


def test_it_refuses_an_invalid_bsn(world, login):
    before = counts()
    assert_refused(post(login(world.professional), world, bsn="123456789"), before, "Dit is geen geldig BSN")


@pytest.mark.parametrize("bsn", ["12345", "11122233a", "1112223334", "11122233²"])
def test_it_refuses_a_bsn_of_the_wrong_shape(world, login, bsn):
    before = counts()
    assert_refused(post(login(world.professional), world, bsn=bsn), before, "Dit is geen geldig BSN")


def test_it_refuses_a_date_of_birth_in_the_future(world, login):
    before = counts()
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert_refused(
        post(login(world.professional), world, date_of_birth=tomorrow), before, "De geboortedatum ligt in de toekomst."
    )


@pytest.mark.parametrize("dob", ["31-31-2000", "2000-02-30", "gisteren"])
def test_it_refuses_a_date_that_is_not_a_date(world, login, dob):
    before = counts()
    assert_refused(post(login(world.professional), world, date_of_birth=dob), before, "Voer een geldige datum in")


@pytest.mark.parametrize("name", ["", "   "])
def test_it_requires_a_name(world, login, name):
    before = counts()
    assert_refused(post(login(world.professional), world, name=name), before, REQUIRED)


def test_it_refuses_a_name_over_200_characters(world, login):
    before = counts()
    assert_refused(post(login(world.professional), world, name="N" * 201), before, "niet meer dan 200 tekens")


@pytest.mark.parametrize("field", ["wanted_helpers", "unwanted_helpers", "request"])
def test_it_refuses_free_text_over_5000_characters(world, login, field):
    before = counts()
    assert_refused(post(login(world.professional), world, **{field: "x" * 5001}), before, "niet meer dan 5000 tekens")


@pytest.mark.parametrize("field", ["wanted_helpers", "unwanted_helpers", "request"])
def test_it_accepts_free_text_of_exactly_5000_characters(world, login, field):
    assert post(login(world.professional), world, **{field: "x" * 5000}).status_code == 302


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"email": "geen-adres"}, "Voer een geldig e-mailadres in."),
        ({"limitations": ["flying"]}, "Selecteer een geldige keuze."),
        ({"postcode": "1234 ABCD"}, "niet meer dan 7 tekens"),
        ({"name": "Nina\x00Post"}, "Null-tekens zijn niet toegestaan."),
    ],
)
def test_it_refuses_other_malformed_fields(world, login, fields, message):
    before = counts()
    response = post(login(world.professional), world, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert counts() == before


def test_it_shows_html_in_free_text_escaped_on_the_dossier(world, login):
    client = login(world.professional)
    post(client, world, name="<script>alert('naam')</script>", wanted_helpers="<img src=x onerror=alert(1)>\nZoon")
    new = Client.objects.get(name="<script>alert('naam')</script>")
    content = client.get(reverse("client", args=[new.pk])).content.decode()
    assert "<script>alert(" not in content
    assert "<img src=x" not in content
    # Jinja2 (markupsafe) writes a quote as &#39; where Django's escape wrote &#x27;: the same character.
    assert "&lt;script&gt;alert(&#39;naam&#39;)&lt;/script&gt;" in content
    assert "&lt;img src=x onerror=alert(1)&gt;<br>Zoon" in content


@pytest.mark.parametrize("role", ["org_admin", "wmo_consultant", "no_role"])
def test_it_refuses_roles_without_a_team(world, login, role):
    before = counts()
    client = login(world.user(role))
    response = client.get(URL)
    assert response.status_code == 403
    assert "Alleen professionals van een team kunnen cliënten aanmelden." in response.content.decode()
    assert post(client, world).status_code == 403
    assert counts() == before


def test_it_sends_anonymous_visitors_to_the_login_page(client, world):
    before = counts()
    response = post(client, world)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert counts() == before
