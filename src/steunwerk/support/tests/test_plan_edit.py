from datetime import date

import pytest
from django.urls import reverse

from steunwerk.support.models import ActionPlan, Goal, PlanStep, PlanVersion
from steunwerk.support.tests.helpers import log_rows, plan_data, step, text_of
from steunwerk.vocab import StepActor

CONFLICT = "Iemand anders heeft dit plan intussen gewijzigd"


def url(goal):
    return reverse("plan_edit", args=[goal.pk])


def steps_of(goal):
    return list(
        PlanStep.objects.filter(plan__goal=goal).order_by("order", "id").values_list("order", "actor", "description")
    )


@pytest.fixture
def new_goal(world):
    return Goal.objects.create(trajectory=world.own_trajectory, intended_result="Vrijwilligerswerk doen", priority=2)


def test_it_shows_an_empty_plan_for_a_goal_without_one(world, login, new_goal):
    response = login(world.professional).get(url(new_goal))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="version" value="0"' in html
    assert "Te bereiken resultaat (doel): Vrijwilligerswerk doen" in text_of(response)
    assert "eerdere versies" not in html


def test_it_shows_the_existing_plan_with_its_version(world, login):
    response = login(world.professional).get(url(world.own_goal))
    html = response.content.decode()
    assert 'name="version" value="1"' in html
    assert 'value="Zelf de was doen"' in html
    assert "Versie 1" in text_of(response)


def test_it_reminds_who_the_client_does_not_want_as_helper(world, login):
    world.own_client.unwanted_helpers = "Zijn moeder"
    world.own_client.save()
    page = text_of(login(world.professional).get(url(world.own_goal)))
    assert "De cliënt wil liever niet geholpen worden door: Zijn moeder" in page


def test_it_creates_a_plan_with_a_step_for_every_kind_of_actor(world, login, new_goal):
    steps = [
        step(StepActor.SELF, "Zelf de was doen", "Bram"),
        step(StepActor.NETWORK, "Herinneren aan de kliko", "Buurman Henk"),
        step(StepActor.GENERAL_PROVISION, "Lid worden van de volleybalclub", "Volleybalvereniging"),
        step(StepActor.PROFESSIONAL, "Wmo-aanvraag voorbereiden", "Woonconsulent"),
        step(StepActor.WMO, "Huishoudelijke hulp", "Thuiszorg", "3 uur per week"),
        {**step(StepActor.OTHER_LAW, "Wijkverpleging", "Thuiszorg"), "law": "zvw"},
    ]
    response = login(world.professional).post(url(new_goal), plan_data(0, steps, needed_aids="Huishoudelijke hulp"))
    assert response.status_code == 302
    assert response["Location"] == reverse("trajectory", args=[world.own_trajectory.pk])
    plan = ActionPlan.objects.get(goal=new_goal)
    assert (plan.version, plan.drawn_up_on, plan.evaluation_on, plan.needed_aids, plan.updated_by) == (
        1,
        date(2026, 6, 22),
        date(2026, 9, 22),
        "Huishoudelijke hulp",
        world.professional,
    )
    assert steps_of(new_goal) == [(i, s["actor"], s["description"]) for i, s in enumerate(steps, start=1)]
    assert PlanStep.objects.get(plan=plan, actor=StepActor.WMO).amount == "3 uur per week"
    version = PlanVersion.objects.get(plan=plan)
    assert (version.number, version.saved_by) == (1, world.professional)
    assert [s["by"] for s in version.snapshot["steps"]] == list(StepActor.values)


def test_it_creates_a_plan_without_steps(world, login, new_goal):
    assert login(world.professional).post(url(new_goal), plan_data(0)).status_code == 302
    assert ActionPlan.objects.get(goal=new_goal).steps.count() == 0


def test_it_creates_a_new_version_on_every_save(world, login):
    client = login(world.professional)
    existing = PlanStep.objects.get(plan__goal=world.own_goal)
    for version, evaluation in ((1, "2026-10-01"), (2, "2026-11-01")):
        data = plan_data(version, [step(StepActor.SELF, "Zelf de was doen", id=existing.pk)], evaluation=evaluation)
        assert client.post(url(world.own_goal), data).status_code == 302
    plan = ActionPlan.objects.get(goal=world.own_goal)
    assert (plan.version, plan.evaluation_on) == (3, date(2026, 11, 1))
    versions = list(plan.versions.order_by("number").values_list("number", "snapshot__evaluation_on"))
    assert versions == [(2, "2026-10-01"), (3, "2026-11-01")]


