"""Each trajectory's count of plan steps per actor (support.step_counts) follows every change of its steps."""
from django.urls import reverse

from steunwerk.clients.models import Client
from steunwerk.support.models import PlanStep, Trajectory
from steunwerk.support.step_counts import FIELDS
from steunwerk.support.tests.helpers import plan_data, step
from steunwerk.vocab import StepActor


def counts(trajectory):
    row = Trajectory.objects.values(*FIELDS.values()).get(pk=trajectory.pk)
    return {actor: row[field] for actor, field in FIELDS.items() if row[field]}


def real_counts(trajectory):
    counted = {}
    for actor in PlanStep.objects.filter(plan__goal__trajectory=trajectory).values_list("actor", flat=True):
        counted[actor] = counted.get(actor, 0) + 1
    return counted


def test_the_fixture_plan_is_counted(world):
    assert counts(world.own_trajectory) == {"self": 1}


def test_saving_the_plan_form_recounts_added_changed_and_removed_steps(world, login):
    existing = world.own_goal.plan.steps.get()
    data = plan_data(1, [
        {**step(StepActor.NETWORK, "Zelf de was doen", "Buurman"), "id": existing.pk},  # the actor changes
        step(StepActor.WMO, "Huishoudelijke hulp", "Thuiszorg", "2 uur per week"),
        step(StepActor.WMO, "Begeleiding", "Zorgaanbieder"),
    ])
    response = login(world.professional).post(reverse("plan_edit", args=[world.own_goal.pk]), data)
    assert response.status_code == 302
    assert counts(world.own_trajectory) == {"network": 1, "wmo": 2} == real_counts(world.own_trajectory)

    steps = list(world.own_goal.plan.steps.order_by("order"))
    data = plan_data(2, [{**step(s.actor, s.description, s.performer), "id": s.pk, "DELETE": s.actor == "wmo"}
                         for s in steps])
    login(world.professional).post(reverse("plan_edit", args=[world.own_goal.pk]), data)
    assert counts(world.own_trajectory) == {"network": 1} == real_counts(world.own_trajectory)


def test_counts_stay_per_trajectory(world):
    PlanStep.objects.create(plan=world.other_team_goal.plan, actor=StepActor.PROFESSIONAL, description="Gesprek")
    assert counts(world.own_trajectory) == {"self": 1}
    assert counts(world.other_team_trajectory) == {"self": 1, "professional": 1}


def test_deleting_a_client_with_its_plans_does_not_fail(world):
    Client.objects.filter(pk=world.own_client.pk).delete()
    assert not Trajectory.objects.filter(pk=world.own_trajectory.pk).exists()
    assert counts(world.other_team_trajectory) == {"self": 1}


def test_the_demo_keeps_the_counts_true(db):
    from steunwerk.support.demo import load

    load()
    for trajectory in Trajectory.objects.all():
        assert counts(trajectory) == real_counts(trajectory), trajectory


def test_saving_the_trajectory_never_writes_back_old_counts_or_an_old_name(world, login):
    """Another request recounted (or the client was renamed) after this one loaded the trajectory."""
    stale = Trajectory.objects.get(pk=world.own_trajectory.pk)
    PlanStep.objects.create(plan=world.own_goal.plan, actor=StepActor.WMO, description="Huishoudelijke hulp")
    renamed = Client.objects.get(pk=world.own_client.pk)
    renamed.name = "Bram de Wit-Jansen"
    renamed.save()
    stale.complexity = "complex"
    stale.save()  # a full save, as a model form does
    fresh = Trajectory.objects.get(pk=world.own_trajectory.pk)
    assert (fresh.complexity, fresh.client_name) == ("complex", "Bram de Wit-Jansen")
    assert counts(fresh) == {"self": 1, "wmo": 1}


def test_linking_a_method_to_a_step_does_not_recount(world, monkeypatch):
    from steunwerk.support import step_counts

    calls = []
    monkeypatch.setattr(step_counts, "recount", calls.append)
    step = world.own_goal.plan.steps.get()
    step.performer = "Bram"
    step.save(update_fields=["performer"])
    assert calls == []
    step.actor = StepActor.NETWORK
    step.save(update_fields=["actor"])
    assert calls == [world.own_trajectory.pk]
