import io
import json

from django.core.management import call_command

from steunwerk.scale.generate import generate


def test_it_prints_the_scenarios_with_timings_and_query_counts(db):
    generate(30, seed=5)
    out = io.StringIO()
    call_command("bench", "--json", "--runs", "2", stdout=out)
    result = json.loads(out.getvalue())
    assert set(result) == {"floor", "scenarios", "clients", "database"}
    assert result["clients"] == 30
    assert set(result["floor"]) == {"p50_ms", "p95_ms"}
    assert {"caseload_first_page", "caseload_deep_page", "search_bsn", "search_name", "client_dossier",
            "trajectory_plan", "method_recommendation", "signal_triage_list"} <= set(result["scenarios"])
    for scenario in result["scenarios"].values():
        assert scenario["status"] == 200
        assert scenario["queries"] > 0
        assert scenario["p50_ms"] <= scenario["p95_ms"] <= scenario["max_ms"]
