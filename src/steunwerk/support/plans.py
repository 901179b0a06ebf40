"""Saving a Plan van Aanpak: one version per save, and never a silent overwrite of someone else's change."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from steunwerk.access import log
from steunwerk.support.export import plan_snapshot
from steunwerk.support.models import ActionPlan, PlanVersion
from steunwerk.vocab import LogAction


class StalePlan(Exception):
    """The plan was changed by someone else since this form was opened."""


def save_plan(actor, goal, plan_form, step_formset, expected_version):
    """Save header and steps as one new version. Raises StalePlan when expected_version is out of date."""
    plan = plan_form.instance
    try:
        with transaction.atomic():
            if plan.pk:
                claimed = (
                    ActionPlan.objects.editable_by(actor)
                    .filter(pk=plan.pk, version=expected_version)
                    .update(version=F("version") + 1, updated_at=timezone.now())
                )
                if not claimed:
                    raise StalePlan
                plan.version = expected_version + 1
            plan = plan_form.save(commit=False)
            plan.goal = goal
            plan.updated_by = actor.user
            plan.save()
            _save_steps(plan, step_formset)
            PlanVersion.objects.create(
                plan=plan, number=plan.version, snapshot=plan_snapshot(plan), saved_by=actor.user
            )
            log.record(
                actor,
                LogAction.UPDATE if plan.version > 1 else LogAction.CREATE,
                goal.trajectory.client_id,
                plan,
                f"Plan van Aanpak versie {plan.version}",
            )
    except IntegrityError as exc:
        # Two people creating the first version of the same plan at once.
        raise StalePlan from exc
    return plan


def _save_steps(plan, step_formset):
    """Save the steps in the order shown; empty extra rows are skipped, ticked rows removed."""
    kept = 0
    for form in step_formset.forms:
        if not form.instance.pk and not form.has_changed():
            continue
        if form.cleaned_data.get("DELETE"):
            if form.instance.pk:
                form.instance.delete()
            continue
        kept += 1
        step = form.save(commit=False)
        step.plan, step.order = plan, kept
        step.save()
