"""Ranking methods for a support situation, with the reasons in plain Dutch.

Every method gets a score; a mismatch lowers it and says why, it never hides the method: the sources say the
boundary between light and complex problems is fuzzy and several table placements are uncertain, so the
professional decides. The weights are documented in docs/methods.md.
"""

from dataclasses import dataclass, field

from steunwerk.textsearch import fold, stems
from steunwerk.vocab import Aim, MethodDomain, MethodKind, ProblemLevel, TargetGroup, WorkingElement

GROUP_NAMES = {
    "ouderdom": "ouderen",
    "lichamelijk": "lichamelijk",
    "psychisch": "psychisch",
    "verstandelijk": "verstandelijk",
    "algemeen": "algemeen",
}
GROUP_PHRASES = {
    "ouderdom": "ouderen met complexe problemen",
    "lichamelijk": "mensen met een lichamelijke beperking en complexe problemen",
    "verstandelijk": "mensen met een verstandelijke beperking en complexe problemen",
}

# Words in the situation that point at a working element (matched on their stems).
ELEMENT_CUES = {
    "netwerk_betrekken": "netwerk vriend vriendin familie buur buren buurman buurvrouw contact contacten eenzaam "
    "alleen isolement kennissen mantelzorger",
    "autonomie": "regie zelf zelfstandig zeggenschap autonomie eigen beslissen kiezen",
    "aansluiten_motivatie": "motivatie gemotiveerd wil willen zin",
    "positieve_doelen": "wens wensen droom toekomst hoop doel",
    "gericht_leren": "leren vaardigheid vaardigheden oefenen trainen training",
    "informatie_educatie": "informatie uitleg begrijpen weten kennis",
    "zelfrespect": "zelfvertrouwen schaamte schamen zelfbeeld onzeker",
    "bemiddeling": "meedoen vrijwilligerswerk werk baan buurt club vereniging",
    "krachten_centraal": "kracht krachten talent talenten sterk",
    "reflectie": "inzicht reflectie",
}
_ELEMENT_STEMS = {element: set(stems(words)) for element, words in ELEMENT_CUES.items()}
_ELEMENT_LABELS = dict(WorkingElement.choices)
_DOMAIN_LABELS = dict(MethodDomain.choices)
# Plain strings: this runs for every method on every request, and enum attribute access is slow.
BOTH, COMPLEX, ORGANISATION_APPROACH = "beide", "complex", str(MethodKind.ORGANISATION_APPROACH.value)


class ProfileError(ValueError):
    """A profile value that is not allowed; the message names what is."""


@dataclass
class Profile:
    target_groups: list = field(default_factory=list)
    problem_level: str | None = None
    aim: str | None = None
    domains: list = field(default_factory=list)
    text: str = ""

    @classmethod
    def from_dict(cls, data):
        if not isinstance(data, dict):
            raise ProfileError(
                "Het profiel moet een JSON-object zijn met de velden target_groups, problem_level, "
                "aim, domains en text."
            )
        unknown = set(data) - {"target_groups", "problem_level", "aim", "domains", "text"}
        if unknown:
            raise ProfileError(
                f"Onbekend veld: {', '.join(sorted(unknown))}. Toegestaan: target_groups, "
                "problem_level, aim, domains, text."
            )
        profile = cls(
            target_groups=_list(data, "target_groups", TargetGroup.values),
            problem_level=_one(data, "problem_level", [ProblemLevel.LIGHT, ProblemLevel.COMPLEX]),
            aim=_one(data, "aim", Aim.values),
            domains=_list(data, "domains", MethodDomain.values),
            text=data.get("text") or "",
        )
        if not isinstance(profile.text, str):
            raise ProfileError("text moet tekst zijn.")
        if len(profile.text) > 10000:
            raise ProfileError("text is te lang (hoogstens 10000 tekens).")
        return profile

    @property
    def is_empty(self):
        return not (self.target_groups or self.problem_level or self.aim or self.domains or self.text.strip())


def _list(data, key, allowed):
    values = data.get(key) or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ProfileError(f"{key} moet een lijst zijn met waarden uit: {', '.join(allowed)}.")
    wrong = [v for v in values if v not in allowed]
    if wrong:
        raise ProfileError(f"Onbekende waarde voor {key}: {', '.join(wrong)}. Toegestaan: {', '.join(allowed)}.")
    return list(dict.fromkeys(values))


def _one(data, key, allowed):
    value = data.get(key)
    if value is None:
        return None
    if value not in allowed:
        raise ProfileError(f"Onbekende waarde voor {key}: {value!r}. Toegestaan: {', '.join(allowed)} of null.")
    return value


@dataclass
class Recommendation:
    method: object
    score: float
    reasons: list

    def as_dict(self):
        return {
            "slug": self.method.slug,
            "name": self.method.name,
            "score": round(self.score, 2),
            "reasons": self.reasons,
        }


def _target_group(profile, method, reasons):
    groups = [g for g in profile.target_groups]
    if not groups:
        return 0.0
    primary = [g for g in groups if g in method.target_groups_primary]
    also = [g for g in groups if g in method.target_groups and g != "algemeen"]
    if primary:
        reasons.append("past bij doelgroep " + ", ".join(GROUP_NAMES[g] for g in primary))
        return 3.0
    if also:
        reasons.append("ook bedoeld voor doelgroep " + ", ".join(GROUP_NAMES[g] for g in also))
        return 2.0
    if "algemeen" in method.target_groups:
        reasons.append("bruikbaar voor meerdere doelgroepen (algemeen)")
        return 1.0
    reasons.append("niet gericht op doelgroep " + ", ".join(GROUP_NAMES[g] for g in groups))
    return -1.5


