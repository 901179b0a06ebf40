"""Momentopname van het netwerk (support.views.evaluations → NetworkSnapshot, clients network_compare, the
trajectory export): each evaluation keeps the network as it was, so then and now can be compared."""

import json
import re
from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from steunwerk.clients.models import NetworkMember
from steunwerk.support.models import Evaluation, NetworkSnapshot, PlanStep
from steunwerk.support.tests.helpers import text_of
from steunwerk.vocab import Frequency, Involvement, Load, Relation, StepActor, SupportKind


def evaluations_url(trajectory):
    return reverse("evaluations", args=[trajectory.pk])


def compare_url(client):
    return reverse("network_compare", args=[client.pk])


def evaluation(**overrides):
    return {
        "date": "2026-09-22",
        "went_well": "Het huis is schoon.",
        "learned": "",
        "process": "",
        "result": "",
        "plan_changes": "",
        "self_evaluation": "",
        **overrides,
    }


def changes_of(response):
    html = response.content.decode().split("Wat veranderde", 1)[1].split("</ul>", 1)[0]
    return [
        re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", li))).strip()
        for li in re.findall(r"<li>(.*?)</li>", html, re.S)
    ]


@pytest.fixture
def network(world):
    henk = NetworkMember.objects.create(
        client=world.own_client,
        name="Buurman Henk",
        relation=Relation.NEIGHBOUR,
        support=[SupportKind.PRACTICAL, SupportKind.COMPANY],
        frequency=Frequency.WEEKLY,
        involvement=Involvement.YES,
        gives_back="Bram helpt in zijn moestuin",
        plan_consent_on=date(2026, 6, 22),
    )
    jeroen = NetworkMember.objects.create(
        client=world.own_client, name="Vriend Jeroen", relation=Relation.FRIEND, support=[SupportKind.EMOTIONAL]
    )
    moeder = NetworkMember.objects.create(
        client=world.own_client,
        name="Moeder",
        relation=Relation.FAMILY,
        load=Load.UNDER_PRESSURE,
        involvement=Involvement.NO,
        same_household=True,
    )
    return {"henk": henk, "jeroen": jeroen, "moeder": moeder}


def snapshot_by_name(snapshot):
    return {m["name"]: m for m in snapshot.members}


def test_saving_an_evaluation_keeps_the_network_as_it_is(world, login, network):
    response = login(world.professional).post(evaluations_url(world.own_trajectory), evaluation(), follow=True)
    assert "Het netwerk van nu is bewaard om later te vergelijken." in text_of(response)
    snapshot = NetworkSnapshot.objects.get()
    saved = Evaluation.objects.get()
    assert (snapshot.trajectory, snapshot.evaluation, snapshot.taken_on, snapshot.organisation) == (
        world.own_trajectory,
        saved,
        date(2026, 9, 22),
        world.org,
    )
    by_name = snapshot_by_name(snapshot)
    assert set(by_name) == {"Buurman Henk", "Vriend Jeroen", "Moeder"}
    assert by_name["Buurman Henk"] == {
        "id": network["henk"].pk,
        "name": "Buurman Henk",
        "relation": "neighbour",
        "relation_label": "Buur",
        "circle": "neighbourhood",
        "load": "able",
        "load_label": "Kan het goed aan",
        "involvement": "yes",
    }
    assert (by_name["Moeder"]["circle"], by_name["Moeder"]["load"], by_name["Moeder"]["involvement"]) == (
        "household",
        "under_pressure",
        "no",
    )


def test_the_snapshot_is_plain_json(world, login, network):
    login(world.professional).post(evaluations_url(world.own_trajectory), evaluation())
    members = NetworkSnapshot.objects.get().members
    assert json.loads(json.dumps(members)) == members


def test_an_evaluation_without_a_network_keeps_an_empty_snapshot(world, login):
    login(world.professional).post(evaluations_url(world.own_trajectory), evaluation())
    assert NetworkSnapshot.objects.get().members == []


def test_every_evaluation_keeps_its_own_snapshot(world, login, network):
    client = login(world.professional)
    client.post(evaluations_url(world.own_trajectory), evaluation(date="2026-09-22"))
    network["jeroen"].delete()
    client.post(evaluations_url(world.own_trajectory), evaluation(date="2026-12-22"))
    kept = {s.taken_on: set(snapshot_by_name(s)) for s in NetworkSnapshot.objects.all()}
    assert kept == {
        date(2026, 9, 22): {"Buurman Henk", "Vriend Jeroen", "Moeder"},
        date(2026, 12, 22): {"Buurman Henk", "Moeder"},
    }
    assert {s.evaluation.date for s in NetworkSnapshot.objects.select_related("evaluation")} == set(kept)


def test_later_changes_to_the_network_do_not_alter_the_snapshot(world, login, network):
    client = login(world.professional)
    client.post(evaluations_url(world.own_trajectory), evaluation())
    before = NetworkSnapshot.objects.get().members
    henk = network["henk"]
    client.post(
        reverse("network_member", args=[world.own_client.pk, henk.pk]),
        {"name": "Henk Jansen", "relation": Relation.NEIGHBOUR, "load": Load.STOPPED, "involvement": Involvement.NO},
    )
    assert NetworkMember.objects.get(pk=henk.pk).load == Load.STOPPED  # the change went through
    network["jeroen"].delete()
    client.post(
        reverse("network", args=[world.own_client.pk]),
        {"name": "Teamgenote Marieke", "relation": Relation.CLUB, "load": Load.ABLE, "involvement": Involvement.YES},
    )
    assert set(NetworkMember.objects.values_list("name", flat=True)) == {"Henk Jansen", "Moeder", "Teamgenote Marieke"}
    assert NetworkSnapshot.objects.get().members == before


