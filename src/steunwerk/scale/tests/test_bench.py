import io
import json

from django.core.management import call_command

from steunwerk.scale.generate import generate


def test_it_prints_the_scenarios_with_timings_and_query_counts(db):
    generate(30, seed=5)
    out = io.StringIO()
    call_command("bench", "--json", "--runs", "2", stdout=out)
    result = json.loads(out.getvalue())
    assert set(result) == {"floor", "scenarios", "uncached", "clients", "database"}
    assert result["clients"] == 30
    assert set(result["floor"]) == {"p50_ms", "p95_ms"}
    assert {
        "caseload_first_page",
        "caseload_deep_page",
        "search_bsn",
        "search_name",
        "client_dossier",
        "trajectory_plan",
        "method_recommendation",
        "signal_triage_list",
        "municipal_dashboard",
    } <= set(result["scenarios"])
    for scenario in result["scenarios"].values():
        assert scenario["status"] == 200
        assert scenario["queries"] > 0
        assert scenario["p50_ms"] <= scenario["p95_ms"] <= scenario["max_ms"]
    afresh = result["uncached"]["municipal_dashboard_counted_afresh"]
    assert afresh["p50_ms"] <= afresh["p95_ms"] <= afresh["max_ms"]


def test_the_deep_page_is_reached_with_a_cursor_near_the_end_of_the_caseload(db):
    from steunwerk.scale.bench import busiest_professional, scenarios

    generate(80, seed=3)
    urls = scenarios(busiest_professional())
    assert "?na=" in urls["caseload_deep_page"]
    assert "page=" not in urls["caseload_deep_page"]


def test_the_dashboard_is_measured_as_the_admin_of_the_biggest_organisation(db):
    from steunwerk.accounts.models import Membership
    from steunwerk.scale.bench import busiest_org_admin
    from steunwerk.support.models import Trajectory
    from steunwerk.vocab import Role

    generate(40, seed=2)
    admin = busiest_org_admin()
    org_id = Membership.objects.get(user=admin, role=Role.ORG_ADMIN).organisation_id
    per_org = {}
    for t in Trajectory.objects.select_related("team"):
        per_org[t.team.organisation_id] = per_org.get(t.team.organisation_id, 0) + 1
    assert per_org[org_id] == max(per_org.values())
