"""Ranking methods for a support situation (methods/recommend.py): order, reasons, notes, profile checks."""

import pytest

from steunwerk.methods.catalogue import Index
from steunwerk.methods.recommend import Profile, ProfileError
from steunwerk.methods.tests.helpers import (
    COMPLEX_PSYCHIATRIC_TOP3,
    METHOD_SLUGS,
    ORGANISATION_APPROACHES,
    local_method,
    rank,
)

pytestmark = pytest.mark.django_db

DEMENTIA_AT_HOME = {
    "target_groups": ["ouderdom"],
    "problem_level": None,
    "aim": None,
    "domains": [],
    "text": "Mevrouw heeft dementie en woont nog thuis; haar man is mantelzorger en raakt overbelast.",
}
COMPLEX_PSYCHIATRIC = {
    "target_groups": ["psychisch"],
    "problem_level": "complex",
    "aim": None,
    "domains": [],
    "text": "",
}
LONELY = {
    "target_groups": ["psychisch"],
    "problem_level": "licht",
    "aim": "participatie",
    "domains": ["sociaal_netwerk"],
    "text": "Hij is eenzaam en wil graag vrienden maken.",
}
NO_PROVEN_METHOD = "De methodewijzer kent geen bewezen methode voor"


def by_slug(results):
    return {r.method.slug: r for r in results}


def slugs(results):
    return [r.method.slug for r in results]


def test_it_puts_the_meeting_centres_first_for_dementia_at_home():
    results, notes = rank(DEMENTIA_AT_HOME)
    assert results[0].method.slug == "ontmoetingscentra-dementie"
    assert "past bij doelgroep ouderen" in results[0].reasons
    assert any(r.startswith("sluit aan bij: ") and "dementie" in r for r in results[0].reasons)
    assert notes == []


def test_it_puts_fact_cti_and_ispb_on_top_for_complex_psychiatric_problems():
    results, _notes = rank(COMPLEX_PSYCHIATRIC)
    assert set(slugs(results[:3])) == COMPLEX_PSYCHIATRIC_TOP3
    assert results[2].score > results[3].score
    for r in results[:3]:
        assert r.reasons[:2] == ["past bij doelgroep psychisch", "geschikt voor complexe problematiek"]


@pytest.mark.parametrize(
    "profile", [DEMENTIA_AT_HOME, COMPLEX_PSYCHIATRIC, LONELY, {}], ids=["dementia", "complex", "lonely", "empty"]
)
def test_it_never_hides_a_method_but_leaves_out_organisation_approaches(profile):
    results, _notes = rank(profile)
    assert sorted(slugs(results)) == sorted(METHOD_SLUGS)
    assert not ORGANISATION_APPROACHES & set(slugs(results))


def test_it_never_proposes_an_organisation_approach_even_when_the_words_match():
    results, _notes = rank({"text": "kwartiermaken signaleringsnetwerken maatschappelijke steunsystemen"})
    assert not ORGANISATION_APPROACHES & set(slugs(results))


def test_it_lowers_a_mismatching_target_group_and_says_why():
    fitting = by_slug(rank({"target_groups": ["ouderdom"]})[0])["ontmoetingscentra-dementie"]
    mismatch = by_slug(rank({"target_groups": ["psychisch"]})[0])["ontmoetingscentra-dementie"]
    assert mismatch.score < fitting.score
    assert "niet gericht op doelgroep psychisch" in mismatch.reasons


def test_it_lowers_a_mismatching_problem_level_and_says_the_boundary_is_fuzzy():
    fitting = by_slug(rank({"problem_level": "complex"})[0])["fact"]
    mismatch = by_slug(rank({"problem_level": "licht"})[0])["fact"]
    assert mismatch.score < fitting.score
    assert "bedoeld voor complexe problematiek; de grens tussen licht en complex is niet scherp" in mismatch.reasons


def test_it_lowers_a_mismatching_aim_and_says_what_the_method_aims_at():
    fitting = by_slug(rank({"aim": "zelfredzaamheid"})[0])["fact"]
    mismatch = by_slug(rank({"aim": "participatie"})[0])["fact"]
    assert mismatch.score < fitting.score
    assert "vooral gericht op zelfredzaamheid" in mismatch.reasons


def test_it_explains_a_match_in_plain_dutch():
    reasons = by_slug(rank(LONELY)[0])["vriendendiensten"].reasons
    assert "past bij doelgroep psychisch" in reasons
    assert "gericht op participatie" in reasons
    assert "werkzaam element: netwerk betrekken" in reasons
    assert "levensgebied: sociaal netwerk" in reasons
    assert "sluit aan bij: vrienden" in reasons
    assert all(isinstance(r, str) and "_" not in r for r in reasons)  # labels, not codes


def test_it_puts_vriendendiensten_first_for_a_lonely_client_with_psychiatric_problems():
    assert rank(LONELY)[0][0].method.slug == "vriendendiensten"


def test_it_says_when_a_placement_in_the_table_is_uncertain():
    uncertain = by_slug(rank({"problem_level": "licht"})[0])["vriendendiensten"]
    certain = by_slug(rank({"problem_level": "complex"})[0])["fact"]
    assert "geschikt voor lichte problematiek (plaatsing in de tabel is niet zeker)" in uncertain.reasons
    assert "geschikt voor complexe problematiek" in certain.reasons


