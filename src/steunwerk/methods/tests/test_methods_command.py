"""`steunwerk methods ...`: recommend (JSON on standard input), show, list, load."""

import json

import pytest
from django.core.management import CommandError, call_command

from steunwerk.methods.models import Method
from steunwerk.methods.tests.helpers import (
    BY_SLUG,
    COMPLEX_PSYCHIATRIC_TOP3,
    METHOD_SLUGS,
    local_method,
    recommend_cli,
    run_command,
)

pytestmark = pytest.mark.django_db

DEMENTIA_AT_HOME = {
    "target_groups": ["ouderdom"],
    "problem_level": None,
    "aim": None,
    "domains": [],
    "text": "Mevrouw heeft dementie en woont thuis; haar man is mantelzorger.",
}
COMPLEX_PSYCHIATRIC = {
    "target_groups": ["psychisch"],
    "problem_level": "complex",
    "aim": None,
    "domains": [],
    "text": "",
}


def test_it_prints_ranked_methods_as_json_best_first(monkeypatch):
    output = recommend_cli(monkeypatch, DEMENTIA_AT_HOME)
    assert set(output) == {"results", "notes"}
    first = output["results"][0]
    assert set(first) == {"slug", "name", "score", "reasons"}
    assert first["slug"] == "ontmoetingscentra-dementie"
    assert first["name"] == BY_SLUG["ontmoetingscentra-dementie"]["name"]
    assert "past bij doelgroep ouderen" in first["reasons"]
    scores = [r["score"] for r in output["results"]]
    assert scores == sorted(scores, reverse=True)


def test_it_puts_fact_cti_and_ispb_on_top_for_a_complex_psychiatric_profile(monkeypatch):
    results = recommend_cli(monkeypatch, COMPLEX_PSYCHIATRIC)["results"]
    assert {r["slug"] for r in results[:3]} == COMPLEX_PSYCHIATRIC_TOP3


def test_it_lists_every_method_but_no_organisation_approach_and_no_local_method(monkeypatch, world):
    local_method(world.org)
    results = recommend_cli(monkeypatch, {"target_groups": ["verstandelijk"]})["results"]
    assert {r["slug"] for r in results} == METHOD_SLUGS


def test_it_limits_the_results(monkeypatch):
    results = recommend_cli(monkeypatch, COMPLEX_PSYCHIATRIC, "--limit", "3")["results"]
    assert {r["slug"] for r in results} == COMPLEX_PSYCHIATRIC_TOP3


def test_it_notes_the_gap_for_complex_problems_with_an_intellectual_disability(monkeypatch):
    notes = recommend_cli(monkeypatch, {"target_groups": ["verstandelijk"], "problem_level": "complex"})["notes"]
    assert any("geen bewezen methode voor mensen met een verstandelijke beperking" in n for n in notes)


def test_it_accepts_a_profile_with_only_some_fields(monkeypatch):
    output = recommend_cli(monkeypatch, {"text": "dementie"})
    assert output["results"][0]["slug"] == "ontmoetingscentra-dementie"


@pytest.mark.parametrize(
    "stdin, message",
    [
        ('{"target_groups": ["kinderen"]}', "Toegestaan: ouderdom, lichamelijk, psychisch, verstandelijk, algemeen."),
        ('{"problem_level": "zwaar"}', "Toegestaan: licht, complex of null."),
        ('{"aim": "geluk"}', "Toegestaan: zelfredzaamheid, participatie, beide of null."),
        ('{"domains": ["sport"]}', "Onbekende waarde voor domains: sport. Toegestaan: wonen, werk_dagbesteding,"),
        ('{"leeftijd": 80}', "Onbekend veld: leeftijd. Toegestaan: target_groups, problem_level, aim, domains, text."),
        ('{"target_groups": ', "Geen geldige JSON op standaardinvoer"),
        ("", "Geen geldige JSON op standaardinvoer"),
        ('["psychisch"]', "Het profiel moet een JSON-object zijn"),
        ('"psychisch"', "Het profiel moet een JSON-object zijn"),
        ('{"text": 12}', "text moet tekst zijn."),
    ],
    ids=[
        "target_group",
        "problem_level",
        "aim",
        "domain",
        "unknown_field",
        "malformed",
        "empty",
        "list",
        "string",
        "text_not_string",
    ],
)
def test_it_exits_with_code_2_and_a_dutch_message_on_bad_input(monkeypatch, stdin, message):
    code, out, err = run_command(monkeypatch, "recommend", stdin=stdin)
    assert code == 2
    assert message in err
    assert out == ""


