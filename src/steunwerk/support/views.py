import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from steunwerk.access import log
from steunwerk.access.scope import Section, can_edit, can_read_section
from steunwerk.access.shortcuts import trajectory_or_404
from steunwerk.http import require_GET_or_POST
from steunwerk.methods.access import usable_methods
from steunwerk.resources.access import offered_services
from steunwerk.support import forms as f
from steunwerk.support import selectors
from steunwerk.support.export import export_queryset, export_trajectory
from steunwerk.support.ladder import ladder_for
from steunwerk.support.models import ActionPlan, Goal, ImportantWish, Option, PhaseChange, PlanStep, Trajectory
from steunwerk.support.network import take_snapshot
from steunwerk.support.plans import StalePlan, save_plan
from steunwerk.vocab import MONITORING_QUESTIONS, PHASE_GOALS, PLAN_COLUMNS, LogAction, Phase, StepActor


def _file_access(actor, trajectory):
    """May this actor open the file pages (profile, quality of life, logbook, evaluations) of this trajectory?"""
    return can_read_section(actor, trajectory, Section.FILE)  # true at once for the team holding it


def _concurrent_edit(request, template, context):
    """Two people saved the same form at the same moment: nothing of this save was stored."""
    messages.error(
        request,
        _(
            "Iemand anders sloeg dit formulier op hetzelfde moment op. Uw wijzigingen zijn niet "
            "opgeslagen: laad de pagina opnieuw en voer ze nog eens in."
        ),
    )
    log.record(
        request.actor, LogAction.READ, context["client"].pk, context.get("trajectory"), "gelijktijdige wijziging"
    )
    return render(request, template, context, status=409)


def _invalid(request, template, context):
    """Re-show a rejected form. The page shows the file again, so that is a read in the access log too."""
    messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
    if context.get("client") is not None:
        log.record(
            request.actor, LogAction.READ, context["client"].pk, context.get("trajectory"), "na ongeldige invoer"
        )
    return render(request, template, context, status=400)


@login_required
@require_safe
def trajectory_detail(request, pk):
    # The page names the client from the copy of the name on the trajectory: it reads nothing of the client's file.
    trajectory = trajectory_or_404(request, pk, detail="traject", related=("team", "lead"))
    file_access = can_read_section(request.actor, trajectory, Section.FILE)
    goals = selectors.goal_summaries(trajectory, with_wishes=file_access)
    phases = [(value, label, PHASE_GOALS[value]) for value, label in Phase.choices]
    return render(
        request,
        "support/trajectory.html",
        {
            "trajectory": trajectory,
            "phases": phases,
            "phase_goal": PHASE_GOALS[trajectory.phase],
            "monitoring_questions": MONITORING_QUESTIONS,
            "goals": goals,
            "plan_column_labels": [label for _k, label, _a in PLAN_COLUMNS],
            "file_access": file_access,
            "can_edit": can_edit(request.actor, trajectory),
            # The monitoring answers belong to the file, beneath a trajectory fetched for its plan: asked of the layer.
            "last_check": trajectory.monitoring_checks.visible_to(request.actor).first() if file_access else None,
            "phase_form": f.PhaseForm(initial={"phase": trajectory.phase}),
            "situation_form": f.SituationForm(instance=trajectory, auto_id="id_situation_%s"),
            "phase_changes": selectors.recent_phase_changes(trajectory),
        },
    )


@login_required
@require_POST
def trajectory_phase(request, pk):
    """Move to any phase, forward or back: the method is not a rigid wizard."""
    trajectory = trajectory_or_404(request, pk, write=True, action=None)
    form = f.PhaseForm(request.POST)
    if not form.is_valid():
        return render(request, "400.html", {"form": form}, status=400)
    new_phase = form.cleaned_data["phase"]
    if new_phase != trajectory.phase:
        with transaction.atomic():
            PhaseChange.objects.create(
                trajectory=trajectory,
                from_phase=trajectory.phase,
                to_phase=new_phase,
                note=form.cleaned_data["note"],
                changed_by=request.user,
            )
            trajectory.phase = new_phase
            trajectory.save(update_fields=["phase"])
            log.record(request.actor, LogAction.UPDATE, trajectory.client_id, trajectory, f"fase: {new_phase}")
        messages.success(request, _("Fase gewijzigd naar: %(phase)s") % {"phase": Phase(new_phase).label})
    return redirect("trajectory", pk=pk)


