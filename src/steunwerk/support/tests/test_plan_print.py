from django.urls import reverse

from steunwerk.support.models import ActionPlan, Goal, PlanStep
from steunwerk.support.tests.helpers import log_rows, plan_tables, text_of
from steunwerk.vocab import StepActor

COLUMNS = [
    "Wat de persoon zelf doet",
    "Wat anderen doen",
    "Welke professionele hulp nodig is",
    "Waarvoor een beroep op de Wmo gedaan wordt",
]


def url(trajectory):
    return reverse("plan_print", args=[trajectory.pk])


def test_it_prints_every_goal_with_its_plan_in_the_four_columns(world, login):
    PlanStep.objects.create(
        plan=world.own_goal.plan,
        order=2,
        actor=StepActor.WMO,
        description="Huishoudelijke hulp",
        performer="Thuiszorg",
        amount="3 uur per week",
    )
    ActionPlan.objects.filter(pk=world.own_goal.plan.pk).update(
        needed_aids="Huishoudelijke hulp (Wmo-aanvraag)", ladder_note="Schoonmaken lukt niet met het netwerk"
    )
    Goal.objects.create(trajectory=world.own_trajectory, intended_result="Vrijwilligerswerk doen", priority=2)
    response = login(world.professional).get(url(world.own_trajectory))
    assert response.status_code == 200
    page = text_of(response)
    assert "Naam: Bram de Wit" in page
    assert "Te bereiken resultaat (doel): Huishouden op orde" in page
    assert "Datum opstellen: 01-06-2026 · Datum evaluatie: 01-09-2026 · versie 1" in page
    assert "Benodigde hulpmiddelen of voorzieningen: Huishoudelijke hulp (Wmo-aanvraag)" in page
    assert "Waarom een eerdere trede niet volstond: Schoonmaken lukt niet met het netwerk" in page
    [(headers, cells)] = plan_tables(response)
    assert headers == COLUMNS
    assert cells == ["Zelf de was doen", "—", "—", "Huishoudelijke hulp (Thuiszorg, 3 uur per week)"]
    assert "Te bereiken resultaat (doel): Vrijwilligerswerk doen Nog geen plan voor dit doel." in page


def test_it_prints_a_plan_that_has_no_steps_yet(world, login):
    goal = Goal.objects.create(trajectory=world.own_trajectory, intended_result="Vrijwilligerswerk doen", priority=2)
    ActionPlan.objects.create(
        goal=goal,
        drawn_up_on="2026-06-22",
        evaluation_on="2026-09-22",
        needed_aids="Een maatje",
        updated_by=world.professional,
    )
    page = text_of(login(world.professional).get(url(world.own_trajectory)))
    section = page.split("Vrijwilligerswerk doen", 1)[1]
    assert "Datum evaluatie: 22-09-2026" in section
    assert "Benodigde hulpmiddelen of voorzieningen: Een maatje" in section
    assert "Nog geen plan voor dit doel." not in section


def test_it_writes_a_print_row_to_the_access_log(world, login):
    login(world.professional).get(url(world.own_trajectory))
    row = log_rows().get()
    assert (row.action, row.client_id, row.detail) == ("print", world.own_client.pk, "afdrukweergave plan")


def test_it_escapes_script_tags(world, login):
    PlanStep.objects.create(
        plan=world.own_goal.plan,
        order=2,
        actor=StepActor.NETWORK,
        description="<script>alert(1)</script>",
        performer="<b>Henk</b>",
    )
    html = login(world.professional).get(url(world.own_trajectory)).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Henk</b>" not in html


def test_it_lets_a_wmo_consultant_with_consent_print_the_plan(world, login, give_consent):
    give_consent(world.municipality)
    response = login(world.wmo_consultant).get(url(world.own_trajectory))
    assert response.status_code == 200
    [(_headers, cells)] = plan_tables(response)
    assert cells[0] == "Zelf de was doen"
    assert log_rows(action="print", user=world.wmo_consultant).count() == 1


def test_it_gives_another_team_404(world, login):
    response = login(world.other_team_professional).get(url(world.own_trajectory))
    assert response.status_code == 404
    assert not log_rows(action="print").exists()


def test_it_gives_another_organisation_404(world, login):
    response = login(world.other_org_professional).get(url(world.own_trajectory))
    assert response.status_code == 404
    assert "Bram" not in response.content.decode()
