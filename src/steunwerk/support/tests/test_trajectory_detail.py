from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from steunwerk.support.models import Goal, ImportantWish, MonitoringCheck, PhaseChange, PlanStep
from steunwerk.support.tests.helpers import log_rows, plan_tables, text_of
from steunwerk.vocab import Phase, StepActor

COLUMNS = [
    "Wat de persoon zelf doet",
    "Wat anderen doen",
    "Welke professionele hulp nodig is",
    "Waarvoor een beroep op de Wmo gedaan wordt",
]


def url(trajectory):
    return reverse("trajectory", args=[trajectory.pk])


def add_steps(goal):
    plan = goal.plan
    PlanStep.objects.create(
        plan=plan, order=2, actor=StepActor.NETWORK, description="Herinnert aan de kliko", performer="Buurman Henk"
    )
    PlanStep.objects.create(
        plan=plan, order=3, actor=StepActor.GENERAL_PROVISION, description="Lid van de volleybalclub"
    )
    PlanStep.objects.create(plan=plan, order=4, actor=StepActor.PROFESSIONAL, description="Wmo-aanvraag voorbereiden")
    PlanStep.objects.create(
        plan=plan,
        order=5,
        actor=StepActor.WMO,
        description="Huishoudelijke hulp",
        performer="Thuiszorg",
        amount="3 uur per week",
    )


def test_it_shows_the_phase_and_what_it_is_for(world, login):
    world.own_trajectory.phase = Phase.PLANNING
    world.own_trajectory.save()
    response = login(world.professional).get(url(world.own_trajectory))
    assert response.status_code == 200
    page = text_of(response)
    assert "Fase: 4. Plan maken" in page
    assert "Opties afwegen en een Plan van Aanpak maken" in page
    assert '<li class="current" aria-current="step">Plan maken</li>' in response.content.decode()
    for label in Phase.labels:
        assert str(label) in page


def test_it_shows_the_three_monitoring_questions(world, login):
    page = text_of(login(world.professional).get(url(world.own_trajectory)))
    assert "Is de relatie op koers?" in page
    assert "Verlopen de activiteiten in deze fase goed?" in page
    assert "Sluiten de fasen logisch op elkaar aan?" in page


def test_it_shows_the_last_monitoring_answers(world, login):
    MonitoringCheck.objects.create(
        trajectory=world.own_trajectory,
        phase=Phase.MEETING,
        relationship="ok",
        activities="attention",
        connection="ok",
        note="Bram zegt weinig",
        checked_by=world.professional,
    )
    page = text_of(login(world.professional).get(url(world.own_trajectory)))
    assert "relatie — Ja, op koers" in page
    assert "activiteiten — Vraagt aandacht" in page
    assert "Bram zegt weinig" in page


def test_it_shows_goals_with_the_plan_in_the_four_columns_of_the_book(world, login):
    add_steps(world.own_goal)
    response = login(world.professional).get(url(world.own_trajectory))
    page = text_of(response)
    assert "1. Huishouden op orde" in page
    [(headers, cells)] = plan_tables(response)
    assert headers == COLUMNS
    own, others, professional, wmo = cells
    assert own == "Zelf de was doen"
    assert "Herinnert aan de kliko (Buurman Henk)" in others
    assert "Lid van de volleybalclub algemene voorziening" in others
    assert professional == "Wmo-aanvraag voorbereiden"
    assert wmo == "Huishoudelijke hulp (Thuiszorg, 3 uur per week)"


def test_it_shows_an_empty_column_as_a_dash(world, login):
    response = login(world.professional).get(url(world.own_trajectory))
    [(_headers, cells)] = plan_tables(response)
    assert cells == ["Zelf de was doen", "—", "—", "—"]


def test_it_shows_the_wish_and_preferences_of_a_goal(world, login):
    wish = ImportantWish.objects.create(
        trajectory=world.own_trajectory, rank=1, text="Mijn huis op orde", recorded_by=world.professional
    )
    Goal.objects.filter(pk=world.own_goal.pk).update(
        wish=wish, preferences="Alles een vaste plek\n\nHet huis is schoon"
    )
    response = login(world.professional).get(url(world.own_trajectory))
    page = text_of(response)
    assert "Uit de wens: “Mijn huis op orde”" in page
    assert "<li>Alles een vaste plek</li><li>Het huis is schoon</li>" in response.content.decode()


def test_it_says_when_there_are_no_goals_yet(world, login):
    world.own_goal.delete()
    response = login(world.professional).get(url(world.own_trajectory))
    assert "Nog geen doelen." in text_of(response)
    assert plan_tables(response) == []


def test_it_shows_the_phase_history(world, login):
    PhaseChange.objects.create(
        trajectory=world.own_trajectory,
        from_phase=Phase.MEETING,
        to_phase=Phase.GOALS,
        note="Profiel was al bekend",
        changed_by=world.professional,
    )
    page = text_of(login(world.professional).get(url(world.own_trajectory)))
    assert "Ontmoeting en kennismaking → Doelen stellen (Professional): Profiel was al bekend" in page


def test_it_gives_the_team_the_forms_export_and_file_links(world, login):
    t = world.own_trajectory
    html = login(world.professional).get(url(t)).content.decode()
    assert reverse("trajectory_phase", args=[t.pk]) in html
    assert reverse("monitoring_new", args=[t.pk]) in html
    assert reverse("goal_new", args=[t.pk]) in html
    assert reverse("goal_edit", args=[world.own_goal.pk]) in html
    assert reverse("trajectory_export", args=[t.pk]) in html
    assert reverse("profile", args=[t.pk]) in html
    assert reverse("logbook", args=[t.pk]) in html


