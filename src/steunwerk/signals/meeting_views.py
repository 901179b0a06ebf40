"""Network meetings: core partners (every 4–6 weeks), shell partners (2–3 times a year), management (yearly) and
the spoedberaad for an urgent case. Agenda, invitations, attendance, cases discussed, agreements, minutes.

Closing a meeting deletes every meldformulier sent for it; each deletion is written to the access log.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from steunwerk.access import log
from steunwerk.accounts.models import Organisation
from steunwerk.http import require_GET_or_POST
from steunwerk.signals.access import invitees, is_network_member, meetings_for, responsible_choices
from steunwerk.signals.cases import wipe_intake_forms
from steunwerk.signals.models import CaseAction, NetworkCase
from steunwerk.signals.network_forms import AgreementForm, MeetingForm, MeetingUpdateForm
from steunwerk.vocab import LogAction


def _forbidden(request, reason):
    return render(request, "403.html", {"reason": reason}, status=403)


def _invalid(request, template, context):
    messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
    return render(request, template, context, status=400)


def _meeting_or_404(actor, pk, write=False):
    return get_object_or_404(meetings_for(actor, write=write).select_related("organisation"), pk=pk)


@login_required
@require_safe
def meeting_list(request):
    actor = request.actor
    if not is_network_member(actor):
        return _forbidden(request, _("Alleen het meldpunt en de partners van het netwerk zien de overleggen."))
    today = timezone.localdate()
    meetings = list(meetings_for(actor).select_related("organisation").order_by("-date", "-id"))
    overdue = list(
        CaseAction.objects.visible_to(actor)
        .filter(done_on__isnull=True, due_on__lt=today)
        .select_related("case", "responsible")
        .order_by("due_on", "id")
    )
    if overdue:
        log.record(actor, LogAction.READ, None, None, f"afspraken over tijd ({len(overdue)})")
    return render(
        request,
        "signals/meeting_list.html",
        {
            "coming": [m for m in meetings if not m.held and m.date >= today][::-1],
            "past": [m for m in meetings if m.held or m.date < today],
            "overdue": overdue,
            "today": today,
            "can_coordinate": bool(actor.meldpunt_org_ids),
        },
    )


@login_required
@require_GET_or_POST
def meeting_new(request):
    """Plan a meeting; everybody with the partner role that belongs to its kind is invited."""
    actor = request.actor
    if not actor.meldpunt_org_ids:
        return _forbidden(request, _("Alleen de coördinator van het meldpunt plant overleggen."))
    networks = Organisation.objects.filter(pk__in=actor.meldpunt_org_ids)
    form = MeetingForm(
        request.POST or None,
        networks=networks,
        cases=NetworkCase.objects.editable_by(actor),
        initial={"kind": request.GET.get("soort", "core")},
    )
    if request.method == "POST":
        if not form.is_valid():
            return _invalid(request, "signals/meeting_form.html", {"form": form})
        organisation, case = form.cleaned_data["organisation"], form.cleaned_data.get("case")
        with transaction.atomic():
            meeting = form.save(commit=False)
            meeting.organisation = organisation
            meeting.save()
            meeting.invited.set(invitees(organisation.pk, meeting.kind))
            detail = f"overleg {meeting.get_kind_display()} {meeting.date:%d-%m-%Y} gepland"
            if case is not None:
                meeting.cases.add(case)
                detail = f"spoedberaad {meeting.date:%d-%m-%Y} voor casus {case.code}"
            log.record(actor, LogAction.CREATE, None, case if case is not None else meeting, detail)
        messages.success(
            request, _("Overleg gepland; %(n)s organisaties uitgenodigd.") % {"n": meeting.invited.count()}
        )
        return redirect("meeting", pk=meeting.pk)
    return render(request, "signals/meeting_form.html", {"form": form})


def _meeting_context(request, meeting, **overrides):
    actor = request.actor
    can_edit = meetings_for(actor, write=True).filter(pk=meeting.pk).exists()
    cases = list(meeting.cases.visible_to(actor).order_by("code"))
    agreements = list(meeting.agreements.visible_to(actor).select_related("case", "responsible"))
    intake_forms = list(meeting.intake_forms.visible_to(actor).select_related("case"))
    present = set(meeting.present.values_list("pk", flat=True))
    context = {
        "meeting": meeting,
        "can_edit": can_edit,
        "cases": cases,
        "agreements": agreements,
        "intake_forms": intake_forms,
        "today": timezone.localdate(),
        "attendance": [(org, org.pk in present) for org in meeting.invited.all()],
        "overdue_count": sum(1 for a in agreements if a.is_overdue),
    }
    if can_edit:
        context["form"] = MeetingUpdateForm(instance=meeting, cases=_selectable_cases(actor, meeting))
        context["agreement_form"] = AgreementForm(
            cases=meeting.cases.editable_by(actor),
            partners=responsible_choices(meeting.organisation_id),
            auto_id="id_agreement_%s",
        )
    context.update(overrides)
    return context


def _selectable_cases(actor, meeting):
    """Open cases of this network, and those already on the meeting."""
    return (
        NetworkCase.objects.editable_by(actor)
        .filter(organisation_id=meeting.organisation_id)
        .filter(Q(outcome="") | Q(meetings=meeting))
        .distinct()
        .order_by("code")
    )


@login_required
@require_GET_or_POST
def meeting_detail(request, pk):
    """The meeting: who was invited and came, the cases discussed (ID codes), agreements and minutes."""
    actor = request.actor
    if request.method == "POST":
        meeting = _meeting_or_404(actor, pk, write=True)
        form = MeetingUpdateForm(request.POST, instance=meeting, cases=_selectable_cases(actor, meeting))
        if not form.is_valid():
            return _invalid(request, "signals/meeting_detail.html", _meeting_context(request, meeting, form=form))
        with transaction.atomic():
            form.save()
            log.record(
                actor,
                LogAction.UPDATE,
                None,
                meeting,
                f"overleg {meeting.date:%d-%m-%Y}: {', '.join(form.changed_data) or 'niets gewijzigd'}",
            )
        messages.success(request, _("Overleg opgeslagen."))
        return redirect("meeting", pk=meeting.pk)
    meeting = _meeting_or_404(actor, pk)
    context = _meeting_context(request, meeting)
    if context["cases"] or context["agreements"]:
        log.record(
            actor,
            LogAction.READ,
            None,
            meeting,
            f"overleg {meeting.date:%d-%m-%Y}: casussen {', '.join(c.code for c in context['cases'])}"[:300],
        )
    return render(request, "signals/meeting_detail.html", context)


@login_required
@require_POST
def meeting_agreement_new(request, pk):
    """An agreement made in this meeting about one of its cases, with a responsible partner and a due date."""
    actor = request.actor
    meeting = _meeting_or_404(actor, pk, write=True)
    form = AgreementForm(
        request.POST,
        cases=meeting.cases.editable_by(actor),
        partners=responsible_choices(meeting.organisation_id),
        auto_id="id_agreement_%s",
    )
    if not form.is_valid():
        return _invalid(request, "signals/meeting_detail.html", _meeting_context(request, meeting, agreement_form=form))
    with transaction.atomic():
        action = form.save(commit=False)
        action.meeting = meeting
        action.save()
        log.record(
            actor,
            LogAction.CREATE,
            None,
            action,
            f"afspraak bij casus {action.case.code} in overleg {meeting.date:%d-%m-%Y}",
        )
    messages.success(request, _("Afspraak vastgelegd."))
    return redirect("meeting", pk=meeting.pk)


@login_required
@require_POST
def meeting_close(request, pk):
    """The meeting was held: mark it, and delete every meldformulier sent for it (each deletion logged)."""
    actor = request.actor
    meeting = _meeting_or_404(actor, pk, write=True)
    if meeting.held:
        messages.error(request, _("Dit overleg is al afgesloten."))
        return render(request, "signals/meeting_detail.html", _meeting_context(request, meeting), status=400)
    if meeting.date > timezone.localdate():
        messages.error(request, _("Een overleg kan pas op of na de datum van het overleg worden afgesloten."))
        return render(request, "signals/meeting_detail.html", _meeting_context(request, meeting), status=400)
    with transaction.atomic():
        meeting.held = True
        meeting.save(update_fields=["held"])
        wiped = wipe_intake_forms(actor, meeting)
        log.record(actor, LogAction.UPDATE, None, meeting, f"overleg {meeting.date:%d-%m-%Y} afgesloten")
    messages.success(
        request,
        ngettext(
            "Overleg afgesloten; %(n)s meldformulier verwijderd.",
            "Overleg afgesloten; %(n)s meldformulieren verwijderd.",
            wiped,
        )
        % {"n": wiped},
    )
    return redirect("meeting", pk=meeting.pk)
