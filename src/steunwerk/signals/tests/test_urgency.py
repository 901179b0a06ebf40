import itertools

import pytest

from steunwerk.signals.urgency import Urgency, UrgencyError, band_for

EXTENTS = {"individual": 0, "several": 1, "minor": 2, "over_75": 2}
DURATIONS = {"incidental": 0, "structural_short": 1, "structural_long": 2}


def score(safety=0, health=0, wellbeing=0, extent="individual", duration="incidental"):
    return Urgency.from_dict(
        {"safety": safety, "health": health, "wellbeing": wellbeing, "extent": extent, "duration": duration}
    ).as_dict()


@pytest.mark.parametrize(
    "total, band",
    [(0, "none"), (4, "none"), (5, "consult"), (6, "consult"), (7, "professional"), (9, "professional"), (10, "acute")],
)
def test_it_puts_every_boundary_in_its_band(total, band):
    assert band_for(total) == band


def test_it_scores_every_combination_as_the_sum_of_its_items():
    seen_totals = set()
    for s, h, w, (extent, e), (duration, d) in itertools.product(
        range(3), range(3), range(3), EXTENTS.items(), DURATIONS.items()
    ):
        result = score(s, h, w, extent, duration)
        assert result["total"] == s + h + w + e + d
        seen_totals.add(result["total"])
    assert seen_totals == set(range(11))  # 0..10, and nothing beyond


def test_it_gives_the_maximum_only_for_serious_risks_on_all_items_with_a_vulnerable_person_for_long():
    assert score(2, 2, 2, "over_75", "structural_long") == {
        "total": 10,
        "band": "acute",
        "action_report": "Acute hulp: crisismelding.",
        "action_reporter": "Informatie, advies en ondersteuning (IAO) en terugkoppeling van de actie aan de melder.",
    }
    assert score(2, 2, 2, "minor", "structural_long")["band"] == "acute"
    assert score(2, 2, 2, "several", "structural_long")["band"] == "professional"


def test_it_never_silently_decides_for_five_or_six():
    # The widow of 78 from the book: moderate risk on health and well-being, over 75, duration unknown.
    widow = {duration: score(0, 1, 1, "over_75", duration) for duration in DURATIONS}
    assert widow["incidental"]["band"] == "none" and widow["incidental"]["total"] == 4
    assert widow["incidental"]["action_report"] == "Geen actie op de melding."
    for duration in ("structural_short", "structural_long"):
        assert widow[duration]["band"] == "consult"
        assert "teamconsultatie nodig" in widow[duration]["action_report"]


def test_it_asks_for_feedback_to_the_reporter_from_seven_on():
    assert "terugkoppeling" not in score(1, 1, 1, "individual", "structural_short")["action_reporter"]  # 4
    assert "terugkoppeling van de actie" in score(2, 2, 1, "individual", "structural_long")["action_reporter"]  # 7


@pytest.mark.parametrize(
    "data, fragment",
    [
        ({"safety": 3, "health": 0, "wellbeing": 0, "extent": "individual", "duration": "incidental"}, "safety"),
        ({"safety": -1, "health": 0, "wellbeing": 0, "extent": "individual", "duration": "incidental"}, "safety"),
        ({"safety": 1.5, "health": 0, "wellbeing": 0, "extent": "individual", "duration": "incidental"}, "safety"),
        ({"safety": True, "health": 0, "wellbeing": 0, "extent": "individual", "duration": "incidental"}, "safety"),
        ({"safety": "1", "health": 0, "wellbeing": 0, "extent": "individual", "duration": "incidental"}, "safety"),
        ({"safety": 0, "health": 0, "wellbeing": 0, "extent": "family", "duration": "incidental"}, "extent"),
        ({"safety": 0, "health": 0, "wellbeing": 0, "extent": "individual", "duration": "forever"}, "duration"),
        ({"safety": 0, "health": 0, "wellbeing": 0, "extent": "individual"}, "Ontbrekend veld: duration"),
        (
            {"safety": 0, "health": 0, "wellbeing": 0, "extent": "individual", "duration": "incidental", "x": 1},
            "Onbekend veld: x",
        ),
        ([1, 2, 3], "JSON-object"),
    ],
)
def test_it_rejects_bad_input_with_a_dutch_message(data, fragment):
    with pytest.raises(UrgencyError) as error:
        Urgency.from_dict(data)
    assert fragment in str(error.value)
