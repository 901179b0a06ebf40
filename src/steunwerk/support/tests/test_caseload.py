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
    return [t.client_name for t in response.context["page"]]


@pytest.fixture
def anna(world):
    """A second client in the own team, to show a search picks one and not the other."""
    client, _t = make_trajectory(
        world.org, world.team, "Anna Jansen", world.professional, bsn="123456782", date_of_birth=date(1980, 1, 2)
    )
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


@pytest.mark.parametrize(
    "role, expected",
    [
        ("team_lead", ["Bram de Wit"]),
        ("other_team_professional", ["Kees van Dam"]),
        ("other_org_professional", ["Lotte Bakker"]),
    ],
)
def test_it_lists_each_care_worker_their_own_teams_clients(world, login, role, expected):
    assert shown(login(world.user(role)).get(URL)) == expected


@pytest.mark.parametrize("role", ["org_admin", "wmo_consultant", "no_role"])
def test_it_lists_nothing_for_roles_without_a_caseload(world, login, role):
    response = login(world.user(role)).get(URL)
    assert response.status_code == 200
    assert shown(response) == []
    assert "U heeft nog geen cliënten." in response.content.decode()


def test_it_lists_a_consented_client_for_the_wmo_consultant(world, login):
    Consent.objects.create(
        client=world.own_client,
        organisation=world.org,
        receiving_organisation=world.municipality,
        purpose="Wmo-aanvraag",
        given_on=date(2026, 1, 1),
        explained_to_client=True,
        recorded_by=world.professional,
    )
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


@pytest.mark.parametrize(
    "params",
    [
        {"q": "11122233²"},
        {"q": "١١١٢٢٢٣٣٣"},
        {"q": "x" * 5000},
        {"q": "%_\\'\""},
        {"q": "a\x00b"},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999999999999999999"},
        {"afgesloten": "ja"},
    ],
)
def test_it_answers_odd_input_without_a_server_error(world, login, params):
    response = login(world.professional).get(URL, params)
    assert response.status_code in (200, 400)


def test_it_hides_closed_trajectories_unless_asked(world, login):
    Trajectory.objects.filter(pk=world.own_trajectory.pk).update(
        status=Trajectory.Status.CLOSED, closed_on=date(2026, 2, 1)
    )
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
    assert [(r.client_id, r.user_id, r.detail) for r in rows] == [
        (world.own_client.pk, world.professional.pk, "zoeken op BSN")
    ]
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
        (LogAction.READ, world.own_client.pk, "cliëntenlijst"),
        (LogAction.READ, anna.pk, "cliëntenlijst"),
    }
    assert not rows.filter(client_id__in=[world.other_team_client.pk, world.other_org_client.pk]).exists()


@pytest.fixture
def thirty(world):
    """Thirty clients called Jansen in the own team (plus Bram): two pages."""
    return [make_trajectory(world.org, world.team, f"Jansen {i:02d}", world.professional)[0] for i in range(30)]


def next_link(response):
    return response.context["page"].next_after


def test_it_shows_25_clients_per_page(world, login, thirty):
    client = login(world.professional)
    first = client.get(URL, {"q": "Jansen"})
    assert shown(first) == [f"Jansen {i:02d}" for i in range(25)]
    content = first.content.decode()
    assert "30 trajecten" in content
    cursor = next_link(first)
    assert f"?q=Jansen&amp;na={cursor}" in content  # the next link keeps the search
    assert "Vorige" not in content and "Eerste" not in content
    second = client.get(URL, {"q": "Jansen", "na": cursor})
    assert shown(second) == [f"Jansen {i:02d}" for i in range(25, 30)]
    content = second.content.decode()
    assert "Volgende" not in content
    assert "Eerste" in content


def test_the_cursor_is_an_id_and_never_a_name(world, login, thirty):
    content = login(world.professional).get(URL, {"q": "Jansen"}).content.decode()
    nav = content[content.index('class="pager"') :]
    assert "Jansen 24" not in nav
    assert nav.count("na=") == 1


def test_it_pages_back_to_the_previous_page(world, login, thirty):
    client = login(world.professional)
    everyone = client.get(URL)  # Bram first, then the thirty Jansens
    assert shown(everyone)[:2] == ["Bram de Wit", "Jansen 00"]
    second = client.get(URL, {"na": next_link(everyone)})
    assert shown(second) == [f"Jansen {i:02d}" for i in range(24, 30)]
    back = client.get(URL, {"voor": second.context["page"].previous_before})
    assert shown(back) == shown(everyone)


