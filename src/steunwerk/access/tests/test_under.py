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
