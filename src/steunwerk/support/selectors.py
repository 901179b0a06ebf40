"""What the plan pages read, as querysets of model instances: a trajectory's goals with their plans and steps (each
goal's steps in the book's four columns and on the resource ladder), and its recent phase changes.

Everything here starts from a trajectory (or plan) fetched through the access layer for its plan, and reads rows of
the plan section beneath it through its related managers and prefetches.
"""

from django.db.models import Prefetch

from steunwerk.support.ladder import SKIP_FIELDS, ladder_for
from steunwerk.support.models import ActionPlan, PlanStep
from steunwerk.vocab import PLAN_COLUMNS

# What a plan page shows of a step, with the method, network member and provision it names.
STEP_RELATED = ("method", "network_member", "provision")
STEP_FIELDS = (
    "plan",
    "order",
    "description",
    "actor",
    "performer",
    "amount",
    "law",
    "method",
    "method__slug",
    "method__name",
    "network_member",
    "network_member__name",
    "provision",
    "provision__name",
)
# What the trajectory page shows of a goal and its plan.
GOAL_FIELDS = (
    "trajectory",
    "priority",
    "intended_result",
    "preferences",
    "wish",
    *(f"plan__{name}" for name in SKIP_FIELDS.values()),
)


def _steps(path):
    return Prefetch(path, queryset=PlanStep.objects.select_related(*STEP_RELATED).only(*STEP_FIELDS))


def plan_of(goal):
    """The goal's plan, or None before one is drawn up."""
    try:
        return goal.plan
    except ActionPlan.DoesNotExist:
        return None


def steps_of(plan):
    """The plan's steps as the plan pages show them, in the plan's order."""
    return plan.steps.select_related(*STEP_RELATED).only(*STEP_FIELDS)


def columns(steps):
    """Plan steps in the book's four columns: (label, steps)."""
    return [(label, [s for s in steps if s.actor in actors]) for _key, label, actors in PLAN_COLUMNS]


def _with_columns(goals):
    shown = []
    for goal in goals:
        plan = plan_of(goal)
        steps = list(plan.steps.all()) if plan else []
        shown.append((goal, columns(steps), ladder_for(plan, steps)))
    return shown


def goal_summaries(trajectory, with_wishes):
    """(goal, columns, ladder) for each goal of the trajectory, as the trajectory page shows them: two queries
    however many goals and steps. The wish a goal came from belongs to the file: it is read (``goal.wish``) only
    ``with_wishes``, for a reader of the file."""
    goals = trajectory.goals.select_related("plan", *(("wish",) if with_wishes else ()))
    fields = (*GOAL_FIELDS, "wish__text") if with_wishes else GOAL_FIELDS
    return _with_columns(goals.only(*fields).prefetch_related(_steps("plan__steps")))


def goals_with_plans(trajectory):
    """(goal, columns, ladder) for each goal, with the goal and its whole plan (the printed plan shows the plan's
    dates and notes too)."""
    return _with_columns(trajectory.goals.select_related("plan").prefetch_related(_steps("plan__steps")))


def recent_phase_changes(trajectory, count=5):
    """The last phase changes of the trajectory, newest first, with who made them."""
    return trajectory.phase_changes.select_related("changed_by").only(
        "trajectory",
        "from_phase",
        "to_phase",
        "note",
        "changed_at",
        "changed_by__first_name",
        "changed_by__last_name",
        "changed_by__username",
    )[:count]
