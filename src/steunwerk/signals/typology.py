"""Typology of socially isolated older people (Machielse & Hortulanus), as the signalling network uses it.

Two axes: how persistent the isolation is (level 1 to 4) and whether the person is oriented towards taking part
in social life or not (clearly). That gives eight types. The level is what mainly decides the effort needed and
which interventions fit; the orientation says how much the person looks for contact in informal ties (partner,
family, neighbours, friends) and formal ties (work, volunteering, clubs).

Rules carried over from the book:
- analyse and name the problem first, then choose interventions;
- on levels 1 and 2, interventions that widen the network or support taking part often fit, and things can
  improve fairly fast;
- on levels 3 and 4 (structural isolation), such interventions are mostly not realistic;
- level 3: no volunteer is proposed (explicitly);
- level 4: only a specialised (trained) volunteer.

The book gives no criteria or questions for assigning a person to a type: the professional decides.
The descriptions and intervention texts below are our own wording.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from steunwerk.vocab import Typology

# Volunteer advice per level: what the interventions list says about deploying a volunteer.
VOLUNTEER = "volunteer"
NO_VOLUNTEER = "no_volunteer"
SPECIALISED_VOLUNTEER = "specialised_volunteer"


@dataclass(frozen=True)
class Intervention:
    code: str
    label: str


@dataclass(frozen=True)
class Level:
    number: int
    label: str
    trajectory: str  # what kind of trajectory usually follows
    volunteer: str  # VOLUNTEER, NO_VOLUNTEER or SPECIALISED_VOLUNTEER
    interventions: tuple


@dataclass(frozen=True)
class IsolationType:
    value: str  # the Typology value stored on a case
    level: int
    oriented: bool  # oriented towards taking part in social life
    description: str

    @property
    def label(self):
        return Typology(self.value).label

    @property
    def orientation_label(self):
        return ORIENTATION_LABELS[self.oriented]

    @property
    def level_info(self):
        return LEVELS[self.level]


def _i(code, label):
    return Intervention(code, label)


REMOVE_BARRIERS = _i("remove_barriers", _("Drempels wegnemen die meedoen in de weg staan"))
VOLUNTEER_MATCH = _i(VOLUNTEER, _("Een vrijwilliger of een andere oudere als maatje koppelen"))
TO_ACTIVITIES = _i("to_activities", _("Toeleiden naar groepsaanbod en activiteiten in de buurt"))
SPECIALIST_REFERRAL = _i("specialist_referral", _("Doorverwijzen naar gespecialiseerde hulp"))
PRACTICAL = _i("practical", _("Praktische problemen oplossen"))

LEVELS = {
    1: Level(
        1,
        _("Eenzaamheid, dreigend isolement"),
        _("Meestal een betrekkelijk kort traject."),
        VOLUNTEER,
        (
            REMOVE_BARRIERS,
            _i("prevention", _("Voorkomend ondersteunen, bijvoorbeeld bij rouw of bij zware mantelzorg")),
            TO_ACTIVITIES,
            VOLUNTEER_MATCH,
        ),
    ),
    2: Level(
        2,
        _("Situationeel isolement, enkelvoudige problematiek"),
        _("Meestal een betrekkelijk kort maar intensief traject."),
        VOLUNTEER,
        (
            REMOVE_BARRIERS,
            _i("individual_guidance", _("Individuele begeleiding door een professional")),
            VOLUNTEER_MATCH,
            TO_ACTIVITIES,
            SPECIALIST_REFERRAL,
        ),
    ),
    3: Level(
        3,
        _("Structureel isolement, complexe problematiek"),
        _("Een lang traject met weinig intensieve begeleiding."),
        NO_VOLUNTEER,
        (
            PRACTICAL,
            _i("monitoring", _("Een professional houdt vinger aan de pols")),
            _i(NO_VOLUNTEER, _("Geen vrijwilliger inzetten: bij dit niveau van isolement is dat niet haalbaar")),
        ),
    ),
    4: Level(
        4,
        _("Structureel isolement, verweven met psychiatrische of psychogeriatrische problematiek"),
        _("Een lang en intensief traject."),
        SPECIALISED_VOLUNTEER,
        (
            PRACTICAL,
            _i("daily_guidance", _("Begeleiding bij het dagelijks functioneren")),
            _i("emotional_support", _("Emotionele en psychosociale steun")),
            SPECIALIST_REFERRAL,
            _i(SPECIALISED_VOLUNTEER, _("Alleen een gespecialiseerde, getrainde vrijwilliger")),
            _i("safety_net", _("Een professioneel vangnet om de persoon heen organiseren")),
        ),
    ),
}

ORIENTATION_LABELS = {
    True: _("Gericht op meedoen"),
    False: _("Niet (duidelijk) gericht op meedoen"),
}

TYPES = {
    t.value: t
    for t in (
        IsolationType(
            Typology.ACTIVE, 1, True, _("Voelt zich eenzaam, maar zoekt zelf contact en wil graag blijven meedoen.")
        ),
        IsolationType(
            Typology.SHELTERED,
            1,
            False,
            _("Voelt zich eenzaam en past zich liever aan de eigen situatie aan dan nieuwe contacten te zoeken."),
        ),
        IsolationType(
            Typology.LEFT_BEHIND,
            2,
            True,
            _("Een klein netwerk is weggevallen, bijvoorbeeld door overlijden of verhuizing; wil wel weer contact."),
        ),
        IsolationType(
            Typology.DEPENDENT,
            2,
            False,
            _("Leunt op één relatie die tegelijk beperkt; zoekt zelf weinig andere contacten."),
        ),
        IsolationType(
            Typology.COMPENSATORS,
            3,
            True,
            _(
                "Langdurig geïsoleerd met meerdere problemen; zoekt houvast in formele contacten zoals "
                "hulpverleners en instanties."
            ),
        ),
        IsolationType(
            Typology.OUTSIDERS,
            3,
            False,
            _("Langdurig geïsoleerd met meerdere problemen, die verborgen blijven; houdt anderen op afstand."),
        ),
        IsolationType(
            Typology.HOPEFUL,
            4,
            True,
            _(
                "Langdurig geïsoleerd, met psychiatrische of psychogeriatrische problemen; teleurgesteld, "
                "maar wacht nog op verbetering."
            ),
        ),
        IsolationType(
            Typology.SURVIVORS,
            4,
            False,
            _(
                "Langdurig geïsoleerd, met psychiatrische of psychogeriatrische problemen; heeft het "
                "opgegeven en leeft aan de rand van de samenleving."
            ),
        ),
    )
}


def type_for(value):
    """The IsolationType for a Typology value; KeyError for anything else."""
    return TYPES[value]


def interventions_for(value):
    """The interventions that fit this type (they follow from its level), in the order the book lists them."""
    return list(type_for(value).level_info.interventions)


def volunteer_advice(value):
    """VOLUNTEER, NO_VOLUNTEER or SPECIALISED_VOLUNTEER for this type."""
    return type_for(value).level_info.volunteer


def types_by_level():
    """[(Level, [oriented type, not oriented type]), ...] for levels 1 to 4."""
    return [
        (
            LEVELS[n],
            [t for t in TYPES.values() if t.level == n and t.oriented]
            + [t for t in TYPES.values() if t.level == n and not t.oriented],
        )
        for n in sorted(LEVELS)
    ]
