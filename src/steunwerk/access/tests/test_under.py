"""access.scope.under(): the rows beneath parents the caller already holds, and only those."""
import pytest

from steunwerk.access.scope import under
from steunwerk.support.models import Goal, PlanStep
from steunwerk.vocab import StepActor


def test_it_gives_the_rows_beneath_the_parents_and_no_others(world):
    own = PlanStep.objects.create(plan=world.own_goal.plan, order=9, actor=StepActor.SELF, description="Boodschappen")
    other = PlanStep.objects.filter(plan__goal__trajectory=world.other_org_trajectory)
    assert other.exists()  # the other organisation's plan has steps, which must stay out
    found = set(under([world.own_trajectory], PlanStep, "plan__goal__trajectory"))
    assert own in found
    assert found == set(PlanStep.objects.filter(plan__goal__trajectory=world.own_trajectory))
    assert set(under([world.own_goal.plan], PlanStep, "plan")) == found


def test_it_refuses_parents_of_another_kind(world):
    with pytest.raises(TypeError):
        under([world.own_goal], PlanStep, "plan")  # a goal is not a plan, even with the same number
    with pytest.raises(TypeError):
        under([world.own_trajectory.pk], PlanStep, "plan__goal__trajectory")  # ids are not objects


def test_without_parents_it_finds_nothing(world):
    assert list(under([], Goal, "trajectory")) == []


def test_it_refuses_rows_of_the_file_under_parents_fetched_for_the_plan(world):
    from steunwerk.access.scope import Section
    from steunwerk.support.models import LogbookEntry

    with pytest.raises(TypeError):
        under([world.own_trajectory], LogbookEntry, "trajectory")  # a plan reader may not read the logbook
    assert list(under([world.own_trajectory], LogbookEntry, "trajectory", section=Section.FILE)) == list(
        LogbookEntry.objects.filter(trajectory=world.own_trajectory))


def test_a_shape_reads_the_rows_beneath_each_new_parent_and_keeps_none(world):
    from steunwerk.access.scope import Shape

    shape = Shape(Goal, lambda goals: goals.order_by("pk").values_list("pk", "intended_result"))
    own = list(under([world.own_trajectory], Goal, "trajectory", shape=shape))
    other = list(under([world.other_org_trajectory], Goal, "trajectory", shape=shape))
    assert own == list(Goal.objects.filter(trajectory=world.own_trajectory).order_by("pk")
                       .values_list("pk", "intended_result"))
    assert other and not set(own) & set(other)
    new = Goal.objects.create(trajectory=world.own_trajectory, organisation=world.org, priority=9,
                              intended_result="Weer zelf koken")
    assert (new.pk, "Weer zelf koken") in list(under([world.own_trajectory], Goal, "trajectory", shape=shape))
    with pytest.raises(TypeError):
        list(shape)  # a shape is not a list of rows: it is only ever narrowed by the access layer
    assert not hasattr(shape, "filter") and not hasattr(shape, "all")


def test_a_shape_of_another_model_is_refused(world):
    from steunwerk.access.scope import Shape

    with pytest.raises(TypeError):
        under([world.own_trajectory], Goal, "trajectory", shape=Shape(PlanStep, lambda steps: steps.all()))
