"""The urgency instrument for signals ("schema urgentie en vraagverheldering", Twente), exactly as printed.

Aard (nature): safety, health, well-being, each none 0 / moderate 1 / serious 2.
Omvang (extent), one choice: individual 0, several people 1, person(s) under 18 2, person(s) over 75 2.
Duur (duration): incidental 0, structural under half a year 1, structural over half a year 2.
Total 0–10. The printed bands are "< 5", "> 6" and "10"; totals 5 and 6 fall in none of them, so the
instrument prescribes no action there: we say so ("consult": discuss in the team) instead of choosing silently.
"""

from dataclasses import dataclass

EXTENT_SCORES = {"individual": 0, "several": 1, "minor": 2, "over_75": 2}
DURATION_SCORES = {"incidental": 0, "structural_short": 1, "structural_long": 2}
NATURE_ITEMS = ("safety", "health", "wellbeing")
FIELDS = (*NATURE_ITEMS, "extent", "duration")

BANDS = {
    "none": {
        "action_report": "Geen actie op de melding.",
        "action_reporter": "Informatie, advies en ondersteuning (IAO) aan de melder.",
    },
    "consult": {
        "action_report": "Het instrument schrijft bij 5 of 6 punten geen actie voor: bespreek de melding in het "
        "team (teamconsultatie nodig) en leg het besluit vast.",
        "action_reporter": "Informatie, advies en ondersteuning (IAO) aan de melder; terugkoppeling na het "
        "teamoverleg.",
    },
    "professional": {
        "action_report": "Actief toewerken naar professionele hulp en nagaan welke hulp er al is.",
        "action_reporter": "Informatie, advies en ondersteuning (IAO) en terugkoppeling van de actie aan de melder.",
    },
    "acute": {
        "action_report": "Acute hulp: crisismelding.",
        "action_reporter": "Informatie, advies en ondersteuning (IAO) en terugkoppeling van de actie aan de melder.",
    },
}
BAND_LABELS = {
    "none": "Geen actie (minder dan 5)",
    "consult": "Teamconsultatie nodig (5 of 6)",
    "professional": "Professionele hulp (7 tot en met 9)",
    "acute": "Acute hulp (10)",
}


class UrgencyError(ValueError):
    pass


def band_for(total):
    if total < 5:
        return "none"
    if total <= 6:
        return "consult"
    if total < 10:
        return "professional"
    return "acute"


@dataclass(frozen=True)
class Urgency:
    safety: int
    health: int
    wellbeing: int
    extent: str
    duration: str

    @classmethod
    def from_dict(cls, data):
        if not isinstance(data, dict):
            raise UrgencyError("Verwacht een JSON-object met safety, health, wellbeing, extent en duration.")
        unknown = set(data) - set(FIELDS)
        if unknown:
            raise UrgencyError(f"Onbekend veld: {', '.join(sorted(unknown))}. Toegestaan: {', '.join(FIELDS)}.")
        missing = [f for f in FIELDS if f not in data]
        if missing:
            raise UrgencyError(f"Ontbrekend veld: {', '.join(missing)}.")
        for item in NATURE_ITEMS:
            value = data[item]
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 2:
                raise UrgencyError(
                    f"{item} moet 0 (geen risico), 1 (matig risico) of 2 (ernstig risico) zijn, niet {value!r}."
                )
        if data["extent"] not in EXTENT_SCORES:
            raise UrgencyError(f"extent moet één van {', '.join(EXTENT_SCORES)} zijn, niet {data['extent']!r}.")
        if data["duration"] not in DURATION_SCORES:
            raise UrgencyError(f"duration moet één van {', '.join(DURATION_SCORES)} zijn, niet {data['duration']!r}.")
        return cls(**{f: data[f] for f in FIELDS})

    @property
    def total(self):
        return self.safety + self.health + self.wellbeing + EXTENT_SCORES[self.extent] + DURATION_SCORES[self.duration]

    @property
    def band(self):
        return band_for(self.total)

    def as_dict(self):
        band = self.band
        return {"total": self.total, "band": band, **BANDS[band]}
