"""Searching the catalogue in Dutch (stemming, compounds, accents) and filtering on every classification."""

import pytest

from steunwerk.methods.catalogue import Index
from steunwerk.methods.filters import search
from steunwerk.methods.tests.helpers import BY_SLUG, slugs_where
from steunwerk.textsearch import fold, stems

pytestmark = pytest.mark.django_db


def found(**filters):
    return [m.slug for m in search(Index.methods(), filters)]


def test_it_finds_vriendendiensten_and_vriendenkringen_for_vrienden_first():
    result = found(q="vrienden")
    assert set(result[:2]) == {"vriendendiensten", "vriendenkringen"}


def test_it_finds_the_network_methods_for_netwerken():
    result = found(q="netwerken")
    assert {"sociale-netwerkstrategieen", "vrijwillige-netwerkcoach"} <= set(result)
    assert "herstellen-doe-je-zelf" not in result  # says nothing about networks


def test_it_finds_the_meeting_centres_first_for_dementie():
    result = found(q="dementie")
    assert result[0] == "ontmoetingscentra-dementie"
    assert "fact" not in result


@pytest.mark.parametrize("query", ["DEMENTIE", "Dementie", "dementié", "  dementie  "])
def test_it_ignores_case_and_accents(query):
    assert found(q=query) == found(q="dementie")


def test_it_matches_accented_words_in_the_catalogue_without_the_accent():
    assert found(q="netwerkstrategieen")[0] == "sociale-netwerkstrategieen"
    assert found(q="Sociale NetwerkStrategieën")[0] == "sociale-netwerkstrategieen"


@pytest.mark.parametrize(
    "alias, slug",
    [
        ("CTI", "critical-time-intervention"),
        ("ISPB", "interpersoonlijke-sociaal-psychiatrische-begeleiding"),
        ("Functie-ACT", "fact"),
    ],
)
def test_it_finds_a_method_by_another_name(alias, slug):
    assert found(q=alias)[0] == slug


def test_it_finds_nothing_for_a_word_the_catalogue_does_not_use():
    assert found(q="ruimtevaart") == []


def test_it_lists_everything_without_a_query_or_filters():
    assert set(found()) == set(BY_SLUG)


@pytest.mark.parametrize(
    "key, value, predicate",
    [
        ("target_group", "ouderdom", lambda e: "ouderdom" in e["target_groups"]),
        ("target_group", "algemeen", lambda e: "algemeen" in e["target_groups"]),
        ("problem_level", "licht", lambda e: e["problem_level"] in ("licht", "beide")),
        ("problem_level", "complex", lambda e: e["problem_level"] in ("complex", "beide")),
        ("problem_level", "beide", lambda e: e["problem_level"] == "beide"),
        ("aim", "participatie", lambda e: e["aim"] in ("participatie", "beide")),
        ("aim", "zelfredzaamheid", lambda e: e["aim"] in ("zelfredzaamheid", "beide")),
        ("aim", "beide", lambda e: e["aim"] == "beide"),
        ("domain", "mantelzorg", lambda e: "mantelzorg" in e["domains"]),
        ("working_element", "bemiddeling", lambda e: "bemiddeling" in e["working_elements"]),
        ("baken", "direct_erop_af", lambda e: "direct_erop_af" in e["wns_bakens"]),
        ("evidence_level", "effect-onderzocht", lambda e: e["evidence_level"] == "effect-onderzocht"),
        ("evidence_level", "praktijk-beschreven", lambda e: e["evidence_level"] == "praktijk-beschreven"),
        ("kind", "organisation_approach", lambda e: e["kind"] == "organisation_approach"),
        ("kind", "method", lambda e: e["kind"] == "method"),
        ("esi", "ja", lambda e: e["in_esi_databank"] is True),
        ("esi", "onbekend", lambda e: e["in_esi_databank"] is not True),
    ],
)
def test_it_filters_on_every_classification(key, value, predicate):
    expected = slugs_where(predicate)
    assert expected and expected != set(BY_SLUG)  # the filter must narrow the list to something
    assert set(found(**{key: value})) == expected


def test_it_shows_methods_for_both_levels_under_licht_but_not_methods_for_complex_only():
    result = found(problem_level="licht")
    assert {"vriendendiensten", "relim", "thuisbegeleiding"} <= set(result)
    assert not {"fact", "critical-time-intervention", "active-support"} & set(result)


def test_it_combines_filters():
    result = found(target_group="psychisch", problem_level="complex", aim="beide")
    assert set(result) == slugs_where(
        lambda e: (
            "psychisch" in e["target_groups"] and e["problem_level"] in ("complex", "beide") and e["aim"] == "beide"
        )
    )
    assert "critical-time-intervention" in result and "fact" not in result  # fact aims at self-reliance


def test_it_combines_a_query_with_filters():
    result = found(q="netwerk", kind="organisation_approach")
    assert result and set(result) <= {"signaleringsnetwerken", "maatschappelijke-steunsystemen", "kwartiermaken"}
    assert "signaleringsnetwerken" in result
    assert found(q="dementie", target_group="psychisch") == [
        s for s in found(q="dementie") if "psychisch" in BY_SLUG[s]["target_groups"]
    ]


def test_it_folds_case_and_accents():
    assert fold("Cliënt CAFÉ") == "client cafe"


def test_it_stems_dutch_and_drops_stopwords():
    assert stems("vrienden") == stems("vriend")
    assert stems("de het een van") == []
