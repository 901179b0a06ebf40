"""Netwerk toen en nu (clients.network_views.network_compare): the network kept at an evaluation next to the
network of today, with what changed in words."""

import re
import xml.etree.ElementTree as ET
from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from steunwerk.access.models import AccessLogEntry, Consent
from steunwerk.clients.models import NetworkMember
from steunwerk.conftest import make_goal_with_plan
from steunwerk.support.models import Evaluation, NetworkSnapshot, Trajectory
from steunwerk.support.network import snapshot_members
from steunwerk.vocab import Involvement, Load, LogAction, Relation

NO_SNAPSHOT = "Er is nog geen evaluatie met een momentopname van het netwerk."


def url(client, moment=None):
    address = reverse("network_compare", args=[client.pk])
    return f"{address}?moment={moment}" if moment is not None else address


def text_of(response):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def changes_of(response):
    """The items of the "Wat veranderde" list."""
    html = response.content.decode().split("Wat veranderde", 1)[1].split("</ul>", 1)[0]
    return [
        re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", li))).strip()
        for li in re.findall(r"<li>(.*?)</li>", html, re.S)
    ]


def add_member(client, name, relation=Relation.FRIEND, **fields):
    return NetworkMember.objects.create(client=client, name=name, relation=relation, **fields)


def take_snapshot(trajectory, on):
    evaluation = Evaluation.objects.create(trajectory=trajectory, date=on, author=trajectory.lead)
    return NetworkSnapshot.objects.create(
        trajectory=trajectory, evaluation=evaluation, taken_on=on, members=snapshot_members(trajectory.client)
    )


def consent(world, receiver):
    return Consent.objects.create(
        client=world.own_client,
        organisation=world.org,
        receiving_organisation=receiver,
        purpose="Wmo-aanvraag",
        given_on=date(2026, 1, 1),
        explained_to_client=True,
        recorded_by=world.professional,
    )


@pytest.fixture
def then_and_now(world):
    """At the evaluation: Henk, Jeroen and Sandra. Since then Jeroen got too busy, Sandra left and Marieke came."""
    add_member(world.own_client, "Buurman Henk", Relation.NEIGHBOUR)
    jeroen = add_member(world.own_client, "Vriend Jeroen")
    sandra = add_member(world.own_client, "Collega Sandra")
    snapshot = take_snapshot(world.own_trajectory, date(2026, 9, 22))
    jeroen.load = Load.TOO_BUSY
    jeroen.save()
    sandra.delete()
    add_member(world.own_client, "Teamgenote Marieke", Relation.CLUB)
    return snapshot


def test_it_says_when_there_is_nothing_to_compare_with(world, login):
    add_member(world.own_client, "Buurman Henk")
    response = login(world.professional).get(url(world.own_client))
    assert response.status_code == 200
    assert NO_SNAPSHOT in text_of(response)
    assert "<svg" not in response.content.decode()


def test_it_shows_who_came_who_left_and_whose_load_changed(world, login, then_and_now):
    response = login(world.professional).get(url(world.own_client))
    assert response.status_code == 200
    assert changes_of(response) == [
        "Erbij: Teamgenote Marieke (Club- of teamgenoot)",
        "Niet meer: Collega Sandra (Vriend(in))",
        "Vriend Jeroen: Kan het goed aan → Te druk",
    ]
    assert "Buurman Henk" not in " ".join(changes_of(response))  # unchanged


def test_it_draws_both_maps_with_their_own_titles(world, login, then_and_now):
    html = login(world.professional).get(url(world.own_client)).content.decode()
    svgs = re.findall(r"<svg\b.*?</svg>", html, flags=re.S)
    assert len(svgs) == 2
    then, now = (ET.fromstring(s) for s in svgs)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert then.find("svg:title", ns).text == "Netwerk op 22-09-2026"
    assert now.find("svg:title", ns).text == "Netwerk nu"
    assert "Collega Sandra" in then.find("svg:desc", ns).text and "Collega Sandra" not in now.find("svg:desc", ns).text
    assert (
        "Teamgenote Marieke" in now.find("svg:desc", ns).text
        and "Teamgenote Marieke" not in then.find("svg:desc", ns).text
    )
    assert "Vriend Jeroen (Vriend(in), kan het goed aan)" in then.find("svg:desc", ns).text
    assert "Vriend Jeroen (Vriend(in), te druk)" in now.find("svg:desc", ns).text


def test_it_says_so_when_nothing_changed(world, login):
    add_member(world.own_client, "Buurman Henk")
    take_snapshot(world.own_trajectory, date(2026, 9, 22))
    assert changes_of(login(world.professional).get(url(world.own_client))) == ["Geen veranderingen."]


def test_it_names_a_change_of_whether_the_client_wants_someone_involved(world, login):
    moeder = add_member(world.own_client, "Moeder", Relation.FAMILY, involvement=Involvement.UNSURE)
    take_snapshot(world.own_trajectory, date(2026, 9, 22))
    moeder.involvement = Involvement.NO
    moeder.save()
    (change,) = changes_of(login(world.professional).get(url(world.own_client)))
    assert change.startswith("Moeder:")
    assert "Nog niet besproken → Nee, liever niet" in change
    assert "Kan het goed aan → Kan het goed aan" not in change  # the load did not change