def test_it_weighs_a_certain_placement_above_an_uncertain_one():
    results = by_slug(rank({"problem_level": "complex"})[0])
    assert results["fact"].score > results["active-support"].score  # both complex; active support uncertain


@pytest.mark.parametrize(
    "profile", [DEMENTIA_AT_HOME, COMPLEX_PSYCHIATRIC, LONELY], ids=["dementia", "complex", "lonely"]
)
def test_it_orders_best_first_and_ties_by_name(profile):
    results, _notes = rank(profile)
    keys = [(-r.score, r.method.name) for r in results]
    assert keys == sorted(keys)


def test_it_limits_the_results():
    results, _notes = rank(COMPLEX_PSYCHIATRIC, limit=3)
    assert set(slugs(results)) == COMPLEX_PSYCHIATRIC_TOP3


@pytest.mark.parametrize(
    "group, phrase",
    [
        ("verstandelijk", "mensen met een verstandelijke beperking en complexe problemen"),
        ("lichamelijk", "mensen met een lichamelijke beperking en complexe problemen"),
        ("ouderdom", "ouderen met complexe problemen"),
    ],
)
def test_it_notes_that_the_catalogue_has_no_proven_method_for_complex_problems_of(group, phrase):
    results, notes = rank({"target_groups": [group], "problem_level": "complex"})
    assert any(NO_PROVEN_METHOD in n and phrase in n for n in notes), notes
    assert len(results) == len(METHOD_SLUGS)  # the note does not replace the list


def test_it_notes_that_no_method_fits_complex_problems_with_several_limitations():
    _results, notes = rank({"target_groups": ["psychisch", "verstandelijk"], "problem_level": "complex"})
    assert any("meervoudige beperkingen" in n for n in notes)


@pytest.mark.parametrize(
    "profile",
    [
        {"target_groups": ["psychisch"], "problem_level": "complex"},
        {"target_groups": ["verstandelijk"], "problem_level": "licht"},
        {"target_groups": ["psychisch", "verstandelijk"], "problem_level": "licht"},
        {"target_groups": ["verstandelijk"]},
    ],
)
def test_it_has_no_gap_note_where_the_catalogue_has_methods(profile):
    _results, notes = rank(profile)
    assert not any(NO_PROVEN_METHOD in n or "meervoudige" in n for n in notes)


def test_it_lists_an_empty_profile_alphabetically_and_says_so():
    results, notes = rank({})
    assert [r.method.name for r in results] == sorted(r.method.name for r in results)
    assert any("Het profiel is leeg" in n and "alfabetische volgorde" in n for n in notes)


def test_it_says_when_nothing_fits_clearly():
    _results, notes = rank({"text": "ruimtevaart"})
    assert "Geen enkele methode past duidelijk bij dit profiel." in notes


def test_it_ranks_a_local_method_of_the_organisation_when_it_is_given_one(world):
    local = local_method(
        world.org,
        target_groups=["psychisch"],
        problem_level="complex",
        aim="participatie",
        goal="Mensen met complexe psychische problemen vinden werk.",
    )
    results, _notes = rank(
        {"target_groups": ["psychisch"], "problem_level": "complex", "aim": "participatie"},
        methods=list(Index.methods()),
    )
    assert local.slug in slugs(results[:5])


@pytest.mark.parametrize(
    "data, message",
    [
        (
            {"target_groups": ["kinderen"]},
            "Onbekende waarde voor target_groups: kinderen. Toegestaan: ouderdom, lichamelijk, psychisch, verstandelijk, algemeen.",
        ),
        ({"target_groups": "psychisch"}, "target_groups moet een lijst zijn met waarden uit: ouderdom, lichamelijk"),
        (
            {"problem_level": "beide"},
            "Onbekende waarde voor problem_level: 'beide'. Toegestaan: licht, complex of null.",
        ),
        ({"aim": "geluk"}, "Toegestaan: zelfredzaamheid, participatie, beide of null."),
        ({"domains": ["sport"]}, "Onbekende waarde voor domains: sport. Toegestaan: wonen, werk_dagbesteding"),
        ({"leeftijd": 80}, "Onbekend veld: leeftijd. Toegestaan: target_groups, problem_level, aim, domains, text."),
        ({"text": 5}, "text moet tekst zijn."),
        ({"text": "x" * 10001}, "text is te lang (hoogstens 10000 tekens)."),
        ([], "Het profiel moet een JSON-object zijn"),
        ("psychisch", "Het profiel moet een JSON-object zijn"),
    ],
)
def test_it_refuses_a_profile_with_a_message_naming_what_is_allowed(data, message):
    with pytest.raises(ProfileError) as exc:
        Profile.from_dict(data)
    assert message in str(exc.value)


def test_it_accepts_a_profile_with_only_some_fields_and_drops_duplicates():
    profile = Profile.from_dict({"target_groups": ["psychisch", "psychisch"], "problem_level": None})
    assert profile.target_groups == ["psychisch"]
    assert (profile.problem_level, profile.aim, profile.domains, profile.text) == (None, None, [], "")