def test_it_names_the_expected_shape_when_the_json_is_malformed(monkeypatch):
    _code, _out, err = run_command(monkeypatch, "recommend", stdin="{oeps")
    assert '"problem_level": "licht"|"complex"|null' in err


def test_it_shows_a_method_as_json(monkeypatch):
    code, out, _err = run_command(monkeypatch, "show", "fact", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["slug"] == "fact" and data["name"] == "FACT"
    assert data["target_groups"] == ["psychisch"]
    assert data["problem_level"] == "complex" and data["problem_level_certain"] is True
    assert sorted(data["related"]) == sorted(BY_SLUG["fact"]["related"])
    assert data["local"] is False


def test_it_shows_no_problem_level_as_null(monkeypatch):
    data = json.loads(run_command(monkeypatch, "show", "kwartiermaken", "--json")[1])
    assert data["problem_level"] is None and data["kind"] == "organisation_approach"


def test_it_shows_a_method_as_text(monkeypatch):
    code, out, _err = run_command(monkeypatch, "show", "vriendendiensten")
    assert code == 0
    assert out.startswith("Vriendendiensten\n")
    assert Method.objects.get(slug="vriendendiensten").goal in out


def test_it_exits_with_code_2_for_an_unknown_method(monkeypatch):
    code, out, err = run_command(monkeypatch, "show", "bestaat-niet", "--json")
    assert code == 2
    assert "Onbekende methode: bestaat-niet" in err
    assert out == ""


def test_it_does_not_show_a_local_method_of_an_organisation(monkeypatch, world):
    local = local_method(world.other_org)
    code, _out, err = run_command(monkeypatch, "show", local.slug)
    assert code == 2 and "Onbekende methode" in err


def test_it_lists_the_slug_and_name_of_every_national_method(monkeypatch, world):
    local_method(world.org)
    code, out, _err = run_command(monkeypatch, "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 32
    assert dict(line.split("\t") for line in lines) == {slug: e["name"] for slug, e in BY_SLUG.items()}


def test_it_reloads_the_catalogue(monkeypatch):
    Method.objects.filter(slug="fact").update(name="Verkeerd")
    code, out, _err = run_command(monkeypatch, "load")
    assert code == 0
    assert "0 methoden toegevoegd, 32 bijgewerkt." in out
    assert Method.objects.get(slug="fact").name == "FACT"


def test_it_refuses_an_unreadable_catalogue_file(tmp_path):
    broken = tmp_path / "catalogue.json"
    broken.write_text("{niet json", encoding="utf-8")
    with pytest.raises(CommandError, match="Kan .* niet lezen"):
        call_command("methods", "load", "--file", str(broken))
    with pytest.raises(CommandError, match="Kan .* niet lezen"):
        call_command("methods", "load", "--file", str(tmp_path / "bestaat-niet.json"))
    assert Method.objects.filter(organisation__isnull=True).count() == 32


def test_it_recommends_from_the_shipped_file_when_the_database_is_not_migrated(monkeypatch, db):
    import io
    import json

    from django.core.management import call_command
    from django.db import DatabaseError

    from steunwerk.methods.catalogue import Index

    profile = json.dumps(
        {"target_groups": ["psychisch"], "problem_level": "complex", "aim": None, "domains": [], "text": ""}
    )

    def run():
        monkeypatch.setattr("sys.stdin", io.StringIO(profile))
        out = io.StringIO()
        call_command("methods", "recommend", stdout=out)
        return json.loads(out.getvalue())

    from_database = run()

    def no_table(*args, **kwargs):
        raise DatabaseError("no such table: methods_method")

    monkeypatch.setattr(Index, "methods", classmethod(no_table))
    assert run() == from_database
