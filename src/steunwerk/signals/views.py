"""Reporting a concern (public and for partners), and the meldpunt's triage of it."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from steunwerk.access import log
from steunwerk.access.actor import Actor
from steunwerk.accounts.models import Organisation, User
from steunwerk.http import require_GET_or_POST
from steunwerk.signals.access import feedback_for_receipt
from steunwerk.signals.cases import open_case
from steunwerk.signals.forms import DecisionForm, FeedbackForm, PublicSignalForm, SignalForm, TriageForm
from steunwerk.signals.models import QUEUE_OPEN_BELOW, PublicSubmission, Signal
from steunwerk.signals.urgency import BAND_LABELS, BANDS
from steunwerk.vocab import LogAction, Role

PER_ADDRESS_PER_HOUR = 5
ALL_PUBLIC_PER_HOUR = 300


def meldpunten():
    """Organisations that run a meldpunt: those with a meldpunt coordinator."""
    return Organisation.objects.filter(memberships__role=Role.MELDPUNT_COORDINATOR).distinct().order_by("name")


@require_safe
def report_choose(request):
    """Public: pick the meldpunt (skipped when there is only one)."""
    points = list(meldpunten())
    if len(points) == 1:
        return redirect("report", org=points[0].pk)
    return render(request, "signals/report_choose.html", {"meldpunten": points})


def _client_key(request):
    address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def _flooded(key):
    hour_ago = timezone.now() - timedelta(hours=1)
    recent = PublicSubmission.objects.filter(at__gte=hour_ago)
    return recent.filter(key=key).count() >= PER_ADDRESS_PER_HOUR or recent.count() >= ALL_PUBLIC_PER_HOUR


@require_GET_or_POST
def report(request, org):
    """Public: report a concern about someone, without an account."""
    organisation = get_object_or_404(meldpunten(), pk=org)
    form = PublicSignalForm(request.POST or None, initial={"started": PublicSignalForm.start_token()})
    context = {"organisation": organisation, "form": form}
    if request.method == "POST":
        key = _client_key(request)
        if _flooded(key):
            return render(request, "signals/report_form.html", {**context, "flooded": True}, status=429)
        if not form.is_valid():
            form.data = form.data.copy()
            form.data["started"] = PublicSignalForm.start_token()
            return render(request, "signals/report_form.html", context, status=400)
        with transaction.atomic():
            PublicSubmission.objects.create(key=key)
            signal = form.save(commit=False)
            signal.organisation, signal.channel = organisation, Signal.Channel.PUBLIC
            signal.save()
            log.record(Actor(name="openbaar meldformulier"), LogAction.CREATE, None, signal, "melding ontvangen")
        return render(request, "signals/report_receipt.html", {"signal": signal, "organisation": organisation})
    return render(request, "signals/report_form.html", context)


@require_safe
def report_status(request, code):
    """Public: what the meldpunt told the reporter. Only the feedback messages, never case details."""
    signal, feedback = feedback_for_receipt(code)
    if signal is None:
        raise Http404
    return render(request, "signals/report_status.html", {"signal": signal, "feedback": feedback})


@login_required
@require_GET_or_POST
def partner_report(request):
    """For signed-in partners: report a concern to a meldpunt."""
    if not request.actor.role_by_org:
        return render(request, "403.html", status=403)
    form = SignalForm(request.POST or None, initial={"reporter_type": "professional"})
    points = meldpunten()
    chosen = request.POST.get("meldpunt") if request.method == "POST" else None
    context = {"form": form, "meldpunten": points, "chosen": chosen}
    if request.method == "POST":
        organisation = points.filter(pk=chosen).first() if chosen and chosen.isascii() and chosen.isdigit() else None
        if organisation is None or not form.is_valid():
            if organisation is None:
                form.add_error(None, _("Kies het meldpunt."))
            return render(request, "signals/partner_report.html", context, status=400)
        with transaction.atomic():
            signal = form.save(commit=False)
            signal.organisation, signal.channel, signal.submitted_by = (
                organisation,
                Signal.Channel.PARTNER,
                request.user,
            )
            signal.save()
            log.record(request.actor, LogAction.CREATE, None, signal, "melding ontvangen")
        messages.success(
            request,
            _("Melding ontvangen door %(org)s. Ontvangstcode: %(code)s.")
            % {"org": organisation.name, "code": signal.receipt_code},
        )
        return redirect("caseload")
    return render(request, "signals/partner_report.html", context)


TRIAGE_ROW_FIELDS = (
    "organisation",
    "received_at",
    "reporter_type",
    "neighbourhood",
    "status",
    "total",
    "band",
    "band_override",
    "assigned_to",
    "assigned_to__first_name",
    "assigned_to__last_name",
    "assigned_to__username",
)


@login_required
@require_safe
def triage_list(request):
    """The meldpunt's list: new signals first, then by urgency."""
    signals = Signal.objects.visible_to(request.actor)
    status = request.GET.get("status", "open")
    if status == "open":
        signals = signals.filter(queue_rank__lt=QUEUE_OPEN_BELOW)
    elif status in Signal.Status.values:
        signals = signals.filter(status=status)
    # New signals first, then the most urgent, then the newest (see signals.models.queue_rank). What was observed,
    # and about whom, stays out of the list: a row reads only what it shows, with the assignee's name.
    signals = signals.select_related("assigned_to").only(*TRIAGE_ROW_FIELDS)
    page = Paginator(signals.order_by("queue_rank", "-received_at", "-id"), 30).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    log.record_objects(request.actor, LogAction.READ, rows, "meldingenlijst")
    return render(
        request,
        "signals/triage_list.html",
        {
            "page": page,
            "rows": rows,
            "status": status,
            "band_labels": BAND_LABELS,
            "is_coordinator": bool(request.actor.meldpunt_org_ids),
        },
    )


