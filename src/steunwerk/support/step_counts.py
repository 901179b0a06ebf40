"""The number of plan steps per actor, kept on each trajectory (Trajectory.steps_<actor>).

Plan steps are written in several places (the plan form, the demo, tests), so the counts follow the steps
through signals: after any step is saved or deleted, its trajectory is counted again (one grouped query over
that trajectory's steps, one update). This is bookkeeping, not a read on anyone's behalf: it runs as the
operator and shows nothing to anybody.
"""
from django.db import transaction
from django.db.models import Count
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from steunwerk.access.actor import Actor
from steunwerk.access.scope import visible
from steunwerk.vocab import StepActor

FIELDS = {actor: f"steps_{actor}" for actor in StepActor.values}


def recount(trajectory_id):
    from steunwerk.support.models import PlanStep, Trajectory

    operator = Actor.system("stappentelling")
    with transaction.atomic():
        # Lock the trajectory first: two plans of it saved at once are then counted one after the other, each
        # seeing the other's committed steps (PostgreSQL; SQLite writes one at a time anyway).
        list(visible(Trajectory, operator).select_for_update().filter(pk=trajectory_id).values_list("pk"))
        rows = (visible(PlanStep, operator).filter(plan__goal__trajectory_id=trajectory_id)
                .values("actor").annotate(n=Count("id")).order_by())
        counts = dict.fromkeys(FIELDS.values(), 0)
        for row in rows:
            if row["actor"] in FIELDS:
                counts[FIELDS[row["actor"]]] = row["n"]
        visible(Trajectory, operator).filter(pk=trajectory_id).update(**counts)


def _trajectory_id(step):
    from django.core.exceptions import ObjectDoesNotExist

    try:
        return step.plan.goal.trajectory_id
    except ObjectDoesNotExist:  # the plan or goal is being deleted with it: the trajectory is going as well
        return None


@receiver(post_save, sender="support.PlanStep", dispatch_uid="plan_step_saved")
@receiver(post_delete, sender="support.PlanStep", dispatch_uid="plan_step_deleted")
def step_changed(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and not {"actor", "plan"} & set(update_fields):
        return  # e.g. a method or network member linked to the step: the count per actor stays as it is
    trajectory_id = _trajectory_id(instance)
    if trajectory_id is not None:
        recount(trajectory_id)
