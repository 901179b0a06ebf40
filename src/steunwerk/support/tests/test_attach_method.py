"""Attaching a recommended method to a plan step of the trajectory."""

import json
from datetime import date

from django.urls import reverse

from steunwerk.conftest import make_trajectory
from steunwerk.methods.models import Method
from steunwerk.methods.tests.helpers import local_method, log_rows, text_of
from steunwerk.support.models import ActionPlan, Goal, PlanStep
from steunwerk.vocab import StepActor


def url(trajectory):
    return reverse("attach_method", args=[trajectory.pk])


def own_step(world):
    return PlanStep.objects.get(plan__goal=world.own_goal)


def step_in(world, trajectory):
    goal = Goal.objects.create(trajectory=trajectory, intended_result="Meer contact", priority=2)
    plan = ActionPlan.objects.create(
        goal=goal, drawn_up_on=date(2026, 6, 1), evaluation_on=date(2026, 9, 1), updated_by=world.professional
    )
    return PlanStep.objects.create(plan=plan, order=1, actor=StepActor.NETWORK, description="Koffie met de buren")


def test_it_attaches_the_method_to_the_step_and_returns_to_the_trajectory(world, login):
    step = own_step(world)
    response = login(world.professional).post(
        url(world.own_trajectory), {"step": step.pk, "method": "fact"}, follow=True
    )
    assert response.redirect_chain == [(reverse("trajectory", args=[world.own_trajectory.pk]), 302)]
    step.refresh_from_db()
    assert step.method.slug == "fact"
    assert "Methode FACT gekoppeld aan de stap “Zelf de was doen”." in text_of(response)


def test_it_writes_the_attachment_to_the_access_log(world, login):
    step = own_step(world)
    login(world.professional).post(url(world.own_trajectory), {"step": step.pk, "method": "fact"})
    row = log_rows(action="update").get()
    assert (row.user, row.client_id, row.object_type, row.object_id, row.detail) == (
        world.professional,
        world.own_client.pk,
        "PlanStep",
        step.pk,
        "methode gekoppeld: fact",
    )


def test_it_shows_the_method_on_the_plan_the_print_view_and_in_the_export(world, login):
    client = login(world.professional)
    client.post(url(world.own_trajectory), {"step": own_step(world).pk, "method": "vriendendiensten"})
    link = f'<a href="{reverse("method", args=["vriendendiensten"])}">Vriendendiensten</a>'
    trajectory_page = client.get(reverse("trajectory", args=[world.own_trajectory.pk]))
    assert link in trajectory_page.content.decode()
    assert "Zelf de was doen methode: Vriendendiensten" in text_of(trajectory_page)
    print_page = client.get(reverse("plan_print", args=[world.own_trajectory.pk]))
    assert "Zelf de was doen methode: Vriendendiensten" in text_of(print_page)
    export = json.loads(client.get(reverse("trajectory_export", args=[world.own_trajectory.pk])).content)
    [goal] = export["goals"]
    assert goal["steps"][0]["method"] == {"slug": "vriendendiensten", "name": "Vriendendiensten"}
    assert goal["plan"]["steps"][0]["method"]["slug"] == "vriendendiensten"


def test_it_replaces_an_earlier_method(world, login):
    step = own_step(world)
    client = login(world.professional)
    client.post(url(world.own_trajectory), {"step": step.pk, "method": "fact"})
    client.post(url(world.own_trajectory), {"step": step.pk, "method": "critical-time-intervention"})
    step.refresh_from_db()
    assert step.method.slug == "critical-time-intervention"


def test_it_attaches_a_local_method_of_the_own_organisation(world, login):
    local = local_method(world.org)
    step = own_step(world)
    assert (
        login(world.professional).post(url(world.own_trajectory), {"step": step.pk, "method": local.slug}).status_code
        == 302
    )
    step.refresh_from_db()
    assert step.method == local


def test_it_refuses_a_local_method_of_another_organisation(world, login):
    other = local_method(world.other_org, name="Taalcafé West")
    step = own_step(world)
    response = login(world.professional).post(url(world.own_trajectory), {"step": step.pk, "method": other.slug})
    assert response.status_code == 400
    step.refresh_from_db()
    assert step.method is None
    assert not log_rows(action="update").exists()


def test_it_refuses_a_step_of_another_trajectory_of_the_same_team(world, login):
    _client, second = make_trajectory(world.org, world.team, "Sanne Visser", world.professional)
    foreign = step_in(world, second)
    response = login(world.professional).post(url(world.own_trajectory), {"step": foreign.pk, "method": "fact"})
    assert response.status_code == 400
    assert "Er is niets opgeslagen." in text_of(response)
    foreign.refresh_from_db()
    assert foreign.method is None
    assert not log_rows(action="update").exists()


def test_it_refuses_a_step_of_another_team(world, login):
    foreign = PlanStep.objects.get(plan__goal=world.other_team_goal)
    response = login(world.professional).post(url(world.own_trajectory), {"step": foreign.pk, "method": "fact"})
    assert response.status_code == 400
    foreign.refresh_from_db()
    assert foreign.method is None


def test_it_refuses_a_trajectory_of_another_team_or_organisation(world, login):
    client = login(world.professional)
    for trajectory, goal in [
        (world.other_team_trajectory, world.other_team_goal),
        (world.other_org_trajectory, world.other_org_goal),
    ]:
        step = PlanStep.objects.get(plan__goal=goal)
        assert client.post(url(trajectory), {"step": step.pk, "method": "fact"}).status_code == 404
        step.refresh_from_db()
        assert step.method is None
    assert not log_rows(action="update").exists()


def test_it_refuses_an_unknown_method_or_a_missing_step(world, login):
    step = own_step(world)
    client = login(world.professional)
    assert client.post(url(world.own_trajectory), {"step": step.pk, "method": "bestaat-niet"}).status_code == 400
    assert client.post(url(world.own_trajectory), {"method": "fact"}).status_code == 400
    assert client.post(url(world.own_trajectory), {"step": "abc", "method": "fact"}).status_code == 400
    step.refresh_from_db()
    assert step.method is None


def test_it_accepts_only_post(world, login):
    assert login(world.professional).get(url(world.own_trajectory)).status_code == 405


def test_it_keeps_the_step_when_the_method_is_removed_from_the_catalogue(world, login):
    local = local_method(world.org)
    step = own_step(world)
    login(world.professional).post(url(world.own_trajectory), {"step": step.pk, "method": local.slug})
    Method.objects.filter(pk=local.pk).delete()
    step.refresh_from_db()
    assert step.method is None and step.description == "Zelf de was doen"