def test_it_writes_the_access_log_with_the_version(world, login, new_goal):
    client = login(world.professional)
    client.post(url(new_goal), plan_data(0, [step(StepActor.SELF, "Zelf de was doen")]))
    client.post(url(new_goal), plan_data(1))
    rows = list(log_rows(action__in=["create", "update"]).order_by("id").values_list("action", "object_type", "detail"))
    assert rows == [
        ("create", "ActionPlan", "Plan van Aanpak versie 1"),
        ("update", "ActionPlan", "Plan van Aanpak versie 2"),
    ]


def test_it_refuses_an_evaluation_date_before_the_drawn_up_date(world, login, new_goal):
    response = login(world.professional).post(
        url(new_goal),
        plan_data(0, [step(StepActor.SELF, "Zelf de was doen")], drawn="2026-06-22", evaluation="2026-06-21"),
    )
    assert response.status_code == 400
    assert "De evaluatiedatum ligt vóór de datum waarop het plan is opgesteld." in text_of(response)
    assert not ActionPlan.objects.filter(goal=new_goal).exists()
    assert not PlanStep.objects.filter(plan__goal=new_goal).exists()
    assert not PlanVersion.objects.exists()


def test_it_refuses_an_evaluation_date_before_the_drawn_up_date_for_an_existing_plan(world, login):
    existing = PlanStep.objects.get(plan__goal=world.own_goal)
    data = plan_data(1, [step(StepActor.WMO, "Anders", id=existing.pk)], drawn="2026-06-22", evaluation="2026-01-01")
    response = login(world.professional).post(url(world.own_goal), data)
    assert response.status_code == 400
    assert "De evaluatiedatum ligt vóór" in text_of(response)
    plan = ActionPlan.objects.get(goal=world.own_goal)
    assert (plan.version, plan.drawn_up_on, plan.evaluation_on) == (1, date(2026, 6, 1), date(2026, 9, 1))
    assert steps_of(world.own_goal) == [(1, StepActor.SELF, "Zelf de was doen")]
    assert not PlanVersion.objects.exists()


def test_it_accepts_an_evaluation_on_the_day_it_was_drawn_up(world, login, new_goal):
    response = login(world.professional).post(url(new_goal), plan_data(0, drawn="2026-06-22", evaluation="2026-06-22"))
    assert response.status_code == 302


def test_it_refuses_a_plan_without_an_evaluation_date(world, login, new_goal):
    response = login(world.professional).post(
        url(new_goal), plan_data(0, [step(StepActor.SELF, "Zelf de was doen")], evaluation="")
    )
    assert response.status_code == 400
    assert "Niet opgeslagen: verbeter de gemarkeerde velden." in text_of(response)
    assert not ActionPlan.objects.filter(goal=new_goal).exists()
    assert not PlanStep.objects.filter(plan__goal=new_goal).exists()


def test_it_refuses_a_date_that_is_not_a_date(world, login, new_goal):
    assert login(world.professional).post(url(new_goal), plan_data(0, evaluation="31-02-2026")).status_code == 400
    assert not ActionPlan.objects.filter(goal=new_goal).exists()


def test_it_refuses_a_stale_version_and_keeps_the_newer_plan(world, login):
    existing = PlanStep.objects.get(plan__goal=world.own_goal)
    # Two people opened version 1. The team lead saves first ...
    first = plan_data(
        1, [step(StepActor.SELF, "Zelf de was en de boodschappen doen", id=existing.pk)], evaluation="2026-10-01"
    )
    assert login(world.team_lead).post(url(world.own_goal), first).status_code == 302
    # ... then the professional saves what they typed into the old version.
    late = plan_data(
        1,
        [step(StepActor.NETWORK, "Moeder doet de was", id=existing.pk), step(StepActor.WMO, "Huishoudelijke hulp")],
        evaluation="2026-12-01",
        needed_aids="Overschreven",
    )
    response = login(world.professional).post(url(world.own_goal), late)
    assert response.status_code == 409
    page = text_of(response)
    assert CONFLICT in page
    assert reverse("plan_edit", args=[world.own_goal.pk]) in response.content.decode()
    plan = ActionPlan.objects.get(goal=world.own_goal)
    assert (plan.version, plan.evaluation_on, plan.needed_aids, plan.updated_by) == (
        2,
        date(2026, 10, 1),
        "",
        world.team_lead,
    )
    assert steps_of(world.own_goal) == [(1, StepActor.SELF, "Zelf de was en de boodschappen doen")]
    assert list(PlanVersion.objects.values_list("number", flat=True)) == [2]


