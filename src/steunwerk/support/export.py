"""The whole trajectory as JSON (data portability). Callers fetch the trajectory through the access layer."""

from django.db.models import Prefetch

from steunwerk.support.models import ActionPlan, Goal, PlanStep, Trajectory
from steunwerk.vocab import Phase

EXPORT_FORMAT = "steunwerk.trajectory/1"


def export_queryset(queryset):
    """Prefetch everything the export needs, in a fixed number of queries."""
    return queryset.select_related("client", "team", "team__organisation", "lead").prefetch_related(
        "client__network",
        "profile_entries",
        "important_wishes",
        "quality_entries",
        "logbook",
        "evaluations",
        Prefetch(
            "goals", queryset=Goal.objects.select_related("wish").prefetch_related("options").order_by("priority", "id")
        ),
        Prefetch(
            "goals__plan",
            queryset=ActionPlan.objects.prefetch_related(
                Prefetch(
                    "steps",
                    queryset=PlanStep.objects.select_related("method", "network_member", "provision").order_by(
                        "order", "id"
                    ),
                )
            ),
        ),
    )


def _date(value):
    return value.isoformat() if value else None


def _goal(goal):
    try:
        plan = goal.plan
    except ActionPlan.DoesNotExist:
        plan = None
    return {
        "id": goal.pk,
        "priority": goal.priority,
        "intended_result": goal.intended_result,
        "domain": goal.domain or None,
        "wish": goal.wish.text if goal.wish else None,
        "preferences": goal.preference_list(),
        "options": [{"text": o.text, "pros": o.pros, "cons": o.cons, "rank": o.rank} for o in goal.options.all()],
        "plan": plan_snapshot(plan) if plan else None,
        "steps": [step_dict(s) for s in plan.steps.all()] if plan else [],
    }


def step_dict(step):
    return {
        "order": step.order,
        "description": step.description,
        "by": step.actor,
        "performer": step.performer,
        "amount": step.amount,
        "law": step.law or None,
        "network_member": {"id": step.network_member_id, "name": step.network_member.name}
        if step.network_member_id
        else None,
        "provision": {"id": step.provision.hsds_id, "name": step.provision.name} if step.provision_id else None,
        "method": {"slug": step.method.slug, "name": step.method.name} if step.method_id else None,
    }


def plan_snapshot(plan):
    return {
        "version": plan.version,
        "drawn_up_on": _date(plan.drawn_up_on),
        "evaluation_on": _date(plan.evaluation_on),
        "needed_aids": plan.needed_aids,
        "ladder_note": plan.ladder_note,
        "steps": [step_dict(s) for s in plan.steps.all()],
    }


def _cells(entries, row_attr):
    grid = {}
    for e in entries:
        if e.text:
            grid.setdefault(getattr(e, row_attr), {})[e.aspect] = {"text": e.text, "voice": e.voice}
    return grid


def export_trajectory(trajectory: Trajectory):
    client = trajectory.client
    return {
        "format": EXPORT_FORMAT,
        "id": trajectory.pk,
        "client": {
            "id": client.pk,
            "name": client.name,
            "date_of_birth": _date(client.date_of_birth),
            "bsn": client.bsn or None,
            "address": {"street": client.street_address, "postcode": client.postcode, "city": client.city},
            "neighbourhood": client.neighbourhood,
            "phone": client.phone,
            "email": client.email,
            "limitations": list(client.limitations),
            "wanted_helpers": client.wanted_helpers,
            "unwanted_helpers": client.unwanted_helpers,
        },
        "organisation": trajectory.team.organisation.name,
        "team": trajectory.team.name,
        "status": trajectory.status,
        "phase": trajectory.phase,
        "phase_number": Phase.number(trajectory.phase),
        "phase_label": str(Phase(trajectory.phase).label),
        "request": trajectory.request,
        "started_on": _date(trajectory.started_on),
        "closed_on": _date(trajectory.closed_on),
        "personal_profile": {
            "domains": _cells(trajectory.profile_entries.all(), "domain"),
            "important_wishes": [
                {"rank": w.rank, "text": w.text, "domain": w.domain or None, "voice": w.voice}
                for w in trajectory.important_wishes.all()
            ],
        },
        "quality_of_life": _cells(trajectory.quality_entries.all(), "dimension"),
        "network": [
            {
                "id": m.pk,
                "name": m.name,
                "relation": m.relation,
                "circle": str(m.circle),
                "support": list(m.support),
                "frequency": m.frequency or None,
                "gives_back": m.gives_back,
                "load": m.load,
                "involvement": m.involvement,
                "sees_own_plan_steps": m.shares_plan_steps,
            }
            for m in client.network.all()
        ],
        "goals": [_goal(g) for g in trajectory.goals.all()],
        "log": [
            {"date": _date(e.date), "place": e.place, "present": e.present, "notes": e.notes}
            for e in sorted(trajectory.logbook.all(), key=lambda e: (e.date, e.pk))
        ],
        "evaluations": [
            {
                "date": _date(e.date),
                "went_well": e.went_well,
                "learned": e.learned,
                "process": e.process,
                "result": e.result,
                "plan_changes": e.plan_changes,
                "self_evaluation": e.self_evaluation,
            }
            for e in sorted(trajectory.evaluations.all(), key=lambda e: (e.date, e.pk))
        ],
    }
