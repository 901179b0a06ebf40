"""The Plan van Aanpak as pages show it (each goal's steps in the book's four columns and on the resource ladder),
and the trajectory page's recent history (the last monitoring answers, the last phase changes).

Steps (and on the trajectory page the goals too) are read as plain values into small records, not as model
instances: a page shows a handful of their fields, and building instances with their linked method, network member
and provision costs Django several times what the database needs to find them. One query serves the trajectory
page, two the printed plan, however many goals and steps there are.
"""
from dataclasses import dataclass, field

from steunwerk.access.scope import Section, Shape, under
from steunwerk.accounts.models import shown_name
from steunwerk.support.ladder import SKIP_FIELDS, ladder, ladder_for
from steunwerk.support.models import ActionPlan, Goal, MonitoringCheck, PhaseChange, PlanStep, preference_lines
from steunwerk.vocab import PLAN_COLUMNS, OtherLaw, Phase

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
# Sorted here, not by the database: a handful of rows, and Django's ORDER BY over joined columns costs more to
# compile than this.
_STEP_ROWS = Shape(PlanStep, lambda steps: steps.order_by().values_list(*_STEP_VALUES))


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
    rows = under(parents, PlanStep, path, shape=_STEP_ROWS) if parents else ()
    for step in sorted((ShownStep(*row) for row in rows), key=lambda step: (step.order, step.id)):
        found.setdefault(step.plan_id, []).append(step)
    return found


def columns(steps):
    """Plan steps in the book's four columns: (label, steps)."""
    return [(label, [s for s in steps if s.actor in actors]) for _key, label, actors in PLAN_COLUMNS]


_SKIP_NAMES = list(SKIP_FIELDS.values())


def _goal_values(with_wishes):
    return ["pk", "priority", "intended_result", "preferences", "wish__text" if with_wishes else "wish_id", "plan__id",
            *(f"plan__{name}" for name in _SKIP_NAMES)]


# Goals, their plans and steps in one query (a goal with several steps comes back once per step); with or without
# the text of the wish a goal came from.
_GOAL_ROWS = {with_wishes: Shape(Goal, lambda goals, with_wishes=with_wishes: goals.order_by().values_list(
    *_goal_values(with_wishes), *(f"plan__steps__{name}" for name in _STEP_VALUES))) for with_wishes in (True, False)}


def goal_summaries(trajectory, with_wishes):
    """(goal, columns, ladder) for each goal of the trajectory, as the trajectory page shows them, from one query.
    The wish a goal came from belongs to the file: it is read only ``with_wishes`` (for a reader of the file)."""
    skip_names, goal_width = _SKIP_NAMES, len(_goal_values(with_wishes))
    goals, steps = {}, {}
    for row in under([trajectory], Goal, "trajectory", shape=_GOAL_ROWS[with_wishes]):
        goal_row, step_row = row[:goal_width], row[goal_width:]
        if goal_row[0] not in goals:
            goals[goal_row[0]] = ShownGoal(*goal_row[:4], goal_row[4] if with_wishes else None, *goal_row[5:6],
                                           skip_reasons=dict(zip(skip_names, goal_row[6:])))
        if step_row[2] is not None:  # the step's id: a goal without a plan or steps has none
            steps.setdefault(step_row[0], []).append(ShownStep(*step_row))
    shown = []
    for goal in sorted(goals.values(), key=lambda goal: (goal.priority, goal.pk)):
        plan_steps = sorted(steps.get(goal.plan_id, []), key=lambda step: (step.order, step.id))
        shown.append((goal, columns(plan_steps), ladder(plan_steps, goal.skip_reasons if goal.plan_id else None)))
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


@dataclass(frozen=True, slots=True)
class ShownClient:
    """A trajectory's client as the trajectory page names them: from the copy of the name on the trajectory, so
    the page reads nothing else of the client's file."""

    pk: int
    name: str


@dataclass(frozen=True, slots=True)
class ShownPhaseChange:
    from_phase: str
    to_phase: str
    note: str
    changed_at: object
    changed_by_first_name: str
    changed_by_last_name: str
    changed_by_username: str

    def get_from_phase_display(self):
        return Phase.label_of(self.from_phase)

    def get_to_phase_display(self):
        return Phase.label_of(self.to_phase)

    @property
    def changed_by(self):
        """Who changed the phase; nothing else of their account is read."""
        return shown_name(self.changed_by_first_name, self.changed_by_last_name, self.changed_by_username)


_PHASE_CHANGE_ROWS = Shape(PhaseChange, lambda changes: changes.values_list(
    "from_phase", "to_phase", "note", "changed_at", "changed_by__first_name", "changed_by__last_name",
    "changed_by__username"))


def recent_phase_changes(trajectory, count=5):
    """The last phase changes of the trajectory (read through the access layer for its plan), newest first."""
    return [ShownPhaseChange(*row) for row in under([trajectory], PhaseChange, "trajectory",
                                                     shape=_PHASE_CHANGE_ROWS)[:count]]


@dataclass(frozen=True, slots=True)
class ShownCheck:
    phase: str
    relationship: str
    activities: str
    connection: str
    note: str
    checked_at: object

    def get_phase_display(self):
        return Phase.label_of(self.phase)

    def get_relationship_display(self):
        return _ANSWERS.get(self.relationship, self.relationship)

    def get_activities_display(self):
        return _ANSWERS.get(self.activities, self.activities)

    def get_connection_display(self):
        return _ANSWERS.get(self.connection, self.connection)


_ANSWERS = dict(MonitoringCheck.Answer.choices)


_CHECK_ROWS = Shape(MonitoringCheck, lambda checks: checks.values_list(*ShownCheck.__dataclass_fields__))


def last_check(file_trajectory):
    """The last answers to the monitoring questions, or None. They belong to the file: for a trajectory whose file
    the actor may read."""
    rows = under([file_trajectory], MonitoringCheck, "trajectory", section=Section.FILE, shape=_CHECK_ROWS)[:1]
    return next((ShownCheck(*values) for values in rows), None)