def test_it_refuses_a_second_first_version(world, login, new_goal):
    """Two people both opened the goal before it had a plan; the second save must not replace the first."""
    assert (
        login(world.team_lead).post(url(new_goal), plan_data(0, [step(StepActor.SELF, "Eerste plan")])).status_code
        == 302
    )
    response = login(world.professional).post(url(new_goal), plan_data(0, [step(StepActor.WMO, "Tweede plan")]))
    assert response.status_code == 409
    assert CONFLICT in text_of(response)
    assert steps_of(new_goal) == [(1, StepActor.SELF, "Eerste plan")]
    assert ActionPlan.objects.get(goal=new_goal).version == 1


def test_it_refuses_an_existing_plan_posted_without_a_version(world, login):
    existing = PlanStep.objects.get(plan__goal=world.own_goal)
    data = plan_data("", [step(StepActor.WMO, "Overschreven", id=existing.pk)])
    assert login(world.professional).post(url(world.own_goal), data).status_code == 409
    assert steps_of(world.own_goal) == [(1, StepActor.SELF, "Zelf de was doen")]


def test_it_deletes_a_ticked_step_and_closes_up_the_order(world, login):
    client = login(world.professional)
    client.post(
        url(world.own_goal),
        plan_data(
            1,
            [
                step(StepActor.SELF, "Zelf de was doen", id=PlanStep.objects.get(plan__goal=world.own_goal).pk),
                step(StepActor.NETWORK, "Boodschappen met vriend"),
                step(StepActor.WMO, "Huishoudelijke hulp"),
            ],
        ),
    )
    first, second, third = PlanStep.objects.filter(plan__goal=world.own_goal).order_by("order")
    response = client.post(
        url(world.own_goal),
        plan_data(
            2,
            [
                step(StepActor.SELF, first.description, id=first.pk),
                step(StepActor.NETWORK, second.description, id=second.pk, DELETE=True),
                step(StepActor.WMO, third.description, id=third.pk),
            ],
        ),
    )
    assert response.status_code == 302
    assert steps_of(world.own_goal) == [
        (1, StepActor.SELF, "Zelf de was doen"),
        (2, StepActor.WMO, "Huishoudelijke hulp"),
    ]
    v2, v3 = PlanVersion.objects.filter(plan__goal=world.own_goal).order_by("number")
    assert [s["description"] for s in v2.snapshot["steps"]] == [
        "Zelf de was doen",
        "Boodschappen met vriend",
        "Huishoudelijke hulp",
    ]
    assert [s["description"] for s in v3.snapshot["steps"]] == ["Zelf de was doen", "Huishoudelijke hulp"]


def test_it_numbers_steps_in_the_order_shown_skipping_empty_rows(world, login, new_goal):
    data = plan_data(
        0,
        [
            step(StepActor.PROFESSIONAL, "Eerst"),
            {},
            step(StepActor.SELF, "Dan"),
            {},
            step(StepActor.NETWORK, "Als laatste"),
        ],
    )
    assert login(world.professional).post(url(new_goal), data).status_code == 302
    assert steps_of(new_goal) == [
        (1, StepActor.PROFESSIONAL, "Eerst"),
        (2, StepActor.SELF, "Dan"),
        (3, StepActor.NETWORK, "Als laatste"),
    ]


def test_it_adds_new_steps_after_the_existing_ones(world, login):
    existing = PlanStep.objects.get(plan__goal=world.own_goal)
    data = plan_data(
        1, [step(StepActor.SELF, "Zelf de was doen", id=existing.pk), step(StepActor.WMO, "Huishoudelijke hulp")]
    )
    login(world.professional).post(url(world.own_goal), data)
    assert steps_of(world.own_goal) == [
        (1, StepActor.SELF, "Zelf de was doen"),
        (2, StepActor.WMO, "Huishoudelijke hulp"),
    ]
    assert PlanStep.objects.get(order=1, plan__goal=world.own_goal).pk == existing.pk


