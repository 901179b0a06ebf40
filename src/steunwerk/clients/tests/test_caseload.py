"""Mijn cliënten (clients.views.caseload): the visible trajectories, searchable, paginated and logged."""
from datetime import date

import pytest
from django.urls import reverse

from steunwerk.access.models import AccessLogEntry, Consent
from steunwerk.conftest import make_trajectory
from steunwerk.support.models import Trajectory
from steunwerk.vocab import LogAction

URL = reverse("caseload")


def shown(response):
    return [t.client.name for t in response.context["page"]]


@pytest.fixture
def anna(world):
    """A second client in the own team, to show a search picks one and not the other."""
    client, _t = make_trajectory(world.org, world.team, "Anna Jansen", world.professional, bsn="123456782",
                                 date_of_birth=date(1980, 1, 2))
    return client


def test_it_lists_the_trajectories_of_the_own_team(world, login):
    response = login(world.professional).get(URL)
    assert response.status_code == 200
    assert "Mijn cliënten" in response.content.decode()
    assert shown(response) == ["Bram de Wit"]
    assert reverse("trajectory", args=[world.own_trajectory.pk]) in response.content.decode()


def test_it_does_not_list_another_team_or_another_organisation(world, login):
    content = login(world.professional).get(URL).content.decode()
    assert "Bram de Wit" in content
    assert "Kees van Dam" not in content  # another team
    assert "Lotte Bakker" not in content  # another organisation


@pytest.mark.parametrize("role, expected", [
    ("team_lead", ["Bram de Wit"]),
    ("other_team_professional", ["Kees van Dam"]),
    ("other_org_professional", ["Lotte Bakker"]),
])
def test_it_lists_each_care_worker_their_own_teams_clients(world, login, role, expected):
    assert shown(login(world.user(role)).get(URL)) == expected


@pytest.mark.parametrize("role", ["org_admin", "wmo_consultant", "no_role"])
def test_it_lists_nothing_for_roles_without_a_caseload(world, login, role):
    response = login(world.user(role)).get(URL)
    assert response.status_code == 200
    assert shown(response) == []
    assert "U heeft nog geen cliënten." in response.content.decode()


def test_it_lists_a_consented_client_for_the_wmo_consultant(world, login):
    Consent.objects.create(client=world.own_client, organisation=world.org, receiving_organisation=world.municipality,
                           purpose="Wmo-aanvraag", given_on=date(2026, 1, 1), explained_to_client=True,
                           recorded_by=world.professional)
    assert shown(login(world.wmo_consultant).get(URL)) == ["Bram de Wit"]


def test_it_sends_anonymous_visitors_to_the_login_page(client, world):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("q", ["bram", "DE WIT", "Bram de Wit"])
def test_it_searches_by_name(world, login, anna, q):
    response = login(world.professional).get(URL, {"q": q})
    assert response.status_code == 200
    assert shown(response) == ["Bram de Wit"]


@pytest.mark.parametrize("q", ["111222333", "111 222 333", "111.222.333", " 111-222-333 "])
def test_it_searches_by_bsn(world, login, anna, q):
    response = login(world.professional).get(URL, {"q": q})
    assert response.status_code == 200
    assert shown(response) == ["Bram de Wit"]


@pytest.mark.parametrize("q", ["14-05-1999", "14-5-1999", "1999-05-14"])
def test_it_searches_by_date_of_birth(world, login, anna, q):
    response = login(world.professional).get(URL, {"q": q})
    assert response.status_code == 200
    assert shown(response) == ["Bram de Wit"]


def test_it_does_not_find_another_teams_client_by_bsn(world, login):
    world.other_team_client.bsn = "123456782"
    world.other_team_client.save()
    world.other_org_client.bsn = "123456782"
    world.other_org_client.save()
    response = login(world.professional).get(URL, {"q": "123456782"})
    assert response.status_code == 200
    assert shown(response) == []
    assert "Geen cliënten gevonden." in response.content.decode()


def test_it_does_not_find_another_organisations_client_by_name(world, login):
    response = login(world.professional).get(URL, {"q": "Lotte"})
    assert shown(response) == []


def test_it_rejects_a_bsn_that_fails_the_eleven_check(world, login):
    response = login(world.professional).get(URL, {"q": "123456789"})
    assert response.status_code == 400
    assert "Dit BSN voldoet niet aan de elfproef." in response.content.decode()
    assert shown(response) == []


def test_it_rejects_a_date_that_does_not_exist(world, login):
    response = login(world.professional).get(URL, {"q": "31-02-1999"})
    assert response.status_code == 400
    assert "Deze datum bestaat niet." in response.content.decode()
    assert shown(response) == []


