"""Fixed reference lists of Supportgericht Werken, in one place.

Values are English identifiers (used in code, exports and the API); labels are the book's Dutch terms as
professionals know them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Gemeente")
    NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("Wijkteam")
    CLIENT_SUPPORT = "client_support", _("Cliëntondersteuning (MEE)")
    WELFARE = "welfare", _("Welzijnsorganisatie")


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    TEAM_LEAD = "team_lead", _("Teamleider")
    ORG_ADMIN = "org_admin", _("Organisatiebeheerder")
    WMO_CONSULTANT = "wmo_consultant", _("Wmo-consulent (gemeente)")
    CATALOGUE_ADMIN = "catalogue_admin", _("Beheerder methodewijzer")
    MELDPUNT_COORDINATOR = "meldpunt_coordinator", _("Coördinator meldpunt")


class Limitation(models.TextChoices):
    OLD_AGE = "old_age", _("Ouderdom")
    PHYSICAL = "physical", _("Lichamelijk")
    INTELLECTUAL = "intellectual", _("Verstandelijk")
    PSYCHOLOGICAL = "psychological", _("Psychisch")
    SOCIAL = "social", _("Sociaal")


class Phase(models.TextChoices):
    MEETING = "meeting", _("Ontmoeting en kennismaking")
    INFORMATION = "information", _("Informatie verzamelen, ordenen en analyseren")
    GOALS = "goals", _("Doelen stellen")
    PLANNING = "planning", _("Plan maken")
    EXECUTION = "execution", _("Plan uitvoeren")
    EVALUATION = "evaluation", _("Monitoren, evalueren en bijstellen")

    @classmethod
    def number(cls, value):
        return _PHASE_NUMBERS.get(value, 0)


_PHASE_NUMBERS = {value: n for n, value in enumerate(Phase.values, start=1)}


PHASE_GOALS = {
    Phase.MEETING: _(
        "Elkaar leren kennen; zicht krijgen op de leefwereld, de woonomgeving en het netwerk van de cliënt."
    ),
    Phase.INFORMATION: _(
        "De informatie verzamelen die nodig is voor een goed Plan van Aanpak: wensen, voorkeuren, mogelijkheden, beperkingen en hulpbronnen."
    ),
    Phase.GOALS: _("Samen met de cliënt doelen kiezen, op basis van de belangrijkste wensen, en prioriteiten stellen."),
    Phase.PLANNING: _("Opties afwegen en een Plan van Aanpak maken dat past bij de wensen en doelen."),
    Phase.EXECUTION: _("Het plan uitvoeren; de cliënt houdt de regie."),
    Phase.EVALUATION: _("De uitvoering volgen, evalueren met de cliënt en het plan bijstellen waar nodig."),
}

MONITORING_QUESTIONS = [
    (
        "relationship",
        _(
            "Is de relatie op koers? Is er genoeg vertrouwen, loopt de communicatie goed over en weer, en handel ik vanuit het belang en perspectief van de cliënt?"
        ),
    ),
    ("activities", _("Verlopen de activiteiten in deze fase goed?")),
    ("connection", _("Sluiten de fasen logisch op elkaar aan?")),
]


class LifeDomain(models.TextChoices):
    """The eight rows of the Persoonlijk Profiel."""

    HOUSING = "housing", _("Wonen")
    WORK = "work", _("Werken")
    LEARNING = "learning", _("Leren – Opleiding")
    LEISURE = "leisure", _("Recreëren – Vrije tijd")
    HEALTH = "health", _("Gezondheid")
    SELF_CARE = "self_care", _("Persoonlijke (zelf)zorg (incl. huishouden, financiën)")
    SOCIAL_CONTACTS = "social_contacts", _("Sociale contacten")
    MEANING = "meaning", _("Zingeving")


class ProfileAspect(models.TextChoices):
    CURRENT = "current", _("Huidige mogelijkheden en ervaringen")
    WISHES = "wishes", _("Wensen")
    EARLIER = "earlier", _("Vroegere mogelijkheden en ervaringen")


class QualityDimension(models.TextChoices):
    """Schalock's eight dimensions of quality of life (Kwaliteit van bestaan)."""

    EMOTIONAL = "emotional", _("Emotioneel welbevinden")
    RELATIONS = "relations", _("Interpersoonlijke relaties")
    MATERIAL = "material", _("Materieel welbevinden")
    DEVELOPMENT = "development", _("Persoonlijke ontplooiing")
    PHYSICAL = "physical", _("Lichamelijk welbevinden")
    SELF_DETERMINATION = "self_determination", _("Zelfbepaling")
    INCLUSION = "inclusion", _("Sociale inclusie")
    RIGHTS = "rights", _("Rechten")


