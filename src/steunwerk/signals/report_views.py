"""The network's yearly report on screen. Who reads it, and with which numbers, see signals/access.py."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from steunwerk.access import log
from steunwerk.accounts.models import Organisation
from steunwerk.signals.access import EXACT, SUPPRESSED, report_networks
from steunwerk.signals.network_forms import ReportForm
from steunwerk.signals.reports import yearly_report
from steunwerk.suppression import PRIMARY, SECONDARY
from steunwerk.vocab import LogAction


@login_required
@require_safe
def signals_report(request):
    actor = request.actor
    allowed = report_networks(actor)
    if not allowed:
        return render(
            request,
            "403.html",
            {"reason": _("Alleen het meldpunt en de partners die het netwerk sturen zien de jaarcijfers.")},
            status=403,
        )
    form = ReportForm(request.GET)
    networks = list(Organisation.objects.filter(pk__in=allowed).order_by("name"))
    if not form.is_valid():
        return render(request, "signals/report.html", {"form": form, "networks": networks}, status=400)
    network_id = form.cleaned_data.get("netwerk") or networks[0].pk
    if network_id not in allowed:
        raise Http404
    network = next(n for n in networks if n.pk == network_id)
    year = form.year()
    suppress = allowed[network_id] == SUPPRESSED
    tables = [(table, table.display(suppress)) for table in yearly_report(network_id, year)]
    log.record(
        actor,
        LogAction.READ,
        None,
        network,
        f"jaarcijfers signalering {year}" + (" (kleine aantallen afgeschermd)" if suppress else ""),
    )
    return render(
        request,
        "signals/report.html",
        {
            "form": form,
            "networks": networks,
            "network": network,
            "year": year,
            "tables": tables,
            "suppress": suppress,
            "exact": allowed[network_id] == EXACT,
            "primary": PRIMARY,
            "secondary": SECONDARY,
        },
    )