def test_a_refused_evaluation_keeps_no_snapshot(world, login, network):
    response = login(world.professional).post(evaluations_url(world.own_trajectory), evaluation(date=""))
    assert response.status_code == 400
    assert not NetworkSnapshot.objects.exists()


def test_the_snapshot_holds_only_this_clients_network(world, login, network):
    NetworkMember.objects.create(client=world.other_team_client, name="Zus van Kees", relation=Relation.FAMILY)
    login(world.professional).post(evaluations_url(world.own_trajectory), evaluation())
    assert "Zus van Kees" not in snapshot_by_name(NetworkSnapshot.objects.get())


def test_the_compare_page_shows_who_came_who_left_and_whose_load_changed(world, login, network):
    client = login(world.professional)
    client.post(evaluations_url(world.own_trajectory), evaluation())
    jeroen = network["jeroen"]
    jeroen.load = Load.TOO_BUSY
    jeroen.save()
    network["moeder"].delete()
    client.post(
        reverse("network", args=[world.own_client.pk]),
        {"name": "Teamgenote Marieke", "relation": Relation.CLUB, "load": Load.ABLE, "involvement": Involvement.YES},
    )
    response = client.get(compare_url(world.own_client))
    assert response.status_code == 200
    assert "Bij de evaluatie van 22-09-2026" in text_of(response)
    assert changes_of(response) == [
        "Erbij: Teamgenote Marieke (Club- of teamgenoot)",
        "Niet meer: Moeder (Familie)",
        "Vriend Jeroen: Kan het goed aan → Te druk",
    ]


@pytest.mark.parametrize("target", ["other_team", "other_org"])
def test_another_team_or_organisation_gets_404_and_keeps_no_snapshot(world, login, target):
    trajectory, other_client = getattr(world, f"{target}_trajectory"), getattr(world, f"{target}_client")
    NetworkMember.objects.create(client=other_client, name="Zus", relation=Relation.FAMILY)
    client = login(world.professional)
    assert client.post(evaluations_url(trajectory), evaluation()).status_code == 404
    assert not Evaluation.objects.filter(trajectory=trajectory).exists()
    assert not NetworkSnapshot.objects.exists()
    assert client.get(compare_url(other_client)).status_code == 404


# --- the trajectory export


def export_of(response):
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_export_has_the_whole_network(world, login, network):
    data = export_of(login(world.professional).get(reverse("trajectory_export", args=[world.own_trajectory.pk])))
    by_name = {m["name"]: m for m in data["network"]}
    assert set(by_name) == {"Buurman Henk", "Vriend Jeroen", "Moeder"}
    for member in data["network"]:
        assert {"relation", "support", "load"} <= set(member)
    assert by_name["Buurman Henk"] == {
        "id": network["henk"].pk,
        "name": "Buurman Henk",
        "relation": "neighbour",
        "circle": "neighbourhood",
        "support": ["practical", "company"],
        "frequency": "weekly",
        "gives_back": "Bram helpt in zijn moestuin",
        "load": "able",
        "involvement": "yes",
        "sees_own_plan_steps": True,
    }
    assert (
        by_name["Vriend Jeroen"]["relation"],
        by_name["Vriend Jeroen"]["support"],
        by_name["Vriend Jeroen"]["load"],
        by_name["Vriend Jeroen"]["frequency"],
    ) == ("friend", ["emotional"], "able", None)
    assert (by_name["Moeder"]["relation"], by_name["Moeder"]["load"], by_name["Moeder"]["circle"]) == (
        "family",
        "under_pressure",
        "household",
    )


def test_the_export_of_a_client_without_a_network_has_an_empty_list(world, login):
    data = export_of(login(world.professional).get(reverse("trajectory_export", args=[world.own_trajectory.pk])))
    assert data["network"] == []


def test_the_export_names_the_network_member_of_a_step(world, login, network):
    PlanStep.objects.create(
        plan=world.own_goal.plan,
        order=2,
        actor=StepActor.NETWORK,
        description="Herinneren aan de kliko",
        performer="Buurman Henk",
        network_member=network["henk"],
    )
    data = export_of(login(world.professional).get(reverse("trajectory_export", args=[world.own_trajectory.pk])))
    steps = {s["description"]: s for s in data["goals"][0]["steps"]}
    assert steps["Herinneren aan de kliko"]["network_member"] == {"id": network["henk"].pk, "name": "Buurman Henk"}
    assert steps["Zelf de was doen"]["network_member"] is None


def test_the_export_leaves_out_another_clients_network(world, login, network):
    NetworkMember.objects.create(client=world.other_team_client, name="Zus van Kees", relation=Relation.FAMILY)
    data = export_of(login(world.professional).get(reverse("trajectory_export", args=[world.own_trajectory.pk])))
    assert "Zus van Kees" not in {m["name"] for m in data["network"]}


@pytest.mark.parametrize("target", ["other_team_trajectory", "other_org_trajectory"])
def test_the_export_of_another_team_or_organisation_is_not_found(world, login, target):
    response = login(world.professional).get(reverse("trajectory_export", args=[getattr(world, target).pk]))
    assert response.status_code == 404
