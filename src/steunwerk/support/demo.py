"""Demo data: organisations, a user per role, several fictional clients, and the complete Bram case.

Everyone here is fictional. Running it twice changes nothing (it looks people up by name first).
"""

from datetime import date

from django.db import transaction

from steunwerk.accounts.models import Membership, Organisation, Team, User
from steunwerk.clients.models import Client, NetworkMember
from steunwerk.support.export import plan_snapshot
from steunwerk.support.models import (
    ActionPlan,
    Evaluation,
    Goal,
    ImportantWish,
    LogbookEntry,
    NetworkSnapshot,
    Option,
    PhaseChange,
    PlanStep,
    PlanVersion,
    ProfileEntry,
    QualityEntry,
    Trajectory,
)
from steunwerk.support.network import snapshot_members
from steunwerk.vocab import (
    Frequency,
    Involvement,
    Load,
    OrganisationKind,
    Phase,
    Relation,
    Role,
    StepActor,
    SupportKind,
    Voice,
)

DEMO_PASSWORD = "steunwerk-demo"

USERS = [
    # username, first, last, organisation, team, role
    ("professional", "Sanne", "de Vries", "Wijkteam Amersfoort", "Team Schothorst", Role.PROFESSIONAL),
    ("teamleider", "Karin", "Bos", "Wijkteam Amersfoort", "Team Schothorst", Role.TEAM_LEAD),
    ("beheerder", "Ahmed", "Yilmaz", "Wijkteam Amersfoort", None, Role.ORG_ADMIN),
    ("wmoconsulent", "Joost", "Smit", "Gemeente Amersfoort", None, Role.WMO_CONSULTANT),
    ("collega", "Pieter", "Hendriks", "Wijkteam Amersfoort", "Team Vathorst", Role.PROFESSIONAL),
    ("mee", "Lieke", "Willems", "MEE Eemland", "Team Eemland", Role.PROFESSIONAL),
]

ORGANISATIONS = {
    "Wijkteam Amersfoort": OrganisationKind.NEIGHBOURHOOD_TEAM,
    "Gemeente Amersfoort": OrganisationKind.MUNICIPALITY,
    "MEE Eemland": OrganisationKind.CLIENT_SUPPORT,
    "Welzijn Amersfoort": OrganisationKind.WELFARE,
}

OTHER_CLIENTS = [
    # name, date of birth, limitations, neighbourhood, team, phase, request
    (
        "Fatima El Amrani",
        date(1988, 3, 2),
        ["psychological"],
        "Kruiskamp",
        "Team Schothorst",
        Phase.INFORMATION,
        "Meldt zich zelf: zit vast met post en rekeningen sinds een opname.",
    ),
    (
        "Gerrit Mulder",
        date(1944, 11, 19),
        ["old_age", "physical"],
        "Schothorst",
        "Team Schothorst",
        Phase.GOALS,
        "Dochter maakt zich zorgen: hij komt de deur niet meer uit sinds zijn vrouw overleed.",
    ),
    (
        "Anouk Visser",
        date(1996, 7, 30),
        ["physical"],
        "Schothorst",
        "Team Schothorst",
        Phase.MEETING,
        "Vraagt hulp bij vervoer naar werk na een ongeluk.",
    ),
    (
        "Kees van Dam",
        date(1971, 1, 8),
        ["social"],
        "Vathorst",
        "Team Vathorst",
        Phase.EXECUTION,
        "Schulden en dreigende huisuitzetting.",
    ),
]


def _org(name):
    return Organisation.objects.get_or_create(name=name, defaults={"kind": ORGANISATIONS[name]})[0]


def _users():
    users = {}
    for username, first, last, org_name, team_name, role in USERS:
        org = _org(org_name)
        team = Team.objects.get_or_create(organisation=org, name=team_name)[0] if team_name else None
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": first, "last_name": last})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.get_or_create(user=user, organisation=org, team=team, role=role)
        users[username] = user
    return users


def _client(org, **fields):
    client = Client.objects.filter(organisation=org, name=fields["name"]).first()
    if client:
        return client, False
    return Client.objects.create(organisation=org, **fields), True


