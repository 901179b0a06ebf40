"""The yearly report (signals/reports.py, report_views.signals_report, `steunwerk signals_report`): signals per
urgency band and reporter type, cases per typology and outcome, small numbers suppressed outside the meldpunt."""

import io
import json
import re
from datetime import date, datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse

from steunwerk.access.models import AccessLogEntry
from steunwerk.signals.models import NetworkCase
from steunwerk.signals.reports import case_table, signal_table
from steunwerk.signals.tests.network_fixtures import make_case, make_signal, net  # noqa: F401
from steunwerk.support.tests.helpers import text_of
from steunwerk.suppression import PRIMARY, SECONDARY

YEAR = 2025
AMS = ZoneInfo("Europe/Amsterdam")


def received(month=6, day=1, year=YEAR):
    return datetime(year, month, day, 12, tzinfo=AMS)


def signals(org, n, **fields):
    for _ in range(n):
        make_signal(org, received_at=fields.pop("received_at", received()), **fields)


def cases(org, n, **fields):
    made = [make_case(org, **fields) for _ in range(n)]
    NetworkCase.objects.filter(pk__in=[c.pk for c in made]).update(opened_on=date(YEAR, 5, 1))


def the_2011_figures(org):
    """25 cases: 13 in category 3, 11 in category 4 (one handed over to MEE), one client died before help started."""
    cases(org, 8, typology="buitenstaanders", outcome="helped")
    cases(org, 5, typology="compenseerders", outcome="helped")
    cases(org, 6, typology="hoopvollen", outcome="helped")
    cases(org, 4, typology="overlevers", outcome="helped")
    cases(org, 1, typology="overlevers", outcome="handed_over")
    cases(org, 1, outcome="deceased")


def some_signals(org):
    signals(org, 6, reporter_type="neighbour", band="none", total=2)
    signals(org, 2, reporter_type="neighbour", band="acute", total=10)
    signals(org, 5, reporter_type="gp", band="consult", band_override="professional", total=6)
    signals(org, 3, reporter_type="family")  # not scored yet
    signals(org, 1, reporter_type="police", band="professional", total=8, received_at=received(year=YEAR - 1))


def tables_of(response):
    """{caption: {row label: [cell texts, total last]}} of the report tables on the page."""
    result = {}
    for table in re.findall(r'<table class="report">(.*?)</table>', response.content.decode(), flags=re.S):
        caption = unescape(re.search(r"<caption>(.*?)</caption>", table, flags=re.S).group(1)).strip()
        rows = {}
        for row in re.findall(r"<tr class=\"row-.*?\">(.*?)</tr>", table, flags=re.S):
            cells = [
                re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", c))).replace("\xa0", " ").strip()
                for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)
            ]
            rows[cells[0]] = cells[1:]
        result[caption] = rows
    return result


def url(year=YEAR, **params):
    query = "&".join(f"{k}={v}" for k, v in {"jaar": year, **params}.items())
    return f"{reverse('signals_report')}?{query}"


# Counting


def test_it_counts_signals_per_judged_band_and_reporter_type(net):
    some_signals(net.org)
    table = signal_table(net.org.pk, YEAR)
    assert table.value("neighbour", "none") == 6 and table.value("neighbour", "acute") == 2
    assert table.value("gp", "professional") == 5 and table.value("gp", "consult") == 0  # the judgement counts
    assert table.value("family", "unscored") == 3
    assert table.value("police", "total") == 0  # received the year before
    assert table.value("total", "total") == 16
    assert [key for key, _label in table.columns] == ["none", "consult", "professional", "acute", "unscored"]


def test_it_counts_cases_per_typology_and_outcome_as_in_2011(net):
    the_2011_figures(net.org)
    table = case_table(net.org.pk, YEAR)
    assert [table.value(f"level_{n}", "total") for n in (1, 2, 3, 4)] == [0, 0, 13, 11]
    assert table.value("untyped", "deceased") == 1
    assert table.value("overlevers", "handed_over") == 1
    assert (table.value("total", "total"), table.value("total", "helped")) == (25, 23)
    assert table.value("total", "open") == 0  # the fixture's case was opened this year, not in 2025


def test_it_counts_only_this_meldpunt(net):
    some_signals(net.other_network)
    cases(net.other_network, 3, typology="actieven")
    assert signal_table(net.org.pk, YEAR).value("total", "total") == 0
    assert case_table(net.org.pk, YEAR).value("total", "total") == 0


# Suppression


def test_it_hides_every_number_from_one_to_four_and_what_would_give_it_away(net):
    the_2011_figures(net.org)
    hidden = case_table(net.org.pk, YEAR).hidden()
    assert hidden[("untyped", "deceased")] == PRIMARY and hidden[("overlevers", "handed_over")] == PRIMARY
    assert hidden[("untyped", "total")] == PRIMARY
    assert ("level_3", "total") not in hidden or hidden[("level_3", "total")] == SECONDARY


