"""Benchmark scenarios through the whole Django stack (URL routing, middleware, access layer, templates),
as a signed-in professional. Reports p50/p95/max in milliseconds and the SQL queries per request."""

import statistics
import time

from django.db import connection
from django.db.models import Count
from django.test import Client as HttpClient
from django.test.utils import override_settings
from django.urls import reverse

from steunwerk.access.actor import Actor
from steunwerk.accounts.models import Membership, Team
from steunwerk.clients.models import Client
from steunwerk.signals.models import Signal
from steunwerk.support import caseload
from steunwerk.support.models import Trajectory
from steunwerk.vocab import Role


def _percentile(sorted_values, fraction):
    return sorted_values[min(len(sorted_values) - 1, int(round(fraction * (len(sorted_values) - 1))))]


def _count_queries(http, url):
    """The SQL statements of one request (counted on a request of its own: counting costs time itself, so the
    timed requests run without it, as a server does)."""
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = http.get(url)
    _check(url, response)
    return len(executed), response.status_code


def _check(url, response):
    if response.status_code != 200:
        raise RuntimeError(f"{url} antwoordde {response.status_code}; een meting van een foutpagina zegt niets.")


def _summary(timings):
    timings = sorted(timings)
    return {
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(_percentile(timings, 0.95), 2),
        "max_ms": round(timings[-1], 2),
    }


def measure_all(pages, runs):
    """Time ``runs`` rounds; each round requests every page once, the floor included. Taking turns means a slow
    moment of the machine falls on all pages alike, so each page is compared with the floor of the same moments."""
    timings = {name: [] for name in pages}
    for _ in range(runs):
        for name, (http, url) in pages.items():
            start = time.perf_counter()
            response = http.get(url)
            timings[name].append((time.perf_counter() - start) * 1000)
            _check(url, response)
    return {name: _summary(values) for name, values in timings.items()}


def busiest_professional():
    team = (
        Team.objects.annotate(n=Count("trajectories"))
        .filter(memberships__role=Role.PROFESSIONAL)
        .order_by("-n")
        .first()
    )
    if team is None:
        raise RuntimeError("Geen team met trajecten: draai eerst 'steunwerk generate' of 'steunwerk demo'.")
    return Membership.objects.filter(team=team, role=Role.PROFESSIONAL).select_related("user").first().user


def scenarios(user):
    """URLs for every scenario, picked from what this user may see."""
    actor = Actor.for_user(user)
    trajectories = Trajectory.objects.visible_to(actor).filter(status="open").select_related("client")
    trajectory = trajectories.order_by("-id").first()
    client = trajectory.client
    # The deep page is reached the way a user reaches it, from the row before it (the keyset cursor), near the end.
    deep_cursor = trajectories.order_by(*caseload.ORDER).values_list("pk", flat=True)[max(0, trajectories.count() - 30)]
    surname = client.name.split()[-1]
    with_bsn = Client.objects.visible_to(actor).exclude(bsn="").order_by("-id").first()
    return {
        "caseload_first_page": reverse("caseload"),
        "caseload_deep_page": f"{reverse('caseload')}?na={deep_cursor}",
        "search_bsn": f"{reverse('caseload')}?q={with_bsn.bsn if with_bsn else '111222333'}",
        "search_name": f"{reverse('caseload')}?q={surname}",
        "client_dossier": reverse("client", args=[client.pk]),
        "trajectory_plan": reverse("trajectory", args=[trajectory.pk]),
        "method_recommendation": reverse("trajectory_methods", args=[trajectory.pk]),
    }


def busiest_coordinator():
    """The meldpunt coordinator of the organisation with the most signals (for the triage scenario)."""
    org_id = (
        Signal.objects.visible_to(Actor.system())
        .values("organisation_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("organisation_id", flat=True)
        .first()
    )
    membership = (
        Membership.objects.filter(organisation_id=org_id, role=Role.MELDPUNT_COORDINATOR).select_related("user").first()
    )
    return membership.user if membership else None


def busiest_org_admin():
    """The organisation admin of the organisation with the most trajectories: the Overzicht over all its teams."""
    org_id = (
        Team.objects.values("organisation_id")
        .annotate(n=Count("trajectories"))
        .order_by("-n")
        .values_list("organisation_id", flat=True)
        .first()
    )
    membership = Membership.objects.filter(organisation_id=org_id, role=Role.ORG_ADMIN).select_related("user").first()
    return membership.user if membership else None


def run(runs=30, extra=None):
    user = busiest_professional()
    http = HttpClient(HTTP_HOST="localhost")
    http.force_login(user)
    pages = {"floor": (http, reverse("ping"))}
    pages.update({name: (http, url) for name, url in {**scenarios(user), **(extra or {})}.items()})
    for name, other_user, url in (
        ("signal_triage_list", busiest_coordinator(), reverse("triage")),
        ("municipal_dashboard", busiest_org_admin(), reverse("dashboard")),
    ):
        if other_user is not None:
            other = HttpClient(HTTP_HOST="localhost")
            other.force_login(other_user)
            pages[name] = (other, url)
    counted = {}
    for name, (client, url) in pages.items():
        client.get(url)  # warm caches the way a running server has them
        counted[name] = _count_queries(client, url)
    timed = measure_all(pages, runs)
    floor = timed.pop("floor")
    uncached = {}
    if "municipal_dashboard" in pages:
        # The Overzicht is counted afresh once its cached numbers expire (settings.OVERVIEW_CACHE_SECONDS): what the
        # first visit after that costs, measured on its own (it is not a page most requests see).
        with override_settings(OVERVIEW_CACHE_SECONDS=0):
            dashboard = measure_all({"municipal_dashboard": pages["municipal_dashboard"]}, max(5, runs // 10))
        uncached["municipal_dashboard_counted_afresh"] = dashboard["municipal_dashboard"]
    return {
        "floor": {"p50_ms": floor["p50_ms"], "p95_ms": floor["p95_ms"]},
        "scenarios": {name: {**timed[name], "queries": counted[name][0], "status": counted[name][1]} for name in timed},
        "uncached": uncached,
        "clients": Client.objects.visible_to(Actor.system()).count(),
        "database": "postgresql" if connection.vendor == "postgresql" else connection.vendor,
    }
