"""Methods from the methodewijzer for a trajectory: recommendations with their reasons, and attaching a chosen
method to a step of the plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from steunwerk.access import log
from steunwerk.access.shortcuts import trajectory_or_404
from steunwerk.methods.access import methods_and_corpus_for, methods_for
from steunwerk.methods.forms import AttachForm, RecommendForm
from steunwerk.methods.models import Method
from steunwerk.methods.recommend import Profile, recommend
from steunwerk.support.models import PlanStep
from steunwerk.support.situation import profile_for_trajectory
from steunwerk.vocab import LogAction


def _plan_steps(request, trajectory):
    """The steps of the trajectory's plans, with their goal and method, in plan order (by goal, then step)."""
    return (
        PlanStep.objects.editable_by(request.actor)
        .filter(plan__goal__trajectory=trajectory)
        .select_related("plan__goal", "method")
        .order_by("plan__goal__priority", "order", "pk")
    )


@login_required
@require_safe
def trajectory_methods(request, pk):
    """Recommendations for this trajectory, with reasons; a chosen method can be attached to a plan step."""
    trajectory = trajectory_or_404(request, pk, write=True, detail="methoden voorstellen", related=("client",))
    initial = profile_for_trajectory(trajectory)
    form = RecommendForm(request.GET or None, initial=initial)
    if request.GET and not form.is_valid():
        return render(
            request,
            "methods/trajectory_methods.html",
            {"trajectory": trajectory, "client": trajectory.client, "form": form, "results": []},
            status=400,
        )
    profile = Profile.from_dict(form.profile_dict() if request.GET else initial)
    methods, corpus = methods_and_corpus_for(request.actor)
    results, notes = recommend(profile, methods, corpus, limit=12)
    steps = list(
        _plan_steps(request, trajectory).only(
            "order",
            "description",
            "plan",
            "plan__goal",
            "plan__goal__priority",
            "plan__goal__intended_result",
            "method",
            "method__name",
        )
    )
    return render(
        request,
        "methods/trajectory_methods.html",
        {
            "trajectory": trajectory,
            "client": trajectory.client,
            "form": form,
            "results": results,
            "notes": notes,
            "steps": steps,
            "file_access": True,
        },
    )


@login_required
@require_POST
def attach_method(request, pk):
    trajectory = trajectory_or_404(request, pk, write=True, action=None)
    visible_ids = [m.pk for m in methods_for(request.actor)]
    form = AttachForm(
        request.POST, steps=_plan_steps(request, trajectory), methods=Method.objects.filter(pk__in=visible_ids)
    )
    if not form.is_valid():
        messages.error(request, _("Kies een stap uit het plan van deze cliënt en een bestaande methode."))
        return render(request, "400.html", {"form": form}, status=400)
    step, method = form.cleaned_data["step"], form.cleaned_data["method"]
    with transaction.atomic():
        step.method = method
        step.save(update_fields=["method"])
        log.record(request.actor, LogAction.UPDATE, trajectory.client_id, step, f"methode gekoppeld: {method.slug}")
    messages.success(
        request,
        _("Methode %(method)s gekoppeld aan de stap “%(step)s”.") % {"method": method.name, "step": step.description},
    )
    return redirect("trajectory", pk=trajectory.pk)
