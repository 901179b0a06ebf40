"""The casusvolgsysteem: network cases by ID code, their agreements, and the meldformulier before a meeting.

Core partners read (never change) cases by their ID code; the person's name and address stay with the signal at
the meldpunt. The meldpunt's coordinators (and whoever the signal is assigned to) keep the case up to date.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from steunwerk.access import log
from steunwerk.http import require_GET_or_POST
from steunwerk.signals.access import can_coordinate, is_network_member, meetings_for, responsible_choices
from steunwerk.signals.forms import CaseActionForm, CaseForm
from steunwerk.signals.models import CaseAction, IntakeForm, NetworkCase
from steunwerk.signals.network_forms import ActionDoneForm, IntakeFormForm
from steunwerk.signals.typology import type_for
from steunwerk.vocab import LogAction, MeetingKind


def _forbidden(request, reason):
    return render(request, "403.html", {"reason": reason}, status=403)


def _invalid(request, template, context):
    messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
    return render(request, template, context, status=400)


@login_required
@require_safe
def case_list(request):
    """All cases this user may see, by ID code only."""
    actor = request.actor
    today = timezone.localdate()
    show_all = request.GET.get("alle") == "1"
    cases = NetworkCase.objects.visible_to(actor)
    if not show_all:
        cases = cases.filter(outcome="")
    cases = list(
        cases.annotate(
            open_actions=Count("actions", filter=Q(actions__done_on__isnull=True)),
            overdue_actions=Count("actions", filter=Q(actions__done_on__isnull=True, actions__due_on__lt=today)),
        ).order_by("-opened_on", "-id")
    )
    if not cases and not is_network_member(actor, core_only=True):
        return _forbidden(request, _("Alleen het meldpunt en de kernpartners van het netwerk zien de casussen."))
    log.record(actor, LogAction.READ, None, None, f"casuslijst ({len(cases)} casussen)")
    return render(
        request,
        "signals/case_list.html",
        {"cases": cases, "show_all": show_all, "can_coordinate": bool(actor.meldpunt_org_ids)},
    )


def _case_context(request, case, **overrides):
    actor = request.actor
    can_edit = NetworkCase.objects.editable_by(actor).filter(pk=case.pk).exists()
    actions = list(case.actions.visible_to(actor).select_related("responsible", "meeting"))
    intake_forms = list(case.intake_forms.visible_to(actor).select_related("meeting"))
    context = {
        "case": case,
        "can_edit": can_edit,
        "actions": actions,
        "overdue_count": sum(1 for a in actions if a.is_overdue),
        "isolation_type": type_for(case.typology) if case.typology else None,
        "intake_forms": intake_forms,
        "meetings": list(meetings_for(actor).filter(cases=case).order_by("-date")),
        "today": timezone.localdate(),
    }
    if can_edit:
        context.update(
            {
                "case_form": CaseForm(instance=case),
                "action_form": CaseActionForm(
                    partners=responsible_choices(case.organisation_id), auto_id="id_action_%s"
                ),
                "can_plan_urgent": case.urgent and can_coordinate(actor, case.organisation_id),
            }
        )
    context.update(overrides)
    return context


@login_required
@require_GET_or_POST
def case_detail(request, pk):
    """The case by its ID code: problems found, steps taken, agreements (overdue ones marked), typology with
    the interventions that fit, outcome. Coordinators save changes here."""
    actor = request.actor
    if request.method == "POST":
        case = get_object_or_404(NetworkCase.objects.editable_by(actor), pk=pk)
        form = CaseForm(request.POST, instance=case)
        if not form.is_valid():
            return _invalid(request, "signals/case_detail.html", _case_context(request, case, case_form=form))
        with transaction.atomic():
            case = form.save(commit=False)
            if case.outcome and case.closed_on is None:
                case.closed_on = timezone.localdate()
            elif not case.outcome:
                case.closed_on = None
            case.save()
            log.record(actor, LogAction.UPDATE, None, case, f"casus {case.code}: {', '.join(form.changed_data)}")
        messages.success(request, _("Casus %(code)s opgeslagen.") % {"code": case.code})
        return redirect("case", pk=case.pk)
    case = get_object_or_404(NetworkCase.objects.visible_to(actor), pk=pk)
    log.record(actor, LogAction.READ, None, case, f"casus {case.code}")
    return render(request, "signals/case_detail.html", _case_context(request, case))


@login_required
@require_POST
def case_action_new(request, pk):
    """A follow-up action for a case: what, which partner is responsible, by when."""
    case = get_object_or_404(NetworkCase.objects.editable_by(request.actor), pk=pk)
    form = CaseActionForm(request.POST, partners=responsible_choices(case.organisation_id), auto_id="id_action_%s")
    if not form.is_valid():
        return _invalid(request, "signals/case_detail.html", _case_context(request, case, action_form=form))
    with transaction.atomic():
        action = form.save(commit=False)
        action.case = case
        action.save()
        log.record(request.actor, LogAction.CREATE, None, action, f"afspraak bij casus {case.code}")
    messages.success(request, _("Afspraak toegevoegd."))
    return redirect("case", pk=case.pk)


@login_required
@require_POST
def case_action_done(request, pk):
    """Mark an agreement as done today, with its result."""
    action = get_object_or_404(CaseAction.objects.editable_by(request.actor), pk=pk)
    case = action.case
    if action.done_on is not None:
        messages.error(request, _("Deze afspraak was al afgerond."))
        return render(request, "signals/case_detail.html", _case_context(request, case), status=400)
    form = ActionDoneForm(request.POST, instance=action)
    if not form.is_valid():
        return _invalid(request, "signals/case_detail.html", _case_context(request, case))
    with transaction.atomic():
        action = form.save(commit=False)
        action.done_on = timezone.localdate()
        action.save(update_fields=["done_on", "result"])
        log.record(request.actor, LogAction.UPDATE, None, action, f"afspraak afgerond bij casus {case.code}")
    messages.success(request, _("Afspraak afgerond."))
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("case", pk=case.pk)


def _coming_meetings(actor, case):
    return (
        meetings_for(actor, write=True)
        .filter(
            organisation_id=case.organisation_id,
            held=False,
            date__gte=timezone.localdate(),
            kind__in=[MeetingKind.CORE, MeetingKind.URGENT],
        )
        .order_by("date", "id")
    )


@login_required
@require_GET_or_POST
def intake_new(request, pk):
    """The meldformulier for a case and a coming meeting: it reaches the core partners before the meeting."""
    actor = request.actor
    case = get_object_or_404(NetworkCase.objects.editable_by(actor), pk=pk)
    if not can_coordinate(actor, case.organisation_id):
        return _forbidden(request, _("Alleen de coördinator van het meldpunt stelt een meldformulier op."))
    meetings = _coming_meetings(actor, case)
    form = IntakeFormForm(request.POST or None, meetings=meetings)
    context = {"case": case, "form": form, "has_meetings": meetings.exists()}
    if request.method == "POST":
        if not form.is_valid():
            return _invalid(request, "signals/intake_form.html", context)
        meeting = form.cleaned_data["meeting"]
        if case.intake_forms.editable_by(actor).filter(meeting=meeting).exists():
            form.add_error("meeting", _("Voor deze casus is er al een meldformulier voor dit overleg."))
            return _invalid(request, "signals/intake_form.html", context)
        with transaction.atomic():
            intake = form.save(commit=False)
            intake.case = case
            intake.save()
            meeting.cases.add(case)
            log.record(
                actor,
                LogAction.CREATE,
                None,
                intake,
                f"meldformulier casus {case.code} voor overleg {meeting.date:%d-%m-%Y}",
            )
        messages.success(
            request, _("Meldformulier opgeslagen. De kernpartners kunnen het lezen tot het overleg is afgesloten.")
        )
        return redirect("intake", pk=intake.pk)
    return render(request, "signals/intake_form.html", context)


@login_required
@require_safe
def intake_detail(request, pk):
    """A meldformulier: readable by the core partners until the meeting is closed, then its content is gone."""
    intake = get_object_or_404(IntakeForm.objects.visible_to(request.actor), pk=pk)
    case, meeting = intake.case, intake.meeting
    log.record(
        request.actor,
        LogAction.READ,
        None,
        intake,
        f"meldformulier casus {case.code}" + (" (verwijderd)" if intake.deleted_at else ""),
    )
    return render(request, "signals/intake_detail.html", {"intake": intake, "case": case, "meeting": meeting})
