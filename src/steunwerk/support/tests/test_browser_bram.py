"""End to end, in a real browser: a professional enters the whole Bram case through the UI.

From the first meeting to the evaluation, the way the book tells it (and as support/demo.py holds it): new
client, first visit in the logbook, Persoonlijk Profiel and the two most important wishes, Kwaliteit van
bestaan, a goal from wish 1, the Werkblad Opties, the Plan van Aanpak with steps by Bram himself, his network,
the Wmo and a professional, the moestuin in the logbook, the evaluation, and the plan changed after it. Then the
trajectory is read back through the export command.

Every field is found by its label and every button and link by its role and name, so the test also checks that
the forms can be used without seeing them. It runs headless Chromium (the Debian package) through Playwright
against pytest-django's live server. When Chromium is missing the test fails: CI installs it (make system-deps).
"""

import io
import json
import os
import re
import shutil

import pytest
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import expect, sync_playwright

from steunwerk.accounts.models import Organisation, Team
from steunwerk.conftest import PASSWORD, make_user
from steunwerk.support.models import PlanVersion
from steunwerk.vocab import OrganisationKind, Role

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium():
    for candidate in (
        os.environ.get("STEUNWERK_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.path.exists(candidate):
            return candidate
    pytest.fail(
        "Chromium not found (looked for /usr/bin/chromium and chromium on PATH): "
        "install the Debian package `chromium` (scripts/system-deps.sh) or set STEUNWERK_CHROMIUM."
    )


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API runs an event loop in this thread, so Django would refuse the test's own ORM calls
    # (and the database teardown). Allowed only while this fixture lives, not for the rest of the session.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=_chromium(), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
            # While Playwright's loop runs, Django keeps this thread's database connections apart (asgiref's
            # Local follows the loop's context); close them now, or PostgreSQL cannot drop the test database.
            connections.close_all()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


# --- helpers: everything by label, role and name --------------------------------------------------------------


def field(scope, label):
    """The form control whose label is exactly `label` (Django adds a colon to most labels)."""
    return scope.get_by_label(re.compile(rf"^{re.escape(label)}:?$"))


def link(scope, name):
    return scope.get_by_role("link", name=name, exact=True)


def subnav(page, name):
    link(page.get_by_role("navigation", name="Traject"), name).click()


def submit(page, button, message):
    """Press a submit button, wait for the page that follows and check Django's success message."""
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button, exact=True).click()
    response = navigation.value
    if response.status != 200:
        errors = page.get_by_role("alert").all_inner_texts()
        pytest.fail(f"{button!r} on {page.url} answered {response.status}: {errors}")
    expect(page.get_by_role("status")).to_contain_text(message)


def change_phase(page, label, note=""):
    subnav(page, "Traject")
    phase_form = page.get_by_role("form", name="Fase wijzigen")
    field(phase_form, "Naar fase").select_option(label=label)
    field(phase_form, "Toelichting").fill(note)
    submit(page, "Fase wijzigen", f"Fase gewijzigd naar: {label}")
    expect(page.get_by_role("heading", level=2, name=re.compile(r"^Fase: "))).to_contain_text(label)


def fill_step(page, number, actor, description, performer="", amount=""):
    field(page, f"Stap {number}").fill(description)
    field(page, f"Wie doet stap {number}").select_option(label=actor)
    field(page, f"Naam of organisatie bij stap {number}").fill(performer)
    field(page, f"Omvang van stap {number}").fill(amount)


SELF, NETWORK, PROFESSIONAL, WMO = (
    "Cliënt zelf (eigen kracht)",
    "Iemand uit het netwerk",
    "Professional",
    "Wmo-aanvraag (maatwerkvoorziening)",
)
NEIGHBOUR_OPTION = "De buurman herinnert Bram eraan als de kliko buiten moet"
PHONE_OPTION = "Een herinnering in de agenda van zijn telefoon"
MOTHER_OPTION = "Zijn moeder belt op de ophaaldag"
GOAL = "Mijn huishouden is op orde"
PREFERENCES = [
    "Alles heeft een vaste plek",
    "Het huis is schoon",
    "Ik doe geen beroep meer op mijn moeder",
    "Mijn was doe ik zelf",
    "Alleen hulp bij het opbergen van kleren in de kast",
    "Een herinnering als de kliko buiten moet",
]
PLAN_COLUMNS = [
    "Wat de persoon zelf doet",
    "Wat anderen doen",
    "Welke professionele hulp nodig is",
    "Waarvoor een beroep op de Wmo gedaan wordt",
]


# --- the case ---------------------------------------------------------------------------------------------------


def enter_bram(page, base_url):
    # Inloggen.
    page.goto(f"{base_url}/inloggen/")
    field(page, "Gebruikersnaam").fill("sanne")
    field(page, "Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn cliënten")

    # 1. Ontmoeting en kennismaking: a friend worried about the mess called the housing consultant.
    link(page.get_by_role("navigation", name="Hoofdmenu"), "Nieuwe cliënt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe cliënt")
    field(page, "Naam").fill("Bram de Wit")
    field(page, "Geboortedatum").fill("1999-05-14")
    field(page, "BSN").fill("111222333")
    field(page, "Adres").fill("Hogeweg 120")
    field(page, "Postcode").fill("3814 CE")
    field(page, "Woonplaats").fill("Amersfoort")
    field(page, "Wijk").fill("Schothorst")
    field(page, "Telefoon").fill("06-12345678")
    page.get_by_role("group", name=re.compile(r"^Soort beperking")).get_by_label("Verstandelijk").check()
    field(page, "Wie mag helpen").fill("Zijn buurman, zijn vriend, mensen van de volleybal.")
    field(page, "Wie liever niet").fill("Zijn moeder: hij wil haar hulp in het huishouden niet meer.")
    field(page, "Aanleiding").fill(
        "Een goede vriend van Bram maakte zich zorgen over de rommel in zijn huis en "
        "nam contact op met de woonconsulent van de woningcorporatie."
    )
    expect(field(page, "Team")).to_have_value(re.compile(r"\d+"))
    submit(page, "Opslaan", "Cliënt aangemaakt. Het traject begint bij ontmoeting en kennismaking.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bram de Wit — ondersteuningstraject")
    expect(page.get_by_role("heading", level=2, name=re.compile(r"^Fase: "))).to_have_text(
        "Fase: 1. Ontmoeting en kennismaking"
    )
    trajectory_id = int(re.search(r"/trajecten/(\d+)/$", page.url).group(1))

    subnav(page, "Logboek")
    field(page, "Datum").fill("2026-05-25")
    field(page, "Plaats").select_option(label="Bij de cliënt thuis")
    field(page, "Aanwezig").fill("Bram, woonconsulent")
    field(page, "Aantekeningen").fill(
        "Eerste bezoek na het signaal van zijn vriend. Koffie op de bank. Bram "
        "vertelt over zijn werk en, na een tijdje, over de rommel thuis."
    )
    submit(page, "Toevoegen", "Logboekregel toegevoegd.")
    expect(page.get_by_role("heading", name="25-05-2026 — Bij de cliënt thuis")).to_be_visible()

    # 2. Informatie verzamelen: Persoonlijk Profiel in Bram's own words, and Kwaliteit van bestaan.
    change_phase(page, "Informatie verzamelen, ordenen en analyseren", "Profiel samen invullen")
    subnav(page, "Persoonlijk Profiel")
    cells = {
        "Wonen — Huidige mogelijkheden en ervaringen": "Ik woon alleen in een appartement in Schothorst. Als het een rommel wordt, raak ik het overzicht kwijt.",
        "Wonen — Wensen": "Een opgeruimd huis waar alles een vaste plek heeft, zodat ik weer mensen durf uit te nodigen.",
        "Wonen — Vroegere mogelijkheden en ervaringen": "Bij mijn ouders hield mijn moeder alles op orde.",
        "Werken — Huidige mogelijkheden en ervaringen": "Ik werk bij een boekbinderij. Dat gaat goed.",
        "Recreëren – Vrije tijd — Wensen": "Vrijwilligerswerk doen en nieuwe mensen leren kennen.",
        "Sociale contacten — Huidige mogelijkheden en ervaringen": "Ik heb één goede vriend. Ik nodig niemand uit, omdat ik me schaam voor de rommel.",
    }
    for label, text in cells.items():
        field(page, label).fill(text)
    self_care = "Persoonlijke (zelf)zorg (incl. huishouden, financiën) — Huidige mogelijkheden en ervaringen"
    field(page, self_care).fill("Zijn was doet hij zelf. Kleding opbergen en het huis schoonhouden lukt niet.")
    field(page, f"Wiens woorden — {self_care}").select_option(label="Professional")
    field(page, "Wens 1").fill("Mijn huis op orde")
    field(page, "Levensgebied van wens 1").select_option(label="Wonen")
    field(page, "Wens 2").fill("Vrijwilligerswerk doen en nieuwe mensen leren kennen")
    field(page, "Levensgebied van wens 2").select_option(label="Recreëren – Vrije tijd")
    expect(field(page, "Wiens woorden van wens 2")).to_have_value("client")
    submit(page, "Opslaan", "Persoonlijk Profiel opgeslagen.")
    expect(field(page, "Wonen — Wensen")).to_have_value(cells["Wonen — Wensen"])
    expect(page.get_by_role("listitem").filter(has_text=f"{self_care}:")).to_contain_text(
        "Professional, ingevoerd door Sanne"
    )

    subnav(page, "Kwaliteit van bestaan")
    field(page, "Emotioneel welbevinden — Ervaren belemmeringen").fill("Stress en chaos als het huis rommelig wordt.")
    field(page, "Interpersoonlijke relaties — Aanwezige ondersteuning en hulpbronnen").fill(
        "Een goede vriend; collega's op het werk."
    )
    submit(page, "Opslaan", "Kwaliteit van bestaan opgeslagen.")

    # 3. Doelen stellen: goal 1 from wish 1, made concrete by his personal preferences.
    change_phase(page, "Doelen stellen")
    link(page, "Doel toevoegen").click()
    field(page, "Uit de wens").select_option(label="1. Mijn huis op orde")
    field(page, "Te bereiken resultaat (doel)").fill(GOAL)
    field(page, "Prioriteit").fill("1")
    field(page, "Levensgebied").select_option(label="Wonen")
    field(page, "Persoonlijke voorkeuren").fill("\n".join(PREFERENCES))
    submit(page, "Opslaan", "Doel opgeslagen.")

    # 4. Plan maken: the Werkblad Opties, then the Plan van Aanpak.
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkblad Opties")
    for text, pros, cons in [
        (NEIGHBOUR_OPTION, "Woont naast hem; contact in de buurt", "Bram moet het durven vragen"),
        (PHONE_OPTION, "Helemaal zelf, niemand nodig", "Een melding wegklikken is makkelijk"),
        (MOTHER_OPTION, "Betrouwbaar", "Bram wil geen hulp meer van zijn moeder"),
    ]:
        field(page, "Optie").fill(text)
        field(page, "Voordelen").fill(pros)
        field(page, "Nadelen").fill(cons)
        submit(page, "Toevoegen", "Optie toegevoegd.")
        expect(page.get_by_role("row").filter(has_text=text)).to_be_visible()
    # The choice lists name the options by their text, so Bram and the professional can choose them.
    for label in ("Beste optie", "Op één na beste optie"):
        expect(field(page, label).get_by_role("option")).to_have_text(
            ["— nog niet gekozen —", NEIGHBOUR_OPTION, PHONE_OPTION, MOTHER_OPTION]
        )
    field(page, "Beste optie").select_option(label=NEIGHBOUR_OPTION)
    field(page, "Op één na beste optie").select_option(label=PHONE_OPTION)
    submit(page, "Keuze opslaan", "Keuze opgeslagen.")
    expect(page.get_by_role("row").filter(has_text=NEIGHBOUR_OPTION).get_by_role("cell").last).to_have_text(
        "Beste optie"
    )
    expect(page.get_by_role("row").filter(has_text=PHONE_OPTION).get_by_role("cell").last).to_have_text(
        "Op één na beste optie"
    )
    expect(page.get_by_role("row").filter(has_text=MOTHER_OPTION).get_by_role("cell").last).to_have_text("")

    change_phase(page, "Plan maken")
    link(page, "Plan van Aanpak").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan van Aanpak")
    expect(page.get_by_text("De cliënt wil liever niet geholpen worden door")).to_be_visible()
    expect(page.get_by_text(f"Beste optie: {NEIGHBOUR_OPTION}")).to_be_visible()
    field(page, "Datum opstellen").fill("2026-06-22")
    field(page, "Datum evaluatie").fill("2026-09-22")
    field(page, "Benodigde hulpmiddelen of voorzieningen").fill(
        "Huishoudelijke hulp en ambulante ondersteuning (Wmo-aanvraag)"
    )
    field(page, "Waarom een eerdere trede niet volstond").fill(
        "De was doet Bram zelf en de buurman en zijn vriend helpen. Schoonmaken en de regie houden lukt niet met "
        "eigen kracht, netwerk of een algemene voorziening; daarom een Wmo-aanvraag."
    )
    # A new plan offers three empty step rows: first what Bram and his network do ...
    fill_step(page, 1, SELF, "Zelf de was doen", "Bram")
    fill_step(page, 2, NETWORK, "Herinneren wanneer de kliko buiten moet", "Buurman Henk")
    fill_step(page, 3, NETWORK, "Helpen met de boodschappen", "Vriend Jeroen", "wekelijks")
    submit(page, "Plan opslaan", "Plan van Aanpak opgeslagen.")
    # ... then, with three fresh rows, the Wmo and the professional.
    link(page, "Plan van Aanpak").click()
    expect(page.get_by_text("Versie 1 ·")).to_be_visible()
    fill_step(page, 4, WMO, "Huishoudelijke hulp: het huis schoonmaken", "Thuiszorg", "3 uur per week")
    fill_step(
        page,
        5,
        WMO,
        "Ambulante ondersteuning bij de regie en persoonlijke zaken, ook kleren opbergen",
        "Ambulant team Humanitas DMH",
        "2 uur per week",
    )
    fill_step(
        page, 6, PROFESSIONAL, "Hulpbronnen zoeken en de Wmo-aanvraag voorbereiden", "Woonconsulent woningcorporatie"
    )
    submit(page, "Plan opslaan", "Plan van Aanpak opgeslagen.")

    # 5. Plan uitvoeren: Bram does something back for the neighbour.
    change_phase(page, "Plan uitvoeren")
    subnav(page, "Logboek")
    field(page, "Datum").fill("2026-07-15")
    field(page, "Plaats").select_option(label="Bij de cliënt thuis")
    field(page, "Aanwezig").fill("Bram, buurman Henk, woonconsulent")
    field(page, "Aantekeningen").fill(
        "De kliko staat elke week op tijd buiten. Bram helpt de buurman af en toe in "
        "zijn moestuin: ze doen iets voor elkaar."
    )
    submit(page, "Toevoegen", "Logboekregel toegevoegd.")
    expect(page.get_by_role("article").filter(has_text="moestuin")).to_contain_text("Aanwezig: Bram, buurman Henk")

    # 6. Monitoren, evalueren en bijstellen: the friend has no time; a volleyball teammate takes over.
    change_phase(page, "Monitoren, evalueren en bijstellen", "Evaluatie gepland")
    subnav(page, "Evaluaties")
    field(page, "Datum").fill("2026-09-22")
    field(page, "Wat ging goed (ervaring cliënt)").fill(
        "Het huis is schoon en alles heeft een vaste plek. De kliko staat op tijd buiten."
    )
    field(page, "Wat is geleerd").fill("Bram merkt dat hij mensen om hulp kan vragen en zelf iets terug kan doen.")
    field(page, "Over het proces").fill("Het contact met de buurman, de thuiszorg en de begeleider loopt goed.")
    field(page, "Over het resultaat").fill("Doel 1 grotendeels bereikt.")
    field(page, "Wat verandert er in het plan").fill(
        "Zijn vriend heeft het te druk om elke week te helpen met de boodschappen. Een teamgenote van de volleybal "
        "woont een paar straten verder: Bram vraagt haar zelf om hulp."
    )
    submit(page, "Vastleggen", "Evaluatie vastgelegd.")
    expect(page.get_by_role("heading", name="Evaluatie 22-09-2026")).to_be_visible()

    subnav(page, "Traject")
    link(page, "Plan van Aanpak").click()
    expect(page.get_by_text("Versie 2 ·")).to_be_visible()
    expect(field(page, "Naam of organisatie bij stap 3")).to_have_value("Vriend Jeroen")
    field(page, "Naam of organisatie bij stap 3").fill("Teamgenote volleybal Marieke")
    field(page, "Datum evaluatie").fill("2026-12-22")
    fill_step(page, 7, SELF, "Zelf zijn teamgenote vragen om te helpen met de boodschappen", "Bram")
    submit(page, "Plan opslaan", "Plan van Aanpak opgeslagen.")
    return trajectory_id


def check_trajectory_page(page):
    """What the professional sees afterwards: the phase, the goal and the plan in the book's four columns."""
    expect(page.get_by_role("heading", level=2, name=re.compile(r"^Fase: "))).to_have_text(
        "Fase: 6. Monitoren, evalueren en bijstellen"
    )
    goal = page.get_by_role("article").filter(has=page.get_by_role("heading", name=f"1. {GOAL}"))
    expect(goal).to_contain_text("Uit de wens: “Mijn huis op orde”")
    expect(goal.get_by_role("list").first.get_by_role("listitem")).to_have_text(PREFERENCES)
    plan = goal.get_by_role("table", name=f"Plan van Aanpak: {GOAL}")
    expect(plan.get_by_role("columnheader")).to_have_text(PLAN_COLUMNS)
    cells = plan.get_by_role("cell")
    expect(cells).to_have_count(4)
    expect(cells.nth(0).get_by_role("listitem")).to_have_text(
        ["Zelf de was doen (Bram)", "Zelf zijn teamgenote vragen om te helpen met de boodschappen (Bram)"]
    )
    expect(cells.nth(1).get_by_role("listitem")).to_have_text(
        [
            "Herinneren wanneer de kliko buiten moet (Buurman Henk)",
            "Helpen met de boodschappen (Teamgenote volleybal Marieke, wekelijks)",
        ]
    )
    expect(cells.nth(2)).to_have_text(
        "Hulpbronnen zoeken en de Wmo-aanvraag voorbereiden (Woonconsulent woningcorporatie)"
    )
    expect(cells.nth(3).get_by_role("listitem")).to_have_text(
        [
            "Huishoudelijke hulp: het huis schoonmaken (Thuiszorg, 3 uur per week)",
            "Ambulante ondersteuning bij de regie en persoonlijke zaken, ook kleren opbergen "
            "(Ambulant team Humanitas DMH, 2 uur per week)",
        ]
    )
    expect(plan).not_to_contain_text("Vriend Jeroen")
    faseverloop = page.get_by_role("region", name="Faseverloop").get_by_role("listitem")
    expect(faseverloop).to_have_count(5)
    expect(faseverloop.first).to_contain_text(
        "Plan uitvoeren → Monitoren, evalueren en bijstellen (Sanne): Evaluatie gepland"
    )

    # Earlier versions stay: the friend is still in version 2.
    link(goal, "Versies").click()
    versions = page.get_by_role("heading", level=2, name=re.compile(r"^Versie \d"))
    expect(versions).to_have_count(3)
    expect(versions.first).to_contain_text("Versie 3")
    friend = page.get_by_role("listitem").filter(has_text=re.compile(r"^Helpen met de boodschappen"))
    expect(friend).to_have_count(3)
    expect(friend.nth(0)).to_contain_text("(Teamgenote volleybal Marieke), wekelijks")
    expect(friend.nth(1)).to_contain_text("(Vriend Jeroen), wekelijks")
    expect(friend.nth(2)).to_contain_text("(Vriend Jeroen), wekelijks")

    subnav(page, "Plan afdrukken")
    expect(page.get_by_role("table", name=f"Plan van Aanpak: {GOAL}").get_by_role("columnheader")).to_have_text(
        PLAN_COLUMNS
    )
    expect(page.get_by_text("Datum opstellen: 22-06-2026 · Datum evaluatie: 22-12-2026 · versie 3")).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_bram_from_first_meeting_to_evaluation(live_server, page, tmp_path):
    org = Organisation.objects.create(name="Wijkteam Amersfoort", kind=OrganisationKind.NEIGHBOURHOOD_TEAM)
    team = Team.objects.create(organisation=org, name="Team Schothorst")
    make_user("sanne", org, team, Role.PROFESSIONAL)

    try:
        trajectory_id = enter_bram(page, live_server.url)
        check_trajectory_page(page)
    except BaseException:
        shot = tmp_path / "e2e.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"Screenshot of the failing page ({page.url}): {shot}")
        raise

    buf = io.StringIO()
    call_command("trajectory", "export", str(trajectory_id), stdout=buf)
    data = json.loads(buf.getvalue())

    assert data["phase"] == "evaluation"
    assert data["phase_number"] == 6
    assert data["team"] == "Team Schothorst"
    assert data["request"].startswith("Een goede vriend van Bram maakte zich zorgen")
    client = data["client"]
    assert client["name"] == "Bram de Wit"
    assert (client["date_of_birth"], client["bsn"]) == ("1999-05-14", "111222333")
    assert client["limitations"] == ["intellectual"]
    assert client["unwanted_helpers"].startswith("Zijn moeder")

    profile = data["personal_profile"]
    assert profile["domains"]["housing"]["wishes"]["voice"] == "client"
    assert set(profile["domains"]["housing"]) == {"current", "wishes", "earlier"}
    assert profile["domains"]["self_care"]["current"]["voice"] == "professional"
    assert [(w["rank"], w["text"], w["domain"]) for w in profile["important_wishes"]] == [
        (1, "Mijn huis op orde", "housing"),
        (2, "Vrijwilligerswerk doen en nieuwe mensen leren kennen", "leisure"),
    ]
    assert data["quality_of_life"]["emotional"]["barriers"]["text"] == "Stress en chaos als het huis rommelig wordt."

    assert len(data["goals"]) == 1
    goal = data["goals"][0]
    assert (goal["priority"], goal["intended_result"], goal["domain"], goal["wish"]) == (
        1,
        GOAL,
        "housing",
        "Mijn huis op orde",
    )
    assert goal["preferences"] == PREFERENCES
    assert {o["text"]: o["rank"] for o in goal["options"]} == {
        NEIGHBOUR_OPTION: 1,
        PHONE_OPTION: 2,
        MOTHER_OPTION: None,
    }

    plan = goal["plan"]
    # Version 1 had the three steps a new plan has room for, version 2 the other three, version 3 follows the
    # evaluation.
    assert plan["version"] == 3
    assert (plan["drawn_up_on"], plan["evaluation_on"]) == ("2026-06-22", "2026-12-22")
    assert plan["needed_aids"] == "Huishoudelijke hulp en ambulante ondersteuning (Wmo-aanvraag)"
    steps = [(s["order"], s["by"], s["performer"], s["amount"]) for s in goal["steps"]]
    assert steps == [
        (1, "self", "Bram", ""),
        (2, "network", "Buurman Henk", ""),
        (3, "network", "Teamgenote volleybal Marieke", "wekelijks"),
        (4, "wmo", "Thuiszorg", "3 uur per week"),
        (5, "wmo", "Ambulant team Humanitas DMH", "2 uur per week"),
        (6, "professional", "Woonconsulent woningcorporatie", ""),
        (7, "self", "Bram", ""),
    ]
    assert plan["steps"] == goal["steps"]
    snapshots = {v.number: v.snapshot for v in PlanVersion.objects.filter(plan__goal_id=goal["id"])}
    assert sorted(snapshots) == [1, 2, 3]
    assert [s["performer"] for s in snapshots[1]["steps"]] == ["Bram", "Buurman Henk", "Vriend Jeroen"]
    assert "Vriend Jeroen" in [s["performer"] for s in snapshots[2]["steps"]]
    assert snapshots[2]["evaluation_on"] == "2026-09-22"
    assert snapshots[3] == plan

    assert [(e["date"], e["place"]) for e in data["log"]] == [("2026-05-25", "home"), ("2026-07-15", "home")]
    assert "moestuin" in data["log"][1]["notes"]
    assert data["log"][1]["present"] == "Bram, buurman Henk, woonconsulent"
    assert len(data["evaluations"]) == 1
    evaluation = data["evaluations"][0]
    assert evaluation["date"] == "2026-09-22"
    assert "teamgenote van de volleybal" in evaluation["plan_changes"]
    assert evaluation["self_evaluation"] == ""