def test_it_writes_a_read_row_to_the_access_log(world, login):
    login(world.team_lead).get(url(world.own_trajectory))
    row = log_rows(client_id=world.own_client.pk).get()
    assert (row.action, row.user, row.object_type, row.object_id) == (
        "read",
        world.team_lead,
        "Trajectory",
        world.own_trajectory.pk,
    )


def test_it_lets_a_wmo_consultant_with_consent_see_the_plan_but_not_the_file(world, login, give_consent):
    give_consent(world.municipality)
    MonitoringCheck.objects.create(
        trajectory=world.own_trajectory,
        phase=Phase.MEETING,
        relationship="ok",
        activities="ok",
        connection="attention",
        note="Vertrouwelijk",
        checked_by=world.professional,
    )
    t = world.own_trajectory
    wish = ImportantWish.objects.create(
        trajectory=t, rank=1, text="Wens uit het dossier", recorded_by=world.professional
    )
    Goal.objects.filter(pk=world.own_goal.pk).update(wish=wish)
    browser = login(world.wmo_consultant)
    with CaptureQueriesContext(connection) as queries:
        response = browser.get(url(t))
    assert response.status_code == 200
    assert "Wens uit het dossier" not in response.content.decode()
    assert not any("support_importantwish" in query["sql"] for query in queries.captured_queries)  # not even read
    [(headers, cells)] = plan_tables(response)
    assert headers == COLUMNS and cells[0] == "Zelf de was doen"
    html = response.content.decode()
    for name in ("profile", "quality", "logbook", "evaluations", "trajectory_export"):
        assert reverse(name, args=[t.pk]) not in html, name
    assert "Vertrouwelijk" not in html
    # reading is not changing
    assert reverse("trajectory_phase", args=[t.pk]) not in html
    assert reverse("goal_new", args=[t.pk]) not in html
    assert reverse("goal_edit", args=[world.own_goal.pk]) not in html


def test_it_lets_another_organisation_with_consent_read_the_whole_file_but_not_change_it(world, login, give_consent):
    give_consent(world.other_org)
    t = world.own_trajectory
    html = login(world.other_org_professional).get(url(t)).content.decode()
    assert reverse("profile", args=[t.pk]) in html
    assert reverse("trajectory_export", args=[t.pk]) in html
    assert reverse("trajectory_phase", args=[t.pk]) not in html


def test_it_keeps_the_number_of_queries_flat_as_goals_grow(world, login):
    client = login(world.professional)
    client.get(url(world.own_trajectory))  # warm up session and caches
    with CaptureQueriesContext(connection) as one_goal:
        assert client.get(url(world.own_trajectory)).status_code == 200
    for i in range(4):
        goal = Goal.objects.create(trajectory=world.own_trajectory, intended_result=f"Doel {i}", priority=2 + i)
        wish = ImportantWish.objects.create(
            trajectory=world.own_trajectory, rank=1 + i, text=f"Wens {i}", recorded_by=world.professional
        )
        Goal.objects.filter(pk=goal.pk).update(wish=wish)
    add_steps(world.own_goal)
    with CaptureQueriesContext(connection) as five_goals:
        assert client.get(url(world.own_trajectory)).status_code == 200
    assert len(five_goals) == len(one_goal)


def test_it_gives_another_team_404(world, login):
    assert login(world.other_team_professional).get(url(world.own_trajectory)).status_code == 404


def test_it_gives_another_organisation_404(world, login):
    response = login(world.other_org_professional).get(url(world.own_trajectory))
    assert response.status_code == 404
    assert "Bram" not in response.content.decode()


def test_it_gives_404_for_a_trajectory_that_does_not_exist(world, login):
    assert login(world.professional).get(reverse("trajectory", args=[999999])).status_code == 404


def test_it_shows_linked_methods_members_and_provisions_without_a_query_per_step(world, login):
    from steunwerk.clients.models import NetworkMember
    from steunwerk.methods.tests.helpers import local_method
    from steunwerk.resources.tests.helpers import make_service

    client = login(world.professional)
    plan = world.own_goal.plan
    method = local_method(world.org, "Maatje in de wijk")
    member = NetworkMember.objects.create(client=world.own_client, organisation=world.org, name="Buurvrouw Truus")
    service = make_service(world.org, "Koffie-inloop")
    PlanStep.objects.create(
        plan=plan,
        order=2,
        actor=StepActor.NETWORK,
        description="Samen boodschappen",
        network_member=member,
        performer="Truus",
    )
    client.get(url(world.own_trajectory))
    with CaptureQueriesContext(connection) as few:
        assert client.get(url(world.own_trajectory)).status_code == 200
    for i in range(5):
        PlanStep.objects.create(
            plan=plan, order=3 + i, actor=StepActor.PROFESSIONAL, description=f"Training {i}", method=method
        )
        PlanStep.objects.create(
            plan=plan, order=10 + i, actor=StepActor.GENERAL_PROVISION, description=f"Inloop {i}", provision=service
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(url(world.own_trajectory))
    assert len(many) == len(few)
    html = response.content.decode()
    assert reverse("method", args=[method.slug]) in html and "Maatje in de wijk" in html
    assert "Koffie-inloop" in html and "(netwerk)" in html


def test_it_names_the_client_without_reading_the_client_s_file(world, login):
    world.own_client.name = "Bram de Wit-Jansen"
    world.own_client.save()  # the copy of the name on the trajectory follows
    browser = login(world.professional)
    browser.get(url(world.own_trajectory))
    with CaptureQueriesContext(connection) as queries:
        response = browser.get(url(world.own_trajectory))
    assert "<h1>Bram de Wit-Jansen — ondersteuningstraject</h1>" in response.content.decode()
    assert reverse("client", args=[world.own_client.pk]) in response.content.decode()
    assert not any('"clients_client"' in query["sql"] for query in queries.captured_queries)