@login_required
@require_POST
def trajectory_situation(request, pk):
    trajectory = trajectory_or_404(request, pk, write=True, action=None)
    form = f.SituationForm(request.POST, instance=trajectory)
    if not form.is_valid():
        return render(request, "400.html", {"form": form}, status=400)
    with transaction.atomic():
        form.save()
        log.record(request.actor, LogAction.UPDATE, trajectory.client_id, trajectory, "situatie: complexiteit en doel")
    messages.success(request, _("Situatie opgeslagen."))
    return redirect("trajectory", pk=pk)


@login_required
@require_GET_or_POST
def monitoring_new(request, pk):
    """The three monitoring questions for the current phase, on a page of their own (the trajectory page links
    here, so it does not build a form with nine radio buttons on every visit)."""
    trajectory = trajectory_or_404(
        request,
        pk,
        section=Section.FILE,
        write=True,
        action=LogAction.READ if request.method == "GET" else None,
        detail="monitoring",
    )
    form = f.MonitoringForm(request.POST or None)
    context = {
        "trajectory": trajectory,
        "client": trajectory.client,
        "form": form,
        "file_access": True,
        "phase_goal": PHASE_GOALS[trajectory.phase],
        "monitoring_questions": MONITORING_QUESTIONS,
    }
    if request.method != "POST":
        return render(request, "support/monitoring_form.html", context)
    if not form.is_valid():
        return _invalid(request, "support/monitoring_form.html", context)
    with transaction.atomic():
        check = form.save(commit=False)
        check.trajectory, check.phase, check.checked_by = trajectory, trajectory.phase, request.user
        check.save()
        log.record(request.actor, LogAction.CREATE, trajectory.client_id, check, "monitoring")
    messages.success(request, _("Monitoring vastgelegd."))
    return redirect("trajectory", pk=pk)


def _save_grid(manager, existing, form, row_field, user):
    changed = 0
    for row, col, text, voice in form.cells():
        entry = existing.get((row, col))
        if entry is None:
            if text:
                manager.create(aspect=col, text=text, voice=voice, recorded_by=user, **{row_field: row})
                changed += 1
        elif entry.text != text or entry.voice != voice:
            entry.text, entry.voice, entry.recorded_by = text, voice, user
            entry.save()
            changed += 1
    return changed


def _grid_entries(manager, row_field):
    return {(getattr(e, row_field), e.aspect): e for e in manager.select_related("recorded_by")}


@login_required
@require_GET_or_POST
def profile(request, pk):
    """Persoonlijk Profiel: the client's own words first; every cell records whose words they are."""
    write = request.method == "POST"
    trajectory = trajectory_or_404(
        request,
        pk,
        section=Section.FILE,
        write=write,
        action=None if write else LogAction.READ,
        detail="persoonlijk profiel",
    )
    entries = _grid_entries(trajectory.profile_entries, "domain")
    wishes = list(trajectory.important_wishes.all())
    form = f.ProfileForm(request.POST or None, entries=entries, wishes=wishes)
    context = {
        "trajectory": trajectory,
        "client": trajectory.client,
        "form": form,
        "entries": entries,
        "can_edit": can_edit(request.actor, trajectory),
        "file_access": True,
    }
    if write:
        if not form.is_valid():
            return _invalid(request, "support/profile.html", context)
        try:
            with transaction.atomic():
                _save_grid(trajectory.profile_entries, entries, form, "domain", request.user)
                _save_wishes(trajectory, wishes, form.wishes(), request.user)
                log.record(request.actor, LogAction.UPDATE, trajectory.client_id, trajectory, "persoonlijk profiel")
        except IntegrityError:
            return _concurrent_edit(request, "support/profile.html", context)
        messages.success(request, _("Persoonlijk Profiel opgeslagen."))
        return redirect("profile", pk=pk)
    return render(request, "support/profile.html", context)


