"""Overzicht: counts over the trajectories of the viewer's team(s) or organisation. What is counted and which
numbers are hidden: support/dashboard.py; who may count what: support/access.py."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from steunwerk.access import log
from steunwerk.support.access import can_count
from steunwerk.support.dashboard import overview
from steunwerk.suppression import PRIMARY, SECONDARY
from steunwerk.vocab import LogAction


@login_required
@require_safe
def dashboard(request):
    actor = request.actor
    if not can_count(actor):
        return render(
            request,
            "403.html",
            {
                "reason": _(
                    "Alleen professionals en teamleiders van een team, en organisatiebeheerders, zien het overzicht."
                )
            },
            status=403,
        )
    view = overview(actor)
    # Aggregates, not a person's data: one row for the page, so the view is traceable.
    log.record(
        actor,
        LogAction.READ,
        None,
        None,
        f"overzicht: aantallen over {len(view.teams)} team(s)"
        + (" (kleine aantallen afgeschermd)" if view.suppress else ""),
    )
    return render(request, "support/dashboard.html", {"overview": view, "primary": PRIMARY, "secondary": SECONDARY})
