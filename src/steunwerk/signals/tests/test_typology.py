"""The Machielse & Hortulanus typology: 4 levels of persistence × 2 orientations, with interventions per level."""

import pytest

from steunwerk.signals.typology import (
    LEVELS,
    NO_VOLUNTEER,
    SPECIALISED_VOLUNTEER,
    TYPES,
    VOLUNTEER,
    interventions_for,
    type_for,
    types_by_level,
    volunteer_advice,
)
from steunwerk.vocab import Typology


def codes(value):
    return [i.code for i in interventions_for(value)]


def test_it_has_eight_types_on_four_levels_with_two_orientations():
    assert set(TYPES) == set(Typology.values)
    assert sorted((t.level, t.oriented) for t in TYPES.values()) == [
        (level, oriented) for level in (1, 2, 3, 4) for oriented in (False, True)
    ]


@pytest.mark.parametrize(
    "value, level, oriented",
    [
        ("actieven", 1, True),
        ("geborgenen", 1, False),
        ("achterblijvers", 2, True),
        ("afhankelijken", 2, False),
        ("compenseerders", 3, True),
        ("buitenstaanders", 3, False),
        ("hoopvollen", 4, True),
        ("overlevers", 4, False),
    ],
)
def test_it_places_each_type_as_the_book_does(value, level, oriented):
    t = type_for(value)
    assert (t.level, t.oriented) == (level, oriented)
    assert t.label == Typology(value).label
    assert t.description


@pytest.mark.parametrize("value", ["compenseerders", "buitenstaanders"])
def test_it_proposes_no_volunteer_for_structural_complex_isolation(value):
    assert volunteer_advice(value) == NO_VOLUNTEER
    assert NO_VOLUNTEER in codes(value)
    assert VOLUNTEER not in codes(value) and SPECIALISED_VOLUNTEER not in codes(value)
    assert "Geen vrijwilliger" in str(next(i.label for i in interventions_for(value) if i.code == NO_VOLUNTEER))


@pytest.mark.parametrize("value", ["hoopvollen", "overlevers"])
def test_it_proposes_only_a_specialised_volunteer_when_psychiatric_problems_are_entwined(value):
    assert volunteer_advice(value) == SPECIALISED_VOLUNTEER
    assert SPECIALISED_VOLUNTEER in codes(value) and VOLUNTEER not in codes(value)
    assert {"specialist_referral", "safety_net", "daily_guidance", "emotional_support"} <= set(codes(value))


@pytest.mark.parametrize("value", ["actieven", "geborgenen", "achterblijvers", "afhankelijken"])
def test_it_proposes_a_volunteer_or_a_match_on_the_first_two_levels(value):
    assert volunteer_advice(value) == VOLUNTEER
    assert VOLUNTEER in codes(value) and "remove_barriers" in codes(value)


def test_it_gives_both_types_of_a_level_the_same_interventions():
    for level, (oriented, not_oriented) in types_by_level():
        assert interventions_for(oriented.value) == interventions_for(not_oriented.value) == list(level.interventions)
        assert oriented.oriented and not not_oriented.oriented


def test_it_refers_to_specialist_help_from_level_two_and_keeps_level_one_light():
    assert "specialist_referral" not in codes("actieven")
    assert "specialist_referral" in codes("achterblijvers")
    assert "monitoring" in codes("buitenstaanders")
    assert [str(LEVELS[n].label) for n in (1, 3)] == [
        "Eenzaamheid, dreigend isolement",
        "Structureel isolement, complexe problematiek",
    ]


def test_it_refuses_an_unknown_type():
    with pytest.raises(KeyError):
        interventions_for("eenzamen")