def _save_wishes(trajectory, existing, wanted, user):
    """Rewrite the ranked wishes; a wish kept by its text keeps its row (and so its link to a goal)."""
    by_text = {}  # a text may be given twice: keep a list, or the second row is orphaned and later collides
    for wish in existing:
        by_text.setdefault(wish.text, []).append(wish)
    for offset, wish in enumerate(existing):  # park ranks so the unique (trajectory, rank) holds at each step
        wish.rank = 1000 + offset
        wish.save(update_fields=["rank"])
    for rank, (text, domain, voice) in enumerate(wanted, start=1):
        same_text = by_text.get(text)
        wish = same_text.pop(0) if same_text else ImportantWish(trajectory=trajectory, text=text, recorded_by=user)
        if (wish.domain, wish.voice) != (domain, voice):
            wish.recorded_by = user
        wish.rank, wish.domain, wish.voice = rank, domain, voice
        wish.save()
    for left_over in by_text.values():
        for wish in left_over:
            wish.delete()


@login_required
@require_GET_or_POST
def quality(request, pk):
    """Kwaliteit van bestaan: eight dimensions × barriers, wishes, needed and present support."""
    write = request.method == "POST"
    trajectory = trajectory_or_404(
        request,
        pk,
        section=Section.FILE,
        write=write,
        action=None if write else LogAction.READ,
        detail="kwaliteit van bestaan",
    )
    entries = _grid_entries(trajectory.quality_entries, "dimension")
    form = f.QualityForm(request.POST or None, entries=entries)
    context = {
        "trajectory": trajectory,
        "client": trajectory.client,
        "form": form,
        "entries": entries,
        "can_edit": can_edit(request.actor, trajectory),
        "file_access": True,
    }
    if write:
        if not form.is_valid():
            return _invalid(request, "support/quality.html", context)
        try:
            with transaction.atomic():
                _save_grid(trajectory.quality_entries, entries, form, "dimension", request.user)
                log.record(request.actor, LogAction.UPDATE, trajectory.client_id, trajectory, "kwaliteit van bestaan")
        except IntegrityError:
            return _concurrent_edit(request, "support/quality.html", context)
        messages.success(request, _("Kwaliteit van bestaan opgeslagen."))
        return redirect("quality", pk=pk)
    return render(request, "support/quality.html", context)


def _goal_form_view(request, trajectory, goal=None):
    form = f.GoalForm(request.POST or None, instance=goal, trajectory=trajectory)
    context = {"trajectory": trajectory, "client": trajectory.client, "form": form, "goal": goal, "file_access": True}
    if request.method == "POST":
        if not form.is_valid():
            return _invalid(request, "support/goal_form.html", context)
        with transaction.atomic():
            saved = form.save(commit=False)
            saved.trajectory = trajectory
            saved.save()
            log.record(
                request.actor, LogAction.UPDATE if goal else LogAction.CREATE, trajectory.client_id, saved, "doel"
            )
        messages.success(request, _("Doel opgeslagen."))
        return redirect("options", pk=saved.pk) if goal is None else redirect("trajectory", pk=trajectory.pk)
    return render(request, "support/goal_form.html", context)


@login_required
@require_GET_or_POST
def goal_new(request, pk):
    trajectory = trajectory_or_404(request, pk, write=True, action=None)
    return _goal_form_view(request, trajectory)


@login_required
@require_GET_or_POST
def goal_edit(request, pk):
    goal = get_object_or_404(Goal.objects.editable_by(request.actor), pk=pk)
    trajectory = trajectory_or_404(
        request,
        goal.trajectory_id,
        write=True,
        action=None if request.method == "POST" else LogAction.READ,
        detail="doel",
    )
    return _goal_form_view(request, trajectory, goal)


def _goal_and_trajectory(request, pk, write, detail):
    goals = Goal.objects.editable_by(request.actor) if write else Goal.objects.visible_to(request.actor)
    goal = get_object_or_404(goals, pk=pk)
    trajectory = trajectory_or_404(
        request, goal.trajectory_id, write=write, action=None if write else LogAction.READ, detail=detail
    )
    return goal, trajectory