def _grid(model, trajectory, row_field, rows, user):
    for (row, aspect), (text, voice) in rows.items():
        model.objects.create(
            trajectory=trajectory, aspect=aspect, text=text, voice=voice, recorded_by=user, **{row_field: row}
        )


def _plan(goal, user, drawn_up_on, evaluation_on, needed_aids, ladder_note, steps):
    plan = ActionPlan.objects.create(
        goal=goal,
        drawn_up_on=drawn_up_on,
        evaluation_on=evaluation_on,
        needed_aids=needed_aids,
        ladder_note=ladder_note,
        updated_by=user,
    )
    for order, (actor, description, performer, amount) in enumerate(steps, start=1):
        PlanStep.objects.create(
            plan=plan, order=order, actor=actor, description=description, performer=performer, amount=amount
        )
    PlanVersion.objects.create(plan=plan, number=1, snapshot=plan_snapshot(plan), saved_by=user)
    return plan


def _bram(users):
    org = _org("Wijkteam Amersfoort")
    team = Team.objects.get(organisation=org, name="Team Schothorst")
    me = users["professional"]
    bram, created = _client(
        org,
        name="Bram de Wit",
        date_of_birth=date(1999, 5, 14),
        bsn="111222333",
        street_address="Hogeweg 120",
        postcode="3814 CE",
        city="Amersfoort",
        neighbourhood="Schothorst",
        phone="06-12345678",
        limitations=["intellectual"],
        wanted_helpers="Zijn buurman, zijn vriend, mensen van de volleybal; een begeleider die ook bij andere persoonlijke zaken kan helpen.",
        unwanted_helpers="Zijn moeder: hij wil haar hulp in het huishouden niet meer.",
    )
    if not created:
        return bram
    network = _bram_network(bram)
    t = Trajectory.objects.create(
        client=bram,
        team=team,
        lead=me,
        phase=Phase.EVALUATION,
        started_on=date(2026, 5, 25),
        complexity="licht",
        aim="beide",
        request="Een goede vriend van Bram maakte zich zorgen over de rommel in zijn huis en nam contact op met de "
        "woonconsulent van de woningcorporatie.",
    )
    for a, b in zip(Phase.values, Phase.values[1:], strict=False):
        PhaseChange.objects.create(trajectory=t, from_phase=a, to_phase=b, changed_by=me)

    C, P = Voice.CLIENT, Voice.PROFESSIONAL
    _grid(
        ProfileEntry,
        t,
        "domain",
        {
            ("housing", "current"): (
                "Ik woon alleen in een appartement in Schothorst. Als het een rommel wordt, raak ik het overzicht kwijt en word ik gestrest.",
                C,
            ),
            ("housing", "wishes"): (
                "Een opgeruimd huis waar alles een vaste plek heeft, zodat ik weer mensen durf uit te nodigen.",
                C,
            ),
            ("housing", "earlier"): (
                "Bij mijn ouders thuis hield mijn moeder alles op orde. Dat was fijn, maar nu wil ik het zonder haar.",
                C,
            ),
            ("work", "current"): (
                "Ik werk bij een boekbinderij. Dat gaat goed: mijn collega's helpen me en het werk heeft een vaste structuur.",
                C,
            ),
            ("leisure", "current"): ("Buiten mijn werk doe ik bijna niets.", C),
            ("leisure", "wishes"): ("Vrijwilligerswerk doen en nieuwe mensen leren kennen.", C),
            ("self_care", "current"): (
                "Zijn was doet hij zelf. Kleding opbergen in de kast en het huis schoonhouden lukt niet.",
                P,
            ),
            ("social_contacts", "current"): (
                "Ik heb één goede vriend. Ik nodig niemand uit, omdat ik me schaam voor de rommel.",
                C,
            ),
        },
        me,
    )
    w1 = ImportantWish.objects.create(
        trajectory=t, rank=1, text="Mijn huis op orde", domain="housing", voice=C, recorded_by=me
    )
    w2 = ImportantWish.objects.create(
        trajectory=t,
        rank=2,
        text="Vrijwilligerswerk doen en nieuwe mensen leren kennen",
        domain="leisure",
        voice=C,
        recorded_by=me,
    )
    _grid(
        QualityEntry,
        t,
        "dimension",
        {
            ("emotional", "barriers"): ("Stress en chaos als het huis rommelig wordt.", C),
            ("relations", "barriers"): ("Schaamt zich en nodigt daarom niemand uit.", P),
            ("relations", "present"): ("Een goede vriend; collega's op het werk.", C),
            ("self_determination", "wishes"): ("Zelf de regie houden, zonder hulp van mijn moeder.", C),
            ("inclusion", "wishes"): ("Meedoen buiten het werk: vrijwilligerswerk, een club.", C),
            ("inclusion", "needed"): ("Iemand die helpt de eerste stap te zetten.", P),
            ("material", "present"): ("Eigen appartement en een vaste baan.", C),
        },
        me,
    )

    g1 = Goal.objects.create(
        trajectory=t,
        wish=w1,
        priority=1,
        domain="housing",
        intended_result="Mijn huishouden is op orde",
        preferences="Alles heeft een vaste plek\nHet huis is schoon\nIk doe geen beroep meer op mijn moeder\n"
        "Mijn was doe ik zelf\nAlleen hulp bij het opbergen van kleren in de kast\n"
        "Een herinnering als de kliko buiten moet",
    )
    Option.objects.create(
        goal=g1,
        text="De buurman herinnert Bram eraan als de kliko buiten moet",
        rank=1,
        pros="Woont naast hem en ziet wanneer de kliko's buiten staan; contact in de buurt",
        cons="Bram moet het durven vragen",
    )
    Option.objects.create(
        goal=g1,
        text="Een herinnering in de agenda van zijn telefoon",
        rank=2,
        pros="Helemaal zelf, niemand nodig",
        cons="Een melding wegklikken is makkelijk; geen contact",
    )
    Option.objects.create(
        goal=g1,
        text="Zijn moeder belt op de ophaaldag",
        pros="Betrouwbaar",
        cons="Bram wil geen hulp meer van zijn moeder",
    )
    plan1 = _plan(
        g1,
        me,
        date(2026, 6, 22),
        date(2026, 9, 22),
        "Huishoudelijke hulp en ambulante ondersteuning (Wmo-aanvraag)",
        "De was doet Bram zelf en de buurman en zijn vriend helpen. Schoonmaken en de regie houden lukt niet "
        "met eigen kracht, netwerk of een algemene voorziening; daarom een Wmo-aanvraag.",
        [
            (StepActor.SELF, "Zelf de was doen", "Bram", ""),
            (StepActor.NETWORK, "Herinneren wanneer de kliko buiten moet", "Buurman Henk", ""),
            (StepActor.NETWORK, "Helpen met de boodschappen", "Vriend Jeroen", "wekelijks"),
            (StepActor.WMO, "Huishoudelijke hulp: het huis schoonmaken", "Thuiszorg", "3 uur per week"),
            (
                StepActor.WMO,
                "Ambulante ondersteuning bij de regie en persoonlijke zaken, ook kleren opbergen",
                "Ambulant team Humanitas DMH",
                "2 uur per week",
            ),
            (
                StepActor.PROFESSIONAL,
                "Hulpbronnen zoeken en de Wmo-aanvraag voorbereiden",
                "Woonconsulent woningcorporatie",
                "",
            ),
        ],
    )
    g2 = Goal.objects.create(
        trajectory=t,
        wish=w2,
        priority=2,
        domain="leisure",
        intended_result="Vrijwilligerswerk doen en nieuwe contacten opdoen",
        preferences="Iets samen met anderen doen\nDicht bij huis",
    )
    Option.objects.create(
        goal=g2,
        text="Met de buurman mee naar de volleybalclub",
        rank=1,
        pros="Bekend gezicht erbij; sport en contact",
        cons="Trainingen 's avonds",
    )
    Option.objects.create(
        goal=g2,
        text="Vacatures bekijken bij de vrijwilligerscentrale",
        rank=2,
        pros="Veel keus",
        cons="Drempel om alleen te gaan",
    )
    _plan(
        g2,
        me,
        date(2026, 6, 22),
        date(2026, 9, 22),
        "",
        "",
        [
            (StepActor.NETWORK, "Neemt Bram mee naar een training", "Buurman Henk", ""),
            (StepActor.GENERAL_PROVISION, "Lid worden van de volleybalclub", "Volleybalvereniging Schothorst", ""),
            (
                StepActor.PROFESSIONAL,
                "Samen vacatures voor vrijwilligerswerk zoeken",
                "Ambulant team Humanitas DMH",
                "",
            ),
        ],
    )

    for day, place, present, notes in [
        (
            date(2026, 5, 25),
            "home",
            "Bram, woonconsulent",
            "Eerste bezoek na het signaal van zijn vriend. Koffie op de bank. Bram vertelt over zijn werk en, na een tijdje, over de rommel thuis.",
        ),
        (
            date(2026, 6, 8),
            "kitchen_table",
            "Bram, woonconsulent",
            "Persoonlijk Profiel samen ingevuld. Belangrijkste wensen: huis op orde, vrijwilligerswerk en nieuwe mensen.",
        ),
        (
            date(2026, 7, 15),
            "home",
            "Bram, buurman Henk, woonconsulent",
            "De kliko staat elke week op tijd buiten. Bram helpt de buurman af en toe in zijn moestuin: ze doen iets voor elkaar.",
        ),
        (
            date(2026, 8, 10),
            "community_centre",
            "Bram, ambulant begeleider",
            "Via de buurman kwam Bram bij de volleybalclub; hij is lid geworden.",
        ),
    ]:
        LogbookEntry.objects.create(trajectory=t, date=day, place=place, present=present, notes=notes, author=me)

    _link_steps(plan1, network)
    evaluation = Evaluation.objects.create(
        trajectory=t,
        date=date(2026, 9, 22),
        author=me,
        went_well="Het huis is schoon en alles heeft een vaste plek. De kliko staat op tijd buiten. Bram zit op volleybal.",
        learned="Bram merkt dat hij mensen om zich heen om hulp kan vragen en zelf ook iets terug kan doen.",
        process="Het contact met de buurman, de thuiszorg en de begeleider loopt goed.",
        result="Doel 1 grotendeels bereikt; doel 2 op weg via de volleybalclub.",
        plan_changes="Zijn vriend heeft het te druk op zijn werk om elke week te helpen met de boodschappen. Een "
        "teamgenote van de volleybal woont een paar straten verder: Bram vraagt haar zelf om hulp.",
    )
    # The plan after the evaluation: the friend makes way for the volleyball teammate (version 2).
    # At the evaluation: the friend is too busy; the network as it was then is kept for comparison.
    network["Vriend Jeroen"].load = Load.TOO_BUSY
    network["Vriend Jeroen"].save()
    NetworkSnapshot.objects.create(
        trajectory=t, evaluation=evaluation, taken_on=evaluation.date, members=snapshot_members(bram)
    )
    marieke = NetworkMember.objects.create(
        client=bram,
        name="Teamgenote volleybal Marieke",
        relation=Relation.CLUB,
        support=[SupportKind.PRACTICAL],
        frequency=Frequency.WEEKLY,
        load=Load.ABLE,
        involvement=Involvement.YES,
        gives_back="Bram rijdt mee naar uitwedstrijden",
        plan_consent_on=date(2026, 9, 29),
    )
    step = plan1.steps.get(performer="Vriend Jeroen")
    step.performer, step.network_member = marieke.name, marieke
    step.save()
    PlanStep.objects.create(
        plan=plan1,
        order=7,
        actor=StepActor.SELF,
        description="Zelf zijn teamgenote vragen om te helpen met de boodschappen",
        performer="Bram",
    )
    plan1.version = 2
    plan1.evaluation_on = date(2026, 12, 22)
    plan1.save()
    PlanVersion.objects.create(plan=plan1, number=2, snapshot=plan_snapshot(plan1), saved_by=me)
    return bram