def _problem_level(profile, method, reasons):
    wanted, level = profile.problem_level, method.problem_level
    if not wanted or not level:
        return 0.0
    unsure = "" if method.problem_level_certain else " (plaatsing in de tabel is niet zeker)"
    if level == wanted:
        reasons.append(f"geschikt voor {wanted}e problematiek{unsure}")
        return 3.0 if method.problem_level_certain else 2.5
    if level == BOTH:
        reasons.append("geschikt voor lichte én complexe problematiek")
        return 1.0
    reasons.append(f"bedoeld voor {level}e problematiek{unsure}; de grens tussen licht en complex is niet scherp")
    return -1.5


def _aim(profile, method, reasons):
    wanted, aim = profile.aim, method.aim
    if not wanted or not aim:
        return 0.0
    if aim == wanted:
        reasons.append("gericht op zelfredzaamheid én participatie" if aim == BOTH else f"gericht op {aim}")
        return 1.5
    if aim == BOTH:
        reasons.append("gericht op zelfredzaamheid én participatie")
        return 1.2
    if wanted == BOTH:
        reasons.append(f"gericht op {aim}")
        return 0.5
    reasons.append(f"vooral gericht op {aim}")
    return -0.75


def _domains(profile, method, reasons):
    shared = [d for d in profile.domains if d in method.domains][:3]
    for d in shared:
        reasons.append(f"levensgebied: {str(_DOMAIN_LABELS[d]).lower()}")
    return 1.0 * len(shared)


def wanted_elements(profile, query_stems):
    wanted = [e for e, cue in _ELEMENT_STEMS.items() if cue & set(query_stems)]
    if profile.aim in (Aim.PARTICIPATION, Aim.BOTH):
        wanted += ["bemiddeling", "netwerk_betrekken"]
    if "sociaal_netwerk" in profile.domains:
        wanted.append("netwerk_betrekken")
    return list(dict.fromkeys(wanted))


def _elements(wanted, method, reasons):
    shared = [e for e in wanted if e in method.working_elements][:3]
    for e in shared:
        reasons.append(f"werkzaam element: {str(_ELEMENT_LABELS[e]).lower()}")
    return 0.5 * len(shared)


def _text(query_words, text_scores, method, reasons):
    total, matched = text_scores.get(method.pk, (0.0, []))
    if not matched:
        return 0.0
    words = [query_words[s] for s in matched][:5]
    reasons.append("sluit aan bij: " + ", ".join(words))
    return min(3.0, 0.75 * total)


def notes_for(profile, results):
    notes = []
    if profile.problem_level == ProblemLevel.COMPLEX:
        groups = [g for g in profile.target_groups if g in GROUP_PHRASES]
        specific = [g for g in profile.target_groups if g != "algemeen"]
        for g in groups:
            notes.append(
                f"De methodewijzer kent geen bewezen methode voor {GROUP_PHRASES[g]}. De volgorde hieronder "
                "is een hulpmiddel, geen advies: bespreek de keuze in het team."
            )
        if len(specific) > 1:  # several groups always include one of GROUP_PHRASES, so a note is already there
            notes.append(
                "Bij meervoudige beperkingen met complexe problemen past geen enkele methode uit de "
                "methodewijzer volledig."
            )
    if profile.is_empty:
        notes.append(
            "Het profiel is leeg: de methoden staan in alfabetische volgorde. Vul doelgroep, problematiek, "
            "doel of een beschrijving in voor een onderbouwde volgorde."
        )
    elif results and results[0].score <= 1.0:
        notes.append("Geen enkele methode past duidelijk bij dit profiel.")
    return notes


def recommend(profile, methods, corpus, limit=None):
    """Rank methods for a profile. Returns (recommendations best first, notes)."""
    query_words = {}
    for word in fold(profile.text).split():
        for s in stems(word):
            query_words.setdefault(s, word.strip(".,;:!?()\"'"))
    wanted = wanted_elements(profile, list(query_words))
    text_scores = corpus.scores(list(query_words)) if query_words else {}
    results = []
    for method in methods:
        if method.kind == ORGANISATION_APPROACH:
            continue  # organisation-level approaches are not chosen for one client's plan
        reasons = []
        score = (
            _target_group(profile, method, reasons)
            + _problem_level(profile, method, reasons)
            + _aim(profile, method, reasons)
            + _domains(profile, method, reasons)
            + _elements(wanted, method, reasons)
            + _text(query_words, text_scores, method, reasons)
        )
        if method.evidence_level == "effect-onderzocht":
            score += 0.25
            reasons.append("effect onderzocht")
        results.append(Recommendation(method, score, reasons))
    # An empty profile says nothing to rank on: alphabetical, as its note says (not by the evidence bonus).
    results.sort(key=(lambda r: r.method.name) if profile.is_empty else (lambda r: (-r.score, r.method.name)))
    notes = notes_for(profile, results)
    return (results[:limit] if limit else results), notes
