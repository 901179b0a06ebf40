import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from steunwerk.accounts.models import User
from steunwerk.support.models import PlanVersion, Trajectory
from steunwerk.vocab import StepActor

pytestmark = pytest.mark.django_db


def row_counts():
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


def load_demo():
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def bram_trajectory():
    return Trajectory.objects.get(client__name="Bram de Wit")


@pytest.fixture
def bram_export():
    load_demo()
    out = StringIO()
    call_command("trajectory", "export", str(bram_trajectory().pk), stdout=out)
    return json.loads(out.getvalue())


def test_it_says_how_to_sign_in_and_where_bram_is():
    output = load_demo()
    assert "steunwerk-demo" in output
    assert f"Bram's trajectory: {bram_trajectory().pk}." in output


def test_it_is_idempotent():
    load_demo()
    first = row_counts()
    load_demo()
    assert row_counts() == first
    assert first["support.Trajectory"] == 6 and first["clients.Client"] == 6


def test_it_creates_a_user_for_every_role_who_can_sign_in(client):
    load_demo()
    roles = set(
        User.objects.filter(username__in=["professional", "teamleider", "beheerder", "wmoconsulent"]).values_list(
            "memberships__role", flat=True
        )
    )
    assert roles == {"professional", "team_lead", "org_admin", "wmo_consultant"}
    response = client.post("/inloggen/", {"username": "professional", "password": "steunwerk-demo"})
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_it_gives_bram_two_goals(bram_export):
    assert [g["intended_result"] for g in bram_export["goals"]] == [
        "Mijn huishouden is op orde",
        "Vrijwilligerswerk doen en nieuwe contacten opdoen",
    ]


def test_it_chooses_the_neighbour_as_best_option_for_the_first_goal(bram_export):
    options = bram_export["goals"][0]["options"]
    [best] = [o["text"] for o in options if o["rank"] == 1]
    assert "buurman" in best.lower()
    assert [o["rank"] for o in options].count(2) == 1


def test_it_plans_steps_by_bram_his_network_professionals_and_the_wmo(bram_export):
    steps = [s for g in bram_export["goals"] for s in g["steps"]]
    assert {StepActor.SELF, StepActor.NETWORK, StepActor.PROFESSIONAL, StepActor.WMO} <= {s["by"] for s in steps}
    amounts = {s["amount"] for s in bram_export["goals"][0]["steps"] if s["by"] == StepActor.WMO}
    assert amounts == {"3 uur per week", "2 uur per week"}


def test_it_logs_the_allotment_garden(bram_export):
    [entry] = [e for e in bram_export["log"] if "moestuin" in e["notes"]]
    assert "iets voor elkaar" in entry["notes"]  # reciprocity: Bram helps the neighbour back


def test_it_evaluates_with_the_volleyball_teammate(bram_export):
    assert any("teamgenote van de volleybal" in e["plan_changes"] for e in bram_export["evaluations"])


def test_it_keeps_version_one_of_the_plan_with_the_friend_and_version_two_with_the_teammate(bram_export):
    goal = bram_export["goals"][0]
    assert goal["plan"]["version"] == 2
    versions = {v.number: v.snapshot for v in PlanVersion.objects.filter(plan__goal_id=goal["id"])}
    assert sorted(versions) == [1, 2]
    performers = {n: " ".join(s["performer"] for s in snap["steps"]) for n, snap in versions.items()}
    assert "Vriend Jeroen" in performers[1] and "Teamgenote" not in performers[1]
    assert "Teamgenote volleybal Marieke" in performers[2] and "Vriend Jeroen" not in performers[2]
    assert versions[2]["evaluation_on"] > versions[1]["evaluation_on"]