def _bram_network(bram):
    people = [
        # name, relation, support, frequency, load, involvement, gives back, sees own plan steps
        (
            "Buurman Henk",
            Relation.NEIGHBOUR,
            [SupportKind.PRACTICAL, SupportKind.COMPANY],
            Frequency.WEEKLY,
            Load.ABLE,
            Involvement.YES,
            "Bram helpt hem in zijn moestuin",
            True,
        ),
        (
            "Vriend Jeroen",
            Relation.FRIEND,
            [SupportKind.PRACTICAL, SupportKind.EMOTIONAL],
            Frequency.WEEKLY,
            Load.ABLE,
            Involvement.YES,
            "Samen naar de film",
            True,
        ),
        (
            "Moeder",
            Relation.FAMILY,
            [SupportKind.EMOTIONAL],
            Frequency.MONTHLY,
            Load.UNDER_PRESSURE,
            Involvement.NO,
            "",
            False,
        ),
        (
            "Collega Sandra",
            Relation.FRIEND,
            [SupportKind.COMPANY],
            Frequency.WEEKLY,
            Load.ABLE,
            Involvement.UNSURE,
            "",
            False,
        ),
        (
            "Woonconsulent woningcorporatie",
            Relation.PROFESSIONAL,
            [SupportKind.INFORMATION],
            Frequency.MONTHLY,
            Load.ABLE,
            Involvement.YES,
            "",
            False,
        ),
        (
            "Ambulant begeleider Humanitas DMH",
            Relation.PROFESSIONAL,
            [SupportKind.PRACTICAL, SupportKind.INFORMATION],
            Frequency.WEEKLY,
            Load.ABLE,
            Involvement.YES,
            "",
            False,
        ),
    ]
    members = {}
    for name, relation, support, frequency, load, involvement, gives_back, shares in people:
        members[name] = NetworkMember.objects.create(
            client=bram,
            name=name,
            relation=relation,
            support=support,
            frequency=frequency,
            load=load,
            involvement=involvement,
            gives_back=gives_back,
            plan_consent_on=date(2026, 6, 22) if shares else None,
        )
    return members