def test_a_step_back_near_the_start_shows_a_full_first_page(world, login, thirty):
    client = login(world.professional)
    jansen_05 = Trajectory.objects.get(client=thirty[5])
    response = client.get(URL, {"q": "Jansen", "voor": jansen_05.pk})
    assert shown(response) == [f"Jansen {i:02d}" for i in range(25)]
    assert response.context["page"].is_first


def test_clients_with_the_same_name_are_neither_skipped_nor_repeated(world, login):
    twins = [make_trajectory(world.org, world.team, "Jan Smit", world.professional)[0] for _ in range(30)]
    client = login(world.professional)
    first = client.get(URL, {"q": "Smit"})
    second = client.get(URL, {"q": "Smit", "na": next_link(first)})
    ids = [t.client_id for t in first.context["page"]] + [t.client_id for t in second.context["page"]]
    assert ids == [c.pk for c in twins]


def test_it_logs_only_the_clients_on_the_page_shown(world, login, thirty):
    client = login(world.professional)
    cursor = next_link(client.get(URL, {"q": "Jansen"}))
    before = AccessLogEntry.objects.count()
    client.get(URL, {"q": "Jansen", "na": cursor})
    logged = set(AccessLogEntry.objects.order_by("id")[before:].values_list("client_id", flat=True))
    assert logged == {c.pk for c in thirty[25:]}


@pytest.mark.parametrize("cursor", ["abc", "-1", "0", "99999999999999999999", "1e3", "٣"])
def test_a_cursor_that_is_not_an_id_gives_the_first_page(world, login, thirty, cursor):
    response = login(world.professional).get(URL, {"q": "Jansen", "na": cursor})
    assert response.status_code == 200
    assert shown(response) == [f"Jansen {i:02d}" for i in range(25)]


def test_a_cursor_of_another_teams_trajectory_reveals_nothing(world, login, thirty):
    """Paging from a row one may not see starts at the top, so its name's place in the list stays unknown."""
    response = login(world.professional).get(URL, {"q": "Jansen", "na": world.other_team_trajectory.pk})
    assert shown(response) == [f"Jansen {i:02d}" for i in range(25)]
    assert response.context["page"].is_first


def test_a_cursor_with_nothing_after_it_gives_the_first_page(world, login, thirty):
    last = Trajectory.objects.get(client=thirty[-1])
    response = login(world.professional).get(URL, {"q": "Jansen", "na": last.pk})
    assert shown(response) == [f"Jansen {i:02d}" for i in range(25)]
    assert "Geen cliënten gevonden." not in response.content.decode()


def test_a_renamed_client_moves_to_their_new_place(world, login, thirty):
    thirty[0].name = "Zwart"
    thirty[0].save()
    assert Trajectory.objects.get(client=thirty[0]).client_name == "Zwart"
    names = shown(login(world.professional).get(URL, {"q": "Jansen"}))
    assert "Zwart" not in names and names[0] == "Jansen 01"


def test_it_caps_the_count_of_a_very_long_list(world, login, monkeypatch):
    from steunwerk.support import caseload

    monkeypatch.setattr(caseload, "COUNT_LIMIT", 3)
    for i in range(5):
        make_trajectory(world.org, world.team, f"Jansen {i}", world.professional)
    assert "meer dan 1.000 trajecten" in login(world.professional).get(URL).content.decode()


def test_each_row_shows_birth_date_neighbourhood_phase_team_and_contact_person(world, login):
    import re

    from steunwerk.vocab import Phase

    make_trajectory(
        world.org, world.team, "Anna Jansen", world.professional, date_of_birth=date(1980, 1, 2), neighbourhood="Oost"
    )
    _client, lone = make_trajectory(world.org, world.team, "Cor Zonder", None)
    lone.phase = Phase.GOALS
    lone.save()
    body = login(world.professional).get(URL).content.decode().split("<tbody>")[1].split("</tbody>")[0]
    rows = [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]
    by_name = {row[0]: row[1:] for row in rows}
    assert by_name["Anna Jansen"] == [
        "02-01-1980",
        "Oost",
        f"1. {Phase.MEETING.label}",
        world.team.name,
        "Professional",
    ]
    assert by_name["Cor Zonder"] == [
        "—",
        "—",
        f"{Phase.number(Phase.GOALS)}. {Phase.GOALS.label}",
        world.team.name,
        "—",
    ]