@pytest.mark.parametrize("params", [
    {"q": "11122233²"}, {"q": "١١١٢٢٢٣٣٣"}, {"q": "x" * 5000}, {"q": "%_\\'\""}, {"q": "a\x00b"},
    {"page": "abc"}, {"page": "-1"}, {"page": "99999999999999999999"}, {"afgesloten": "ja"},
])
def test_it_answers_odd_input_without_a_server_error(world, login, params):
    response = login(world.professional).get(URL, params)
    assert response.status_code in (200, 400)


def test_it_hides_closed_trajectories_unless_asked(world, login):
    Trajectory.objects.filter(pk=world.own_trajectory.pk).update(status=Trajectory.Status.CLOSED,
                                                                 closed_on=date(2026, 2, 1))
    client = login(world.professional)
    assert shown(client.get(URL)) == []
    response = client.get(URL, {"afgesloten": "1"})
    assert shown(response) == ["Bram de Wit"]
    assert "afgesloten</span>" in response.content.decode()


def test_it_still_hides_other_teams_closed_trajectories(world, login):
    Trajectory.objects.update(status=Trajectory.Status.CLOSED)
    assert shown(login(world.professional).get(URL, {"afgesloten": "1"})) == ["Bram de Wit"]


def test_it_logs_a_search_per_client_found_without_the_bsn(world, login, anna):
    login(world.professional).get(URL, {"q": "111 222 333"})
    rows = list(AccessLogEntry.objects.filter(action=LogAction.SEARCH))
    assert [(r.client_id, r.user_id, r.detail) for r in rows] == [(world.own_client.pk, world.professional.pk, "zoeken op BSN")]
    assert not AccessLogEntry.objects.filter(detail__contains="111222333").exists()
    assert not AccessLogEntry.objects.filter(detail__contains="333").exists()


def test_it_logs_a_search_by_date_of_birth_without_the_date(world, login):
    login(world.professional).get(URL, {"q": "14-05-1999"})
    row = AccessLogEntry.objects.get(action=LogAction.SEARCH)
    assert (row.client_id, row.detail) == (world.own_client.pk, "zoeken op geboortedatum")


def test_it_logs_a_search_that_found_nothing(world, login):
    login(world.professional).get(URL, {"q": "123456789"})
    row = AccessLogEntry.objects.get()
    assert (row.action, row.client_id, row.detail) == (LogAction.SEARCH, None, "zoeken op BSN")
    assert "123456789" not in row.detail


def test_it_logs_the_plain_list_as_a_read_of_each_client_shown(world, login, anna):
    login(world.professional).get(URL)
    rows = AccessLogEntry.objects.all()
    assert {(r.action, r.client_id, r.detail) for r in rows} == {
        (LogAction.READ, world.own_client.pk, "cliëntenlijst"), (LogAction.READ, anna.pk, "cliëntenlijst")}
    assert not rows.filter(client_id__in=[world.other_team_client.pk, world.other_org_client.pk]).exists()


@pytest.fixture
def thirty(world):
    """Thirty clients called Jansen in the own team (plus Bram): two pages."""
    return [make_trajectory(world.org, world.team, f"Jansen {i:02d}", world.professional)[0] for i in range(30)]


def test_it_shows_25_clients_per_page(world, login, thirty):
    client = login(world.professional)
    first = client.get(URL, {"q": "Jansen"})
    assert shown(first) == [f"Jansen {i:02d}" for i in range(25)]
    content = first.content.decode()
    assert "Pagina 1 van 2" in content
    assert "?q=Jansen&amp;page=2" in content  # the next link keeps the search
    second = client.get(URL, {"q": "Jansen", "page": "2"})
    assert shown(second) == [f"Jansen {i:02d}" for i in range(25, 30)]
    assert "Pagina 2 van 2" in second.content.decode()


def test_it_logs_only_the_clients_on_the_page_shown(world, login, thirty):
    login(world.professional).get(URL, {"q": "Jansen", "page": "2"})
    logged = set(AccessLogEntry.objects.filter(action=LogAction.SEARCH).values_list("client_id", flat=True))
    assert logged == {c.pk for c in thirty[25:]}


def test_it_falls_back_to_the_last_page_for_a_page_past_the_end(world, login, thirty):
    response = login(world.professional).get(URL, {"q": "Jansen", "page": "7"})
    assert response.status_code == 200
    assert shown(response) == [f"Jansen {i:02d}" for i in range(25, 30)]
