import json
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from steunwerk.support.models import (
    Evaluation,
    Goal,
    ImportantWish,
    LogbookEntry,
    Option,
    PlanStep,
    ProfileEntry,
    QualityEntry,
)
from steunwerk.support.tests.helpers import log_rows
from steunwerk.vocab import StepActor, Voice


def url(trajectory):
    return reverse("trajectory_export", args=[trajectory.pk])


def fill(world):
    t, me = world.own_trajectory, world.professional
    ProfileEntry.objects.create(trajectory=t, domain="housing", aspect="current", text="Ik woon alleen", recorded_by=me)
    ProfileEntry.objects.create(trajectory=t, domain="work", aspect="current", text="", recorded_by=me)
    wish = ImportantWish.objects.create(
        trajectory=t, rank=1, text="Mijn huis op orde", domain="housing", recorded_by=me
    )
    QualityEntry.objects.create(
        trajectory=t,
        dimension="relations",
        aspect="barriers",
        text="Schaamt zich",
        voice=Voice.PROFESSIONAL,
        recorded_by=me,
    )
    Goal.objects.filter(pk=world.own_goal.pk).update(wish=wish, preferences="Alles een vaste plek\nHet huis is schoon")
    Option.objects.create(goal=world.own_goal, text="Buurman herinnert aan de kliko", rank=1)
    Option.objects.create(goal=world.own_goal, text="Agenda op de telefoon", rank=2)
    Option.objects.create(goal=world.own_goal, text="Moeder belt")
    PlanStep.objects.create(
        plan=world.own_goal.plan,
        order=2,
        actor=StepActor.WMO,
        description="Huishoudelijke hulp",
        performer="Thuiszorg",
        amount="3 uur per week",
    )
    LogbookEntry.objects.create(
        trajectory=t,
        date=date(2026, 7, 15),
        place="home",
        present="Bram, buurman",
        notes="Moestuin van de buurman",
        author=me,
    )
    LogbookEntry.objects.create(trajectory=t, date=date(2026, 5, 25), place="home", notes="Eerste bezoek", author=me)
    Evaluation.objects.create(trajectory=t, date=date(2026, 9, 22), plan_changes="Teamgenote helpt", author=me)


def test_it_downloads_the_whole_trajectory_as_json(world, login):
    fill(world)
    response = login(world.professional).get(url(world.own_trajectory))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="traject-{world.own_trajectory.pk}.json"'
    body = json.loads(response.content)
    assert {"client", "phase", "personal_profile", "quality_of_life", "goals", "log", "evaluations"} <= set(body)
    assert body["client"]["name"] == "Bram de Wit"
    assert body["client"]["bsn"] == "111222333"
    assert body["phase"] == "meeting" and body["phase_label"] == "Ontmoeting en kennismaking"
    assert body["personal_profile"]["domains"] == {
        "housing": {"current": {"text": "Ik woon alleen", "voice": "client"}}
    }
    assert body["personal_profile"]["important_wishes"] == [
        {"rank": 1, "text": "Mijn huis op orde", "domain": "housing", "voice": "client"}
    ]
    assert body["quality_of_life"] == {"relations": {"barriers": {"text": "Schaamt zich", "voice": "professional"}}}


def test_it_exports_goals_with_chosen_options_and_steps_by_actor(world, login):
    fill(world)
    [goal] = json.loads(login(world.professional).get(url(world.own_trajectory)).content)["goals"]
    assert goal["intended_result"] == "Huishouden op orde"
    assert goal["wish"] == "Mijn huis op orde"
    assert goal["preferences"] == ["Alles een vaste plek", "Het huis is schoon"]
    assert [(o["text"], o["rank"]) for o in goal["options"]] == [
        ("Buurman herinnert aan de kliko", 1),
        ("Agenda op de telefoon", 2),
        ("Moeder belt", None),
    ]
    assert goal["steps"] == [
        {
            "order": 1,
            "description": "Zelf de was doen",
            "by": "self",
            "performer": "",
            "amount": "",
            "method": None,
            "law": None,
            "network_member": None,
            "provision": None,
        },
        {
            "order": 2,
            "description": "Huishoudelijke hulp",
            "by": "wmo",
            "performer": "Thuiszorg",
            "amount": "3 uur per week",
            "method": None,
            "law": None,
            "network_member": None,
            "provision": None,
        },
    ]
    assert (goal["plan"]["drawn_up_on"], goal["plan"]["evaluation_on"]) == ("2026-06-01", "2026-09-01")


def test_it_exports_the_log_and_evaluations_oldest_first(world, login):
    fill(world)
    body = json.loads(login(world.professional).get(url(world.own_trajectory)).content)
    assert [(e["date"], e["notes"]) for e in body["log"]] == [
        ("2026-05-25", "Eerste bezoek"),
        ("2026-07-15", "Moestuin van de buurman"),
    ]
    assert [(e["date"], e["plan_changes"]) for e in body["evaluations"]] == [("2026-09-22", "Teamgenote helpt")]


def test_it_keeps_dutch_characters_readable(world, login):
    world.own_client.name = "Zoë Çelik"
    world.own_client.save()
    response = login(world.professional).get(url(world.own_trajectory))
    assert "Zoë Çelik" in response.content.decode("utf-8")


def test_it_writes_an_export_row_to_the_access_log(world, login):
    login(world.professional).get(url(world.own_trajectory))
    row = log_rows(action="export").get()
    assert (row.client_id, row.user, row.object_type, row.object_id) == (
        world.own_client.pk,
        world.professional,
        "Trajectory",
        world.own_trajectory.pk,
    )


def test_it_keeps_the_number_of_queries_flat_as_the_file_grows(world, login):
    client = login(world.professional)
    client.get(url(world.own_trajectory))
    with CaptureQueriesContext(connection) as small:
        client.get(url(world.own_trajectory))
    fill(world)
    for i in range(3):
        goal = Goal.objects.create(trajectory=world.own_trajectory, intended_result=f"Doel {i}", priority=2 + i)
        Option.objects.create(goal=goal, text="Optie")
    with CaptureQueriesContext(connection) as large:
        client.get(url(world.own_trajectory))
    assert len(large) == len(small)


def test_it_gives_a_wmo_consultant_with_consent_404(world, login, give_consent):
    give_consent(world.municipality)
    response = login(world.wmo_consultant).get(url(world.own_trajectory))
    assert response.status_code == 404
    assert "111222333" not in response.content.decode()
    assert not log_rows(action="export").exists()


def test_it_lets_another_organisation_with_consent_export(world, login, give_consent):
    give_consent(world.other_org)
    response = login(world.other_org_professional).get(url(world.own_trajectory))
    assert response.status_code == 200
    assert json.loads(response.content)["client"]["name"] == "Bram de Wit"
    assert log_rows(action="export", user=world.other_org_professional).count() == 1


def test_it_gives_another_team_404(world, login):
    response = login(world.other_team_professional).get(url(world.own_trajectory))
    assert response.status_code == 404
    assert not log_rows(action="export").exists()


def test_it_gives_another_organisation_404(world, login):
    response = login(world.other_org_professional).get(url(world.own_trajectory))
    assert response.status_code == 404
    assert "Bram" not in response.content.decode()