def test_it_names_both_when_load_and_involvement_changed(world, login):
    moeder = add_member(world.own_client, "Moeder", Relation.FAMILY, involvement=Involvement.YES)
    take_snapshot(world.own_trajectory, date(2026, 9, 22))
    moeder.load, moeder.involvement = Load.STOPPED, Involvement.NO
    moeder.save()
    assert changes_of(login(world.professional).get(url(world.own_client))) == [
        "Moeder: Kan het goed aan → Gestopt; betrekken: Ja, cliënt wil deze persoon erbij → Nee, liever niet"
    ]


def test_it_compares_with_the_latest_evaluation_unless_another_moment_is_chosen(world, login):
    henk = add_member(world.own_client, "Buurman Henk")
    first = take_snapshot(world.own_trajectory, date(2026, 9, 22))
    henk.load = Load.UNDER_PRESSURE
    henk.save()
    take_snapshot(world.own_trajectory, date(2026, 12, 22))
    client = login(world.professional)
    latest = client.get(url(world.own_client))
    assert "Bij de evaluatie van 22-12-2026" in text_of(latest)
    assert changes_of(latest) == ["Geen veranderingen."]
    chosen = client.get(url(world.own_client, first.pk))
    assert "Bij de evaluatie van 22-09-2026" in text_of(chosen)
    assert changes_of(chosen) == ["Buurman Henk: Kan het goed aan → Onder druk"]
    assert f'<option value="{first.pk}" selected>' in chosen.content.decode()


@pytest.mark.parametrize("moment", ["999999", "abc", ""])
def test_it_is_not_found_for_an_unknown_moment(world, login, then_and_now, moment):
    response = login(world.professional).get(url(world.own_client, moment))
    if moment == "":  # an empty choice is no choice: the latest evaluation
        assert response.status_code == 200
    else:
        assert response.status_code == 404


def test_it_is_not_found_for_a_moment_of_another_client(world, login, then_and_now):
    add_member(world.other_team_client, "Zus van Kees")
    theirs = take_snapshot(world.other_team_trajectory, date(2026, 9, 1))
    response = login(world.professional).get(url(world.own_client, theirs.pk))
    assert response.status_code == 404
    assert b"Zus van Kees" not in response.content


def test_it_leaves_out_moments_of_another_teams_trajectory_with_the_same_client(world, login):
    """The client also has a trajectory with team B; their evaluations are theirs."""
    add_member(world.own_client, "Buurman Henk")
    elsewhere = Trajectory.objects.create(
        client=world.own_client, team=world.other_team, lead=world.other_team_professional
    )
    make_goal_with_plan(elsewhere, world.other_team_professional)
    theirs = take_snapshot(elsewhere, date(2026, 8, 1))
    client = login(world.professional)
    assert NO_SNAPSHOT in text_of(client.get(url(world.own_client)))
    assert client.get(url(world.own_client, theirs.pk)).status_code == 404


def test_it_logs_the_comparison_as_a_read(world, login, then_and_now):
    login(world.professional).get(url(world.own_client))
    rows = list(AccessLogEntry.objects.values_list("action", "client_id", "detail"))
    assert rows == [(LogAction.READ, world.own_client.pk, "netwerk vergelijken")]


def test_it_is_linked_from_the_network_page_once_there_is_a_snapshot(world, login):
    client = login(world.professional)
    network_page = reverse("network", args=[world.own_client.pk])
    assert url(world.own_client) not in client.get(network_page).content.decode()
    take_snapshot(world.own_trajectory, date(2026, 9, 22))
    assert f'href="{url(world.own_client)}"' in client.get(network_page).content.decode()


def test_it_escapes_names(world, login):
    member = add_member(world.own_client, "Buurman Henk")
    take_snapshot(world.own_trajectory, date(2026, 9, 22))
    member.delete()
    add_member(world.own_client, "<script>alert(1)</script> & Co")
    response = login(world.professional).get(url(world.own_client))
    assert b"<script>alert(1)" not in response.content
    assert "Erbij: <script>alert(1)</script> & Co (Vriend(in))" in changes_of(response)


@pytest.mark.parametrize("target", ["other_team", "other_org"])
def test_it_is_not_found_for_another_team_or_organisation(world, login, target):
    client, trajectory = getattr(world, f"{target}_client"), getattr(world, f"{target}_trajectory")
    add_member(client, "Zus")
    take_snapshot(trajectory, date(2026, 9, 1))
    response = login(world.professional).get(url(client))
    assert response.status_code == 404
    assert not AccessLogEntry.objects.filter(client_id=client.pk).exists()


def test_it_is_not_found_for_a_wmo_consultant_even_with_consent(world, login, then_and_now):
    consent(world, world.municipality)
    assert login(world.wmo_consultant).get(url(world.own_client)).status_code == 404


def test_it_lets_another_organisation_with_consent_compare(world, login, then_and_now):
    consent(world, world.other_org)
    response = login(world.other_org_professional).get(url(world.own_client))
    assert response.status_code == 200
    assert "Vriend Jeroen: Kan het goed aan → Te druk" in changes_of(response)


@pytest.mark.parametrize("role", ["org_admin", "no_role"])
def test_it_is_not_found_for_roles_without_a_team(world, login, then_and_now, role):
    assert login(world.user(role)).get(url(world.own_client)).status_code == 404


def test_it_sends_anonymous_visitors_to_the_login_page(client, world):
    response = client.get(url(world.own_client))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