@login_required
@require_GET_or_POST
def options(request, pk):
    """Werkblad Opties: brainstorm options, weigh pros and cons, choose the two best."""
    write = request.method == "POST"
    goal, trajectory = _goal_and_trajectory(request, pk, write, "werkblad opties")
    form = f.OptionForm(request.POST or None)
    context = {
        "trajectory": trajectory,
        "client": trajectory.client,
        "goal": goal,
        "form": form,
        "options": goal.options.all(),
        "choice_form": f.ChoiceForm(goal=goal),
        "can_edit": can_edit(request.actor, trajectory),
        "file_access": _file_access(request.actor, trajectory),
    }
    if write:
        if not form.is_valid():
            return _invalid(request, "support/options.html", context)
        with transaction.atomic():
            option = form.save(commit=False)
            option.goal = goal
            option.save()
            log.record(request.actor, LogAction.CREATE, trajectory.client_id, option, "optie")
        messages.success(request, _("Optie toegevoegd."))
        return redirect("options", pk=goal.pk)
    return render(request, "support/options.html", context)


@login_required
@require_POST
def options_choose(request, pk):
    goal, trajectory = _goal_and_trajectory(request, pk, True, "werkblad opties")
    form = f.ChoiceForm(request.POST, goal=goal)
    if not form.is_valid():
        context = {
            "trajectory": trajectory,
            "client": trajectory.client,
            "goal": goal,
            "form": f.OptionForm(),
            "options": goal.options.all(),
            "choice_form": form,
            "can_edit": True,
            "file_access": True,
        }
        return _invalid(request, "support/options.html", context)
    with transaction.atomic():
        goal.options.update(rank=None)
        for rank, key in ((Option.Rank.BEST, "best"), (Option.Rank.SECOND, "second")):
            if form.cleaned_data[key]:
                goal.options.filter(pk=form.cleaned_data[key].pk).update(rank=rank)
        log.record(request.actor, LogAction.UPDATE, trajectory.client_id, goal, "beste opties gekozen")
    messages.success(request, _("Keuze opgeslagen."))
    return redirect("options", pk=goal.pk)


@login_required
@require_GET_or_POST
def plan_edit(request, pk):
    """Plan van Aanpak for one goal. A stale form gets a conflict message, never a silent overwrite."""
    write = request.method == "POST"
    goal, trajectory = _goal_and_trajectory(request, pk, write, "plan van aanpak")
    plan = selectors.plan_of(goal) or ActionPlan(goal=goal)
    editor = can_edit(request.actor, trajectory)
    saved_steps = list(selectors.steps_of(plan)) if plan.pk else []
    plan_form = f.PlanForm(request.POST or None, instance=plan, initial={"version": plan.version if plan.pk else 0})
    steps = f.StepFormSet(
        request.POST or None,
        instance=plan,
        prefix="steps",
        # A reader without the right to edit gets no form, and so no list of the client's network.
        form_kwargs={
            "methods": usable_methods(request.actor),
            "network": (trajectory.client.network.all() if editor else trajectory.client.network.none()),
            "provisions": offered_services(request.actor),
        },
        queryset=plan.steps.all() if plan.pk else PlanStep.objects.none(),
    )
    context = {
        "trajectory": trajectory,
        "client": trajectory.client,
        "goal": goal,
        "plan": plan,
        "can_edit": editor,
        "form": plan_form,
        "steps": steps,
        "columns": selectors.columns(saved_steps),
        "ladder": ladder_for(plan, saved_steps),
        "options": goal.options.exclude(rank=None).order_by("rank"),
        "client_unwanted": trajectory.client.unwanted_helpers,
        "file_access": _file_access(request.actor, trajectory),
    }
    if not write:
        return render(request, "support/plan_form.html", context)
    if not (plan_form.is_valid() and steps.is_valid()):
        return _invalid(request, "support/plan_form.html", context)
    expected = plan_form.cleaned_data.get("version") or 0
    try:
        save_plan(request.actor, goal, plan_form, steps, expected)
    except StalePlan:
        messages.error(
            request,
            _(
                "Iemand anders heeft dit plan intussen gewijzigd. Uw wijzigingen zijn niet "
                "opgeslagen: bekijk de nieuwe versie en voer ze opnieuw in."
            ),
        )
        return render(request, "support/plan_form.html", {**context, "conflict": True}, status=409)
    messages.success(request, _("Plan van Aanpak opgeslagen."))
    return redirect("trajectory", pk=trajectory.pk)