def _signal_or_404(request, pk, write=False, action=LogAction.READ, detail="melding"):
    signals = Signal.objects.editable_by(request.actor) if write else Signal.objects.visible_to(request.actor)
    signal = get_object_or_404(signals, pk=pk)
    if action:
        log.record(request.actor, action, None, signal, detail)
    return signal


def _assignable(signal):
    """People who may take a signal on: the meldpunt's own members."""
    return (
        User.objects.filter(
            memberships__organisation_id=signal.organisation_id,
            memberships__role__in=[Role.PROFESSIONAL, Role.TEAM_LEAD, Role.MELDPUNT_COORDINATOR],
        )
        .distinct()
        .order_by("username")
    )


def _detail(request, signal, status=200, **forms):
    if status != 200:  # a rejected form shows the signal again: that is a read as well
        log.record(request.actor, LogAction.READ, None, signal, "melding na ongeldige invoer")
    context = {
        "signal": signal,
        "bands": BANDS,
        "band_labels": BAND_LABELS,
        "triage_form": forms.get("triage_form") or TriageForm(instance=signal),
        "decision_form": forms.get("decision_form") or DecisionForm(instance=signal, assignable=_assignable(signal)),
        "feedback_form": forms.get("feedback_form") or FeedbackForm(),
        "feedback": signal.feedback.select_related("written_by"),
        "case": getattr(signal, "case", None),  # RelatedObjectDoesNotExist is an AttributeError
        "can_edit": Signal.objects.editable_by(request.actor).filter(pk=signal.pk).exists(),
    }
    return render(request, "signals/signal_detail.html", context, status=status)


@login_required
@require_safe
def signal_detail(request, pk):
    return _detail(request, _signal_or_404(request, pk))


@login_required
@require_POST
def signal_triage(request, pk):
    signal = _signal_or_404(request, pk, write=True, action=None)
    form = TriageForm(request.POST, instance=signal)
    if not form.is_valid():
        messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
        signal.refresh_from_db()  # validation already copied the rejected values onto it: show what is stored
        return _detail(request, signal, status=400, triage_form=form)
    with transaction.atomic():
        signal = form.save(commit=False)
        signal.apply_score()
        if not signal.band_override:
            signal.override_reason = ""
        if signal.status == Signal.Status.NEW:
            signal.status = Signal.Status.TRIAGED
        signal.save()
        log.record(request.actor, LogAction.UPDATE, None, signal, f"urgentie {signal.total} ({signal.band})")
    messages.success(request, _("Urgentie vastgelegd: %(total)s punten.") % {"total": signal.total})
    return redirect("signal", pk=pk)


@login_required
@require_POST
def signal_decide(request, pk):
    signal = _signal_or_404(request, pk, write=True, action=None)
    form = DecisionForm(request.POST, instance=signal, assignable=_assignable(signal))
    if not form.is_valid():
        messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
        signal.refresh_from_db()  # validation already copied the rejected values onto it: show what is stored
        return _detail(request, signal, status=400, decision_form=form)
    with transaction.atomic():
        signal = form.save(commit=False)
        signal.decide()
        decision = signal.decision
        signal.save()
        if decision == Signal.Decision.NETWORK_CASE and not hasattr(signal, "case"):
            open_case(signal, request.actor)
        log.record(request.actor, LogAction.UPDATE, None, signal, f"besluit: {decision}")
    messages.success(request, _("Besluit vastgelegd: %(decision)s.") % {"decision": signal.get_decision_display()})
    return redirect("signal", pk=pk)


@login_required
@require_POST
def signal_feedback(request, pk):
    signal = _signal_or_404(request, pk, write=True, action=None)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
        return _detail(request, signal, status=400, feedback_form=form)
    with transaction.atomic():
        feedback = form.save(commit=False)
        feedback.signal, feedback.written_by = signal, request.user
        feedback.save()
        log.record(request.actor, LogAction.CREATE, None, feedback, "terugkoppeling aan melder")
    messages.success(request, _("Terugkoppeling vastgelegd. De melder ziet die met de ontvangstcode."))
    return redirect("signal", pk=pk)