class QualityAspect(models.TextChoices):
    BARRIERS = "barriers", _("Ervaren belemmeringen")
    WISHES = "wishes", _("Wensen")
    NEEDED = "needed", _("Benodigde ondersteuning en hulpbronnen")
    PRESENT = "present", _("Aanwezige ondersteuning en hulpbronnen")


class Voice(models.TextChoices):
    """Whose words a text is: the profile is the client's, so this is always recorded."""

    CLIENT = "client", _("Eigen woorden cliënt")
    NETWORK = "network", _("Iemand uit het netwerk")
    PROFESSIONAL = "professional", _("Professional")


class StepActor(models.TextChoices):
    """Who carries out a plan step; also the resource ladder, in conversation order."""

    SELF = "self", _("Cliënt zelf (eigen kracht)")
    NETWORK = "network", _("Iemand uit het netwerk")
    GENERAL_PROVISION = "general_provision", _("Algemene voorziening")
    PROFESSIONAL = "professional", _("Professional")
    WMO = "wmo", _("Wmo-aanvraag (maatwerkvoorziening)")
    OTHER_LAW = "other_law", _("Andere wet (Wlz, Zvw, Jeugdwet, Participatiewet)")


# The Plan van Aanpak form of the book has four "who" columns; a general provision is help from others.
PLAN_COLUMNS = [
    ("self", _("Wat de persoon zelf doet"), [StepActor.SELF]),
    ("others", _("Wat anderen doen"), [StepActor.NETWORK, StepActor.GENERAL_PROVISION]),
    ("professional", _("Welke professionele hulp nodig is"), [StepActor.PROFESSIONAL]),
    ("wmo", _("Waarvoor een beroep op de Wmo gedaan wordt"), [StepActor.WMO, StepActor.OTHER_LAW]),
]


class Place(models.TextChoices):
    HOME = "home", _("Bij de cliënt thuis")
    KITCHEN_TABLE = "kitchen_table", _("Aan de keukentafel")
    COMMUNITY_CENTRE = "community_centre", _("Buurthuis")
    OFFICE = "office", _("Kantoor")
    CAFE = "cafe", _("Café")
    PHONE = "phone", _("Telefonisch of online")
    ELSEWHERE = "elsewhere", _("Elders")


class LogAction(models.TextChoices):
    READ = "read", _("Inzage")
    CREATE = "create", _("Aangemaakt")
    UPDATE = "update", _("Gewijzigd")
    DELETE = "delete", _("Verwijderd")
    EXPORT = "export", _("Export")
    SEARCH = "search", _("Zoekopdracht")
    PRINT = "print", _("Afgedrukt")


# --- Methodewijzer (catalogue of support methods). Values follow the catalogue's own Dutch codes, which are
# also what the command line and the API exchange.


class TargetGroup(models.TextChoices):
    OLD_AGE = "ouderdom", _("Ouderdomsbeperking")
    PHYSICAL = "lichamelijk", _("Lichamelijke beperking")
    PSYCHOLOGICAL = "psychisch", _("Psychische beperking")
    INTELLECTUAL = "verstandelijk", _("Verstandelijke beperking")
    GENERAL = "algemeen", _("Algemeen (meerdere doelgroepen)")