def _readable_version(version):
    """A saved snapshot with Dutch labels and dates, for people rather than machines."""
    labels = dict(StepActor.choices)
    snapshot = version.snapshot
    version.evaluation_date = parse_date(snapshot.get("evaluation_on") or "")
    version.readable_steps = [{**s, "by_label": labels.get(s["by"], s["by"])} for s in snapshot.get("steps", [])]
    return version


@login_required
@require_safe
def plan_versions(request, pk):
    goal, trajectory = _goal_and_trajectory(request, pk, False, "versies plan van aanpak")
    plan = selectors.plan_of(goal)
    versions = [_readable_version(v) for v in plan.versions.select_related("saved_by")] if plan else []
    return render(
        request,
        "support/plan_versions.html",
        {
            "trajectory": trajectory,
            "client": trajectory.client,
            "goal": goal,
            "versions": versions,
            "file_access": _file_access(request.actor, trajectory),
        },
    )


def _entries_view(request, pk, form_class, related_name, template, detail, success, after_save=None):
    write = request.method == "POST"
    trajectory = trajectory_or_404(
        request, pk, section=Section.FILE, write=write, action=None if write else LogAction.READ, detail=detail
    )
    form = form_class(request.POST or None)
    context = {
        "trajectory": trajectory,
        "client": trajectory.client,
        "form": form,
        "entries": getattr(trajectory, related_name).select_related("author"),
        "can_edit": can_edit(request.actor, trajectory),
        "file_access": True,
    }
    if write:
        if not form.is_valid():
            return _invalid(request, template, context)
        with transaction.atomic():
            entry = form.save(commit=False)
            entry.trajectory, entry.author = trajectory, request.user
            entry.save()
            if after_save:
                after_save(trajectory, entry)
            log.record(request.actor, LogAction.CREATE, trajectory.client_id, entry, detail)
        messages.success(request, success)
        return redirect(request.path)
    return render(request, template, context)


@login_required
@require_GET_or_POST
def logbook(request, pk):
    return _entries_view(
        request, pk, f.LogbookForm, "logbook", "support/logbook.html", "logboek", _("Logboekregel toegevoegd.")
    )


@login_required
@require_GET_or_POST
def evaluations(request, pk):
    return _entries_view(
        request,
        pk,
        f.EvaluationForm,
        "evaluations",
        "support/evaluations.html",
        "evaluatie",
        _("Evaluatie vastgelegd. Het netwerk van nu is bewaard om later te vergelijken."),
        after_save=take_snapshot,
    )


@login_required
@require_safe
def trajectory_export(request, pk):
    """The whole trajectory as JSON: data portability for the client."""
    trajectory = trajectory_or_404(request, pk, section=Section.FILE, action=LogAction.EXPORT, detail="export JSON")
    trajectory = export_queryset(
        Trajectory.objects.visible_to(request.actor, Section.FILE).filter(pk=trajectory.pk)
    ).get()
    body = json.dumps(export_trajectory(trajectory), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="traject-{trajectory.pk}.json"'
    return response


@login_required
@require_safe
def plan_print(request, pk):
    trajectory = trajectory_or_404(request, pk, action=LogAction.PRINT, detail="afdrukweergave plan")
    goals = selectors.goals_with_plans(trajectory)
    return render(
        request,
        "support/plan_print.html",
        {
            "trajectory": trajectory,
            "client": trajectory.client,
            "goals": goals,
            "plan_column_labels": [label for _k, label, _a in PLAN_COLUMNS],
        },
    )
