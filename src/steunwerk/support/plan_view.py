"""The Plan van Aanpak as pages show it: each goal's steps in the book's four columns and on the resource ladder.

Steps (and on the trajectory page the goals too) are read as plain values into small records, not as model
instances: a page shows a handful of their fields, and building instances with their linked method, network member
and provision costs Django several times what the database needs to find them. Two queries serve a whole
trajectory, however many goals and steps it has.
"""
from dataclasses import dataclass, field

from steunwerk.access.scope import under
from steunwerk.support.ladder import SKIP_FIELDS, ladder, ladder_for
from steunwerk.support.models import ActionPlan, PlanStep, preference_lines
from steunwerk.vocab import PLAN_COLUMNS, OtherLaw

_LAW_LABELS = dict(OtherLaw.choices)


@dataclass(frozen=True, slots=True)
class ShownStep:
    plan_id: int
    order: int
    id: int
    description: str
    actor: str
    performer: str
    amount: str
    law: str
    method_slug: str | None
    method_name: str | None
    network_member_name: str | None
    provision_name: str | None

    @property
    def law_label(self):
        return _LAW_LABELS.get(self.law, self.law)


# The columns behind ShownStep's fields, in their order.
_STEP_VALUES = ["plan_id", "order", "id", "description", "actor", "performer", "amount", "law", "method__slug",
                "method__name", "network_member__name", "provision__name"]


@dataclass(slots=True)
class ShownGoal:
    """What the trajectory page shows of a goal, its wish and its plan."""

    pk: int
    priority: int
    intended_result: str
    preferences: str
    wish_text: str | None
    plan_id: int | None
    skip_reasons: dict = field(default_factory=dict)

    def preference_list(self):
        return preference_lines(self.preferences)


def steps_under(parents, path):
    """The steps under these goals, plans or trajectories (read through the access layer already), per plan id,
    in each plan's order."""
    found = {}
    rows = under(parents, PlanStep, path).order_by().values_list(*_STEP_VALUES) if parents else ()
    # Sorted here: a handful of rows, and Django's ORDER BY over joined columns costs more to compile than this.
    for step in sorted((ShownStep(*row) for row in rows), key=lambda step: (step.order, step.id)):
        found.setdefault(step.plan_id, []).append(step)
    return found


def columns(steps):
    """Plan steps in the book's four columns: (label, steps)."""
    return [(label, [s for s in steps if s.actor in actors]) for _key, label, actors in PLAN_COLUMNS]


def goal_summaries(trajectory):
    """(goal, columns, ladder) for each goal of the trajectory, as the trajectory page shows them."""
    skip_names = list(SKIP_FIELDS.values())
    rows = trajectory.goals.order_by().values_list(
        "pk", "priority", "intended_result", "preferences", "wish__text", "plan__id", *(f"plan__{n}" for n in skip_names))
    goals = sorted((ShownGoal(*row[:6], skip_reasons=dict(zip(skip_names, row[6:]))) for row in rows),
                   key=lambda goal: (goal.priority, goal.pk))
    steps = steps_under([trajectory], "plan__goal__trajectory") if any(goal.plan_id for goal in goals) else {}
    shown = []
    for goal in goals:
        plan_steps = steps.get(goal.plan_id, [])
        shown.append((goal, columns(plan_steps),
                      ladder(plan_steps, goal.skip_reasons if goal.plan_id else None)))
    return shown


def goals_with_plans(trajectory):
    """(goal, columns, ladder) for each goal, with the goal and its whole plan as model instances (the printed plan
    shows the plan's dates and notes too)."""
    goals = list(trajectory.goals.select_related("plan"))
    steps = steps_under([trajectory], "plan__goal__trajectory") if goals else {}
    shown = []
    for goal in goals:
        plan = plan_of(goal)
        plan_steps = steps.get(plan.pk, []) if plan else []
        shown.append((goal, columns(plan_steps), ladder_for(plan, plan_steps)))
    return shown


def plan_of(goal):
    """The goal's plan, or None before one is drawn up."""
    try:
        return goal.plan
    except ActionPlan.DoesNotExist:
        return None