class ProblemLevel(models.TextChoices):
    LIGHT = "licht", _("Lichte problematiek")
    COMPLEX = "complex", _("Complexe problematiek")
    BOTH = "beide", _("Zowel lichte als complexe problematiek")


class Aim(models.TextChoices):
    SELF_RELIANCE = "zelfredzaamheid", _("Zelfredzaamheid")
    PARTICIPATION = "participatie", _("Participatie")
    BOTH = "beide", _("Zowel zelfredzaamheid als participatie")


class MethodDomain(models.TextChoices):
    HOUSING = "wonen", _("Wonen")
    WORK = "werk_dagbesteding", _("Werk en dagbesteding")
    FINANCES = "financien", _("Financiën")
    SOCIAL_NETWORK = "sociaal_netwerk", _("Sociaal netwerk")
    HEALTH = "gezondheid", _("Gezondheid")
    MENTAL_WELLBEING = "psychisch_welbevinden", _("Psychisch welbevinden")
    DAILY_SKILLS = "dagelijkse_vaardigheden", _("Dagelijkse vaardigheden")
    LEISURE = "vrije_tijd", _("Vrije tijd")
    SAFETY = "veiligheid", _("Veiligheid")
    PARENTING = "opvoeding", _("Opvoeding")
    INFORMAL_CARE = "mantelzorg", _("Mantelzorg")


# Which catalogue domains a goal in a Persoonlijk Profiel life domain touches (for recommendations).
LIFE_DOMAIN_TO_METHOD_DOMAINS = {
    LifeDomain.HOUSING: ["wonen", "dagelijkse_vaardigheden"],
    LifeDomain.WORK: ["werk_dagbesteding"],
    LifeDomain.LEARNING: ["werk_dagbesteding", "dagelijkse_vaardigheden"],
    LifeDomain.LEISURE: ["vrije_tijd", "sociaal_netwerk"],
    LifeDomain.HEALTH: ["gezondheid", "psychisch_welbevinden"],
    LifeDomain.SELF_CARE: ["dagelijkse_vaardigheden", "financien"],
    LifeDomain.SOCIAL_CONTACTS: ["sociaal_netwerk"],
    LifeDomain.MEANING: ["psychisch_welbevinden"],
}

# The client's kinds of limitation as the catalogue's target groups ("sociaal" has no own row there).
LIMITATION_TO_TARGET_GROUP = {
    Limitation.OLD_AGE: "ouderdom",
    Limitation.PHYSICAL: "lichamelijk",
    Limitation.INTELLECTUAL: "verstandelijk",
    Limitation.PSYCHOLOGICAL: "psychisch",
    Limitation.SOCIAL: "algemeen",
}


class WnsBaken(models.TextChoices):
    """The eight bakens of Welzijn Nieuwe Stijl."""

    QUESTION_BEHIND = "vraag_achter_de_vraag", _("Gericht op de vraag achter de vraag")
    OWN_STRENGTH = "eigen_kracht", _("Gebaseerd op de eigen kracht van de burger")
    OUTREACH = "direct_erop_af", _("Direct erop af")
    FORMAL_INFORMAL = "formeel_informeel", _("Formeel en informeel in optimale verhouding")
    COLLECTIVE_INDIVIDUAL = "collectief_individueel", _("Doordachte balans collectief en individueel")
    INTEGRAL = "integraal_werken", _("Integraal werken")
    RESULTS = "resultaatgericht", _("Niet vrijblijvend maar resultaatgericht")
    PROFESSIONAL_ROOM = "ruimte_professional", _("Ruimte voor de professional")