def _link_steps(plan, network):
    """Each network step names the person it rests on."""
    for step in plan.steps.filter(actor=StepActor.NETWORK):
        member = network.get(step.performer)
        if member:
            step.network_member = member
            step.save(update_fields=["network_member"])


def _others(users):
    for name, dob, limitations, wijk, team_name, phase, request in OTHER_CLIENTS:
        org = _org("Wijkteam Amersfoort")
        team = Team.objects.get(organisation=org, name=team_name)
        client, created = _client(
            org, name=name, date_of_birth=dob, limitations=limitations, neighbourhood=wijk, city="Amersfoort"
        )
        if created:
            lead = users["professional"] if team_name == "Team Schothorst" else users["collega"]
            Trajectory.objects.create(client=client, team=team, lead=lead, phase=phase, request=request)
    mee = _org("MEE Eemland")
    client, created = _client(
        mee,
        name="Lotte Bakker",
        date_of_birth=date(2001, 2, 17),
        limitations=["intellectual"],
        neighbourhood="Soesterkwartier",
        city="Amersfoort",
    )
    if created:
        Trajectory.objects.create(
            client=client,
            team=Team.objects.get(organisation=mee, name="Team Eemland"),
            lead=users["mee"],
            phase=Phase.PLANNING,
            request="Wil op zichzelf gaan wonen.",
        )


VOLLEYBALL_SERVICE_ID = "b71a6e9c-cbf4-5e99-a0d8-181a13b50f39"


def _sociale_kaart():
    from steunwerk.resources import demo as kaart

    kaart.load(_org("Gemeente Amersfoort"))


def _link_volleyball(bram):
    """Bram's step 'lid worden van de volleybalclub' points at the club in the sociale kaart."""
    from steunwerk.resources.models import Service

    club = Service.objects.filter(hsds_id=VOLLEYBALL_SERVICE_ID).first()
    step = PlanStep.objects.filter(plan__goal__trajectory__client=bram, actor=StepActor.GENERAL_PROVISION).first()
    if club and step and step.provision_id is None:
        step.provision = club
        step.save(update_fields=["provision"])


@transaction.atomic
def load():
    _org("Welzijn Amersfoort")
    users = _users()
    _sociale_kaart()
    bram = _bram(users)
    _link_volleyball(bram)
    _others(users)
    return bram
