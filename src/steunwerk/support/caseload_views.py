"""Mijn cliënten: the caseload, a list of trajectories (support.caseload pages it)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from steunwerk.access import log
from steunwerk.clients import search
from steunwerk.support import caseload as caseload_pages
from steunwerk.support.models import Trajectory
from steunwerk.vocab import LogAction

PAGE_SIZE = 25


@login_required
@require_safe
def caseload(request):
    """Mijn cliënten: the trajectories this professional may see, searchable by name, BSN or birth date."""
    query = search.parse(request.GET.get("q"))
    include_closed = request.GET.get("afgesloten") == "1"
    visible_trajectories = trajectories = Trajectory.objects.visible_to(request.actor)
    if not include_closed:
        trajectories = trajectories.filter(status=Trajectory.Status.OPEN)
    if query.error:
        trajectories = trajectories.none()
    else:
        trajectories = trajectories.filter(query.q("client__", name_field="client_name"))
    page = caseload_pages.keyset_page(
        trajectories,
        visible_trajectories,
        after=caseload_pages.parse_cursor(request.GET.get("na")),
        before=caseload_pages.parse_cursor(request.GET.get("voor")),
        size=PAGE_SIZE,
    )
    action = LogAction.SEARCH if query.kind else LogAction.READ
    log.record_many(
        request.actor,
        action,
        [t.client_id for t in page],
        detail=query.log_detail or "cliëntenlijst",
        organisations={t.client_id: t.organisation_id for t in page},
    )
    status = 400 if query.error else 200
    return render(
        request,
        "clients/caseload.html",
        {"page": page, "query": query, "q": request.GET.get("q", ""), "include_closed": include_closed},
        status=status,
    )