class WorkingElement(models.TextChoices):
    """Working elements (werkzame elementen) behind self-direction, grouped in four themes."""

    AUTONOMY = "autonomie", _("Autonomie")
    TAILORED = "maatwerk", _("Maatwerk")
    REFLECTION = "reflectie", _("Reflectie op de eigen situatie")
    STRENGTHS = "krachten_centraal", _("Krachten centraal")
    SELF_RESPECT = "zelfrespect", _("Zelfrespect en zelfwaardering")
    TARGETED_LEARNING = "gericht_leren", _("Gericht leren / vaardigheden trainen")
    INFORMATION = "informatie_educatie", _("Informatie en educatie")
    TAILORED_LEARNING = "leren_op_maat", _("Leren op maat")
    MOTIVATION = "aansluiten_motivatie", _("Aansluiten bij motivatie")
    POSITIVE_GOALS = "positieve_doelen", _("Gericht op positieve wensen en doelen")
    NETWORK = "netwerk_betrekken", _("Netwerk betrekken")
    MEDIATION = "bemiddeling", _("Bemiddeling")


WORKING_ELEMENT_THEMES = [
    (_("Eigenaarschap"), ["autonomie", "maatwerk", "reflectie"]),
    (_("Eigen kracht"), ["krachten_centraal", "zelfrespect", "gericht_leren", "informatie_educatie", "leren_op_maat"]),
    (_("Motivatie"), ["aansluiten_motivatie", "positieve_doelen"]),
    (_("Contacten"), ["netwerk_betrekken", "bemiddeling"]),
]


class EvidenceLevel(models.TextChoices):
    EFFECT = "effect-onderzocht", _("Effect onderzocht")
    THEORY = "theoretisch-onderbouwd", _("Theoretisch onderbouwd")
    PRACTICE = "praktijk-beschreven", _("Beschreven in de praktijk")
    UNKNOWN = "onbekend", _("Onbekend")


class MethodKind(models.TextChoices):
    METHOD = "method", _("Methode")
    ORGANISATION_APPROACH = "organisation_approach", _("Organisatiemethodiek")
    LOCAL = "local", _("Lokale methode of interventie")


# --- Network (sociaal netwerk) and resources


class Relation(models.TextChoices):
    FAMILY = "family", _("Familie")
    PARTNER = "partner", _("Partner")
    FRIEND = "friend", _("Vriend(in)")
    NEIGHBOUR = "neighbour", _("Buur")
    PEER = "peer", _("Lotgenoot")
    CLUB = "club", _("Club- of teamgenoot")
    VOLUNTEER = "volunteer", _("Vrijwilliger")
    PROFESSIONAL = "professional", _("Professional")


class SupportKind(models.TextChoices):
    PRACTICAL = "practical", _("Praktisch")
    EMOTIONAL = "emotional", _("Emotioneel")
    INFORMATION = "information", _("Informatie en advies")
    COMPANY = "company", _("Gezelschap")


class Load(models.TextChoices):
    """Draagkracht of a network member."""

    ABLE = "able", _("Kan het goed aan")
    UNDER_PRESSURE = "under_pressure", _("Onder druk")
    TOO_BUSY = "too_busy", _("Te druk")
    STOPPED = "stopped", _("Gestopt")


class Frequency(models.TextChoices):
    DAILY = "daily", _("Dagelijks")
    WEEKLY = "weekly", _("Wekelijks")
    MONTHLY = "monthly", _("Maandelijks")
    OCCASIONALLY = "occasionally", _("Af en toe")


class Involvement(models.TextChoices):
    YES = "yes", _("Ja, cliënt wil deze persoon erbij")
    NO = "no", _("Nee, liever niet")
    UNSURE = "unsure", _("Nog niet besproken")


class Circle(models.TextChoices):
    """The rings of the network map, from the client outwards."""

    HOUSEHOLD = "household", _("Huishouden")
    FAMILY_FRIENDS = "family_friends", _("Familie en vrienden")
    NEIGHBOURHOOD = "neighbourhood", _("Buurt en clubs")
    PROFESSIONALS = "professionals", _("Professionals")