def test_it_refuses_a_step_without_description_and_saves_nothing(world, login):
    existing = PlanStep.objects.get(plan__goal=world.own_goal)
    data = plan_data(
        1,
        [step(StepActor.SELF, "Zelf de was doen", id=existing.pk), step(StepActor.NETWORK, "", "Buurman Henk")],
        needed_aids="Nieuw",
    )
    assert login(world.professional).post(url(world.own_goal), data).status_code == 400
    plan = ActionPlan.objects.get(goal=world.own_goal)
    assert (plan.version, plan.needed_aids) == (1, "")
    assert steps_of(world.own_goal) == [(1, StepActor.SELF, "Zelf de was doen")]
    assert not PlanVersion.objects.exists()


def test_it_refuses_an_unknown_actor(world, login, new_goal):
    response = login(world.professional).post(url(new_goal), plan_data(0, [step("mother", "Moeder doet de was")]))
    assert response.status_code == 400
    assert not ActionPlan.objects.filter(goal=new_goal).exists()


def test_it_refuses_more_than_thirty_steps(world, login, new_goal):
    data = plan_data(0, [step(StepActor.SELF, f"Stap {i}") for i in range(31)], extra_rows=0)
    assert login(world.professional).post(url(new_goal), data).status_code == 400
    assert not ActionPlan.objects.filter(goal=new_goal).exists()


def test_it_refuses_a_post_without_the_step_management_form(world, login, new_goal):
    data = {"version": 0, "drawn_up_on": "2026-06-22", "evaluation_on": "2026-09-22"}
    assert login(world.professional).post(url(new_goal), data).status_code == 400
    assert not ActionPlan.objects.filter(goal=new_goal).exists()


def test_it_does_not_touch_a_step_of_another_plan(world, login):
    foreign = PlanStep.objects.get(plan__goal=world.other_team_goal)
    data = plan_data(1, [step(StepActor.WMO, "Overgenomen", id=foreign.pk)])
    response = login(world.professional).post(url(world.own_goal), data)
    assert response.status_code in (302, 400)
    foreign.refresh_from_db()
    assert (foreign.plan.goal, foreign.description, foreign.actor) == (
        world.other_team_goal,
        "Zelf de was doen",
        StepActor.SELF,
    )


def test_it_shows_a_wmo_consultant_with_consent_the_plan_but_does_not_let_them_save(world, login, give_consent):
    give_consent(world.municipality)
    client = login(world.wmo_consultant)
    response = client.get(url(world.own_goal))
    assert response.status_code == 200
    assert "Zelf de was doen" in response.content.decode()
    assert reverse("profile", args=[world.own_trajectory.pk]) not in response.content.decode()
    existing = PlanStep.objects.get(plan__goal=world.own_goal)
    assert (
        client.post(url(world.own_goal), plan_data(1, [step(StepActor.WMO, "Anders", id=existing.pk)])).status_code
        == 404
    )
    assert steps_of(world.own_goal) == [(1, StepActor.SELF, "Zelf de was doen")]
    assert ActionPlan.objects.get(goal=world.own_goal).version == 1


def test_it_gives_another_team_404(world, login):
    client = login(world.other_team_professional)
    existing = PlanStep.objects.get(plan__goal=world.own_goal)
    assert client.get(url(world.own_goal)).status_code == 404
    assert (
        client.post(url(world.own_goal), plan_data(1, [step(StepActor.WMO, "Anders", id=existing.pk)])).status_code
        == 404
    )
    assert steps_of(world.own_goal) == [(1, StepActor.SELF, "Zelf de was doen")]
    assert ActionPlan.objects.get(goal=world.own_goal).version == 1


def test_it_gives_another_organisation_404(world, login):
    client = login(world.other_org_professional)
    existing = PlanStep.objects.get(plan__goal=world.own_goal)
    assert client.get(url(world.own_goal)).status_code == 404
    assert (
        client.post(url(world.own_goal), plan_data(1, [step(StepActor.WMO, "Anders", id=existing.pk)])).status_code
        == 404
    )
    assert steps_of(world.own_goal) == [(1, StepActor.SELF, "Zelf de was doen")]
    assert not PlanVersion.objects.exists()