# The page


def test_it_shows_the_coordinator_exact_numbers(net, login):
    some_signals(net.org)
    the_2011_figures(net.org)
    response = login(net.coordinator).get(url())
    assert response.status_code == 200
    tables = tables_of(response)
    signals_table = tables[f"Meldingen {YEAR} per urgentie en melder"]
    assert signals_table["Buurtbewoner"] == ["6", "0", "0", "2", "0", "8"]
    assert signals_table["Huisarts"] == ["0", "0", "5", "0", "0", "5"]
    case_rows = tables[f"Casussen {YEAR} per typering en uitkomst"]
    assert case_rows["Categorie 3: Structureel isolement, complexe problematiek"] == ["13", "0", "0", "0", "0", "13"]
    assert case_rows["Niet getypeerd"] == ["0", "0", "0", "1", "0", "1"]
    assert case_rows["Totaal"] == ["23", "1", "0", "1", "0", "25"]
    assert "<5" not in "".join(c for rows in tables.values() for cells in rows.values() for c in cells)


@pytest.mark.parametrize("role", ["shell_professional", "management_professional", "core_team_lead"])
def test_it_shows_partners_small_numbers_as_less_than_five(net, login, role):
    some_signals(net.org)
    the_2011_figures(net.org)
    response = login(net.user(role)).get(url())
    assert response.status_code == 200
    tables = tables_of(response)
    signals_table = tables[f"Meldingen {YEAR} per urgentie en melder"]
    assert signals_table["Buurtbewoner"][3] == "<5" and signals_table["Familie"][4] == "<5"
    assert signals_table["Buurtbewoner"][0] in ("6", "x")
    case_rows = tables[f"Casussen {YEAR} per typering en uitkomst"]
    assert case_rows["Niet getypeerd"][3] == "<5" and case_rows["Niet getypeerd"][5] == "<5"
    shown = [c for rows in tables.values() for cells in rows.values() for c in cells]
    assert not any(c in {"1", "2", "3", "4"} for c in shown)
    assert "Kleine aantallen (1 tot en met 4)" in text_of(response)


@pytest.mark.parametrize(
    "role", ["core_professional", "unrelated_professional", "org_admin", "colleague", "other_coordinator"]
)
def test_it_refuses_everybody_else(net, login, role):
    response = login(net.user(role)).get(url(netwerk=net.org.pk))
    assert response.status_code in (403, 404)


def test_it_gives_another_meldpunts_report_404(net, login):
    assert login(net.coordinator).get(url(netwerk=net.other_network.pk)).status_code == 404


@pytest.mark.parametrize("year", ["abc", "1800", "2101"])
def test_it_rejects_a_bad_year_in_dutch(net, login, year):
    response = login(net.coordinator).get(url(year=year))
    assert response.status_code == 400
    page = text_of(response)
    assert "Geef een jaartal" in page or "Kies een jaar tussen 2000 en 2100." in page


def test_it_writes_the_access_log(net, login):
    login(net.shell_professional).get(url())
    row = AccessLogEntry.objects.get(user=net.shell_professional)
    assert (row.action, row.client_id, row.object_type, row.detail) == (
        "read",
        None,
        "Organisation",
        f"jaarcijfers signalering {YEAR} (kleine aantallen afgeschermd)",
    )


# The command line


def run(*args):
    out = io.StringIO()
    call_command("signals_report", *args, stdout=out)
    return out.getvalue()


def test_the_command_prints_json_with_exact_or_suppressed_numbers(net):
    the_2011_figures(net.org)
    exact = json.loads(run("--year", str(YEAR), "--json", "--organisation", str(net.org.pk)))
    assert exact["year"] == YEAR and not exact["suppressed"]
    [network] = exact["networks"]
    case_rows = {r["key"]: r for r in network["tables"][1]["rows"]}
    assert case_rows["level_3"]["total"] == 13 and case_rows["level_4"]["total"] == 11
    assert case_rows["total"]["total"] == 25 and case_rows["untyped"]["cells"]["deceased"] == 1
    suppressed = json.loads(run("--year", str(YEAR), "--json", "--suppress", "--organisation", str(net.org.pk)))
    rows = {r["key"]: r for r in suppressed["networks"][0]["tables"][1]["rows"]}
    assert rows["untyped"]["cells"]["deceased"] == "<5"
    assert AccessLogEntry.objects.filter(action="export").count() == 2


def test_the_command_prints_a_table_per_network(net):
    the_2011_figures(net.org)
    text = run("--year", str(YEAR))
    assert "== Welzijn Veenendaal — 2025" in text and "== Welzijn Elders — 2025" in text
    assert re.search(r"Categorie 3: Structureel isolement, complexe problematiek\s+13\s+0\s+0\s+0\s+0\s+13", text)