RELATION_CIRCLE = {
    Relation.FAMILY: Circle.FAMILY_FRIENDS,
    Relation.PARTNER: Circle.FAMILY_FRIENDS,
    Relation.FRIEND: Circle.FAMILY_FRIENDS,
    Relation.NEIGHBOUR: Circle.NEIGHBOURHOOD,
    Relation.PEER: Circle.NEIGHBOURHOOD,
    Relation.CLUB: Circle.NEIGHBOURHOOD,
    Relation.VOLUNTEER: Circle.NEIGHBOURHOOD,
    Relation.PROFESSIONAL: Circle.PROFESSIONALS,
}


class OtherLaw(models.TextChoices):
    WLZ = "wlz", _("Wet langdurige zorg (Wlz)")
    ZVW = "zvw", _("Zorgverzekeringswet (Zvw)")
    JEUGDWET = "jeugdwet", _("Jeugdwet")
    PARTICIPATIEWET = "participatiewet", _("Participatiewet")


# The resource ladder in conversation order; a plan step's actor says on which rung it stands.
LADDER = [
    ("own_strength", _("Eigen kracht"), [StepActor.SELF]),
    ("network", _("Sociaal netwerk"), [StepActor.NETWORK]),
    ("general_provision", _("Algemene voorziening"), [StepActor.GENERAL_PROVISION]),
    (
        "customised",
        _("Maatwerk, professionele hulp of andere wet"),
        [StepActor.PROFESSIONAL, StepActor.WMO, StepActor.OTHER_LAW],
    ),
]


# --- Signalering


class ReporterType(models.TextChoices):
    NEIGHBOUR = "neighbour", _("Buurtbewoner")
    FAMILY = "family", _("Familie")
    CITIZEN = "citizen", _("Andere burger")
    VOLUNTEER = "volunteer", _("Vrijwilliger")
    CHURCH = "church", _("Kerk of geloofsgemeenschap")
    HOUSING = "housing", _("Woningcorporatie")
    POLICE = "police", _("Politie")
    GP = "gp", _("Huisarts")
    PROFESSIONAL = "professional", _("Professional (zorg of welzijn)")
    OTHER = "other", _("Anders")


class AgeBand(models.TextChoices):
    UNKNOWN = "unknown", _("Onbekend")
    MINOR = "minor", _("Jonger dan 18")
    ADULT = "adult", _("18 tot 75")
    OVER_75 = "over_75", _("75 of ouder")


class Typology(models.TextChoices):
    """Socially isolated older people (Machielse & Hortulanus): 4 levels of persistence × 2 orientations."""

    ACTIVE = "actieven", _("Actieven")
    SHELTERED = "geborgenen", _("Geborgenen")
    LEFT_BEHIND = "achterblijvers", _("Achterblijvers")
    DEPENDENT = "afhankelijken", _("Afhankelijken")
    COMPENSATORS = "compenseerders", _("Compenseerders")
    OUTSIDERS = "buitenstaanders", _("Buitenstaanders")
    HOPEFUL = "hoopvollen", _("Hoopvollen")
    SURVIVORS = "overlevers", _("Overlevers")


class CaseOutcome(models.TextChoices):
    HELPED = "helped", _("Geholpen")
    HANDED_OVER = "handed_over", _("Overgedragen")
    STOPPED = "stopped", _("Gestopt")
    DECEASED = "deceased", _("Overleden")


class MeetingKind(models.TextChoices):
    CORE = "core", _("Kernpartners (elke 4 tot 6 weken)")
    SHELL = "shell", _("Schilpartners (2 tot 3 keer per jaar)")
    MANAGEMENT = "management", _("Management (jaarlijks)")
    URGENT = "urgent", _("Spoedberaad")


class PartnerRole(models.TextChoices):
    CORE = "core", _("Kernpartner")
    SHELL = "shell", _("Schilpartner")
    MANAGEMENT = "management", _("Management")
