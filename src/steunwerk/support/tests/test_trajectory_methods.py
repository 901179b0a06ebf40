"""Proposing methods for a trajectory: the profile comes from the file; reasons are shown; steps can be chosen."""

import re
from datetime import date
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from steunwerk.conftest import make_trajectory
from steunwerk.methods.tests.helpers import (
    COMPLEX_PSYCHIATRIC_TOP3,
    local_method,
    log_rows,
    recommended_slugs,
    strip,
    text_of,
)
from steunwerk.support.models import ActionPlan, Goal, PlanStep
from steunwerk.support.situation import profile_for_trajectory
from steunwerk.vocab import StepActor


def url(trajectory):
    return reverse("trajectory_methods", args=[trajectory.pk])


def set_situation(world, limitations, complexity="", aim="", domain="", preferences=""):
    world.own_client.limitations = limitations
    world.own_client.save()
    world.own_trajectory.complexity, world.own_trajectory.aim = complexity, aim
    world.own_trajectory.save()
    Goal.objects.filter(pk=world.own_goal.pk).update(domain=domain, preferences=preferences)


def checked(html, name):
    return set(re.findall(rf'<input type="checkbox" name="{name}" value="([^"]+)"[^>]*checked', html))


def selected(html, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, flags=re.S).group(1)
    return re.findall(r'<option value="([^"]*)" selected>', select)


def reasons_of(response):
    """{slug: [reasons]} of the recommendations on the page."""
    html = response.content.decode()
    block = re.search(r'<ol class="recommendations">(.*?)</ol>', html, flags=re.S).group(1)
    items = re.findall(r'<h2><a href="/methodewijzer/([^/"]+)/">.*?<ul class="reasons">(.*?)</ul>', block, flags=re.S)
    return {slug: [strip(r) for r in re.findall(r"<li>(.*?)</li>", reasons, flags=re.S)] for slug, reasons in items}


def test_it_prefills_the_profile_from_the_client_and_the_trajectory(world, login):
    set_situation(
        world,
        ["intellectual", "old_age"],
        complexity="complex",
        aim="participatie",
        domain="social_contacts",
        preferences="Elke week naar de sportclub",
    )
    response = login(world.professional).get(url(world.own_trajectory))
    assert response.status_code == 200
    html = response.content.decode()
    assert checked(html, "target_groups") == {"verstandelijk", "ouderdom"}
    assert selected(html, "problem_level") == ["complex"]
    assert selected(html, "aim") == ["participatie"]
    assert checked(html, "domains") == {"sociaal_netwerk"}
    assert "Huishouden op orde. Elke week naar de sportclub" in html


def test_it_maps_every_kind_of_limitation_to_a_target_group(world):
    world.own_client.limitations = ["old_age", "physical", "intellectual", "psychological", "social"]
    assert profile_for_trajectory(world.own_trajectory)["target_groups"] == [
        "ouderdom",
        "lichamelijk",
        "verstandelijk",
        "psychisch",
        "algemeen",
    ]


def test_it_takes_the_domains_of_every_goal_without_duplicates(world):
    Goal.objects.filter(pk=world.own_goal.pk).update(domain="self_care")
    Goal.objects.create(trajectory=world.own_trajectory, intended_result="Werk vinden", domain="work", priority=2)
    Goal.objects.create(trajectory=world.own_trajectory, intended_result="Zelf koken", domain="housing", priority=3)
    profile = profile_for_trajectory(world.own_trajectory)
    assert profile["domains"] == ["dagelijkse_vaardigheden", "financien", "werk_dagbesteding", "wonen"]
    assert "Werk vinden." in profile["text"] and "Zelf koken." in profile["text"]


def test_it_recommends_fact_cti_and_ispb_for_a_complex_psychiatric_situation(world, login):
    set_situation(world, ["psychological"], complexity="complex")
    response = login(world.professional).get(url(world.own_trajectory))
    assert set(recommended_slugs(response)[:3]) == COMPLEX_PSYCHIATRIC_TOP3
    reasons = reasons_of(response)
    assert reasons["fact"][:2] == ["past bij doelgroep psychisch", "geschikt voor complexe problematiek"]


def test_it_shows_the_reasons_in_plain_dutch(world, login):
    set_situation(
        world,
        ["psychological"],
        complexity="licht",
        aim="participatie",
        domain="social_contacts",
        preferences="Ik ben eenzaam en wil vrienden",
    )
    response = login(world.professional).get(url(world.own_trajectory))
    reasons = reasons_of(response)["vriendendiensten"]
    assert "past bij doelgroep psychisch" in reasons
    assert "gericht op participatie" in reasons
    assert "werkzaam element: netwerk betrekken" in reasons
    assert "levensgebied: sociaal netwerk" in reasons


def test_it_shows_at_most_twelve_methods_and_never_an_organisation_approach(world, login):
    set_situation(world, ["psychological"], complexity="complex")
    slugs = recommended_slugs(login(world.professional).get(url(world.own_trajectory)))
    assert len(slugs) == 12
    assert not {"kwartiermaken", "signaleringsnetwerken", "maatschappelijke-steunsystemen"} & set(slugs)


def test_it_notes_that_there_is_no_proven_method_for_complex_problems_with_an_intellectual_disability(world, login):
    set_situation(world, ["intellectual"], complexity="complex")
    page = text_of(login(world.professional).get(url(world.own_trajectory)))
    assert (
        "De methodewijzer kent geen bewezen methode voor mensen met een verstandelijke beperking en complexe "
        "problemen." in page
    )


def test_it_recommends_again_for_an_adjusted_profile(world, login):
    set_situation(world, ["psychological"], complexity="complex")
    response = login(world.professional).get(
        url(world.own_trajectory),
        {"target_groups": ["ouderdom"], "text": "Mevrouw heeft dementie; haar man is mantelzorger"},
    )
    assert response.status_code == 200
    assert recommended_slugs(response)[0] == "ontmoetingscentra-dementie"
    assert checked(response.content.decode(), "target_groups") == {"ouderdom"}
    world.own_trajectory.refresh_from_db()
    assert world.own_trajectory.complexity == "complex"  # adjusting the proposal changes nothing in the file


def test_it_refuses_an_unknown_value_with_a_dutch_message(world, login):
    response = login(world.professional).get(
        url(world.own_trajectory), {"target_groups": ["kinderen"], "problem_level": "beide"}
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "Selecteer een geldige keuze. kinderen is geen beschikbare keuze." in page
    assert "Selecteer een geldige keuze. beide is geen beschikbare keuze." in page
    assert recommended_slugs(response) == []


def test_it_offers_the_steps_of_this_trajectory_only(world, login):
    step = world.own_goal.plan.steps.get()
    response = login(world.professional).get(url(world.own_trajectory))
    html = response.content.decode()
    offered = set(re.findall(r'<option value="(\d+)">', html))
    assert offered == {str(step.pk)}
    assert "Huishouden op orde — Zelf de was doen" in text_of(response)
    assert html.count(f'action="{reverse("attach_method", args=[world.own_trajectory.pk])}"') == 12


def test_it_escapes_what_a_step_says_in_the_list_of_steps(world, login):
    PlanStep.objects.create(
        plan=world.own_goal.plan, actor=StepActor.SELF, description='<script>alert("x")</script> & meer'
    )
    html = login(world.professional).get(url(world.own_trajectory)).content.decode()
    assert "<script>alert" not in html
    label = re.search(r'<option value="\d+">([^<>"]*meer)</option>', html).group(1)  # no markup left in it
    assert unescape(label) == 'Huishouden op orde — <script>alert("x")</script> & meer'


def test_it_asks_for_a_plan_first_when_there_are_no_steps(world, login):
    PlanStep.objects.filter(plan__goal=world.own_goal).delete()
    response = login(world.professional).get(url(world.own_trajectory))
    assert "Maak eerst een Plan van Aanpak met stappen om een methode aan te koppelen." in text_of(response)
    assert "Koppelen" not in text_of(response)
    assert len(recommended_slugs(response)) == 12


def test_it_proposes_the_own_organisations_local_method_but_not_another_organisations(world, login):
    set_situation(world, ["psychological"], complexity="complex")
    own = local_method(
        world.org,
        name="Herstelteam Oost",
        problem_level="complex",
        aim="zelfredzaamheid",
        target_groups_primary=["psychisch"],
        problem_level_certain=True,
    )
    other = local_method(
        world.other_org,
        name="Herstelteam West",
        problem_level="complex",
        aim="zelfredzaamheid",
        target_groups_primary=["psychisch"],
        problem_level_certain=True,
    )
    slugs = recommended_slugs(login(world.professional).get(url(world.own_trajectory)))
    assert own.slug in slugs[:5]
    assert other.slug not in slugs


def test_it_logs_that_the_file_was_read(world, login):
    login(world.professional).get(url(world.own_trajectory))
    row = log_rows(action="read", client_id=world.own_client.pk).get()
    assert (row.user, row.object_type, row.object_id, row.detail) == (
        world.professional,
        "Trajectory",
        world.own_trajectory.pk,
        "methoden voorstellen",
    )


def test_it_answers_404_for_another_teams_trajectory(world, login):
    assert login(world.professional).get(url(world.other_team_trajectory)).status_code == 404
    assert not log_rows(client_id=world.other_team_client.pk).exists()


def add_goals(world, trajectory, n):
    for i in range(n):
        goal = Goal.objects.create(
            trajectory=trajectory,
            intended_result=f"Doel {i}",
            priority=i + 2,
            domain="social_contacts",
            preferences="Vrienden maken\nNaar de club",
        )
        plan = ActionPlan.objects.create(
            goal=goal, drawn_up_on=date(2026, 6, 1), evaluation_on=date(2026, 9, 1), updated_by=world.professional
        )
        for order in range(3):
            PlanStep.objects.create(plan=plan, order=order, actor=StepActor.NETWORK, description=f"Stap {order}")


def test_it_costs_the_same_queries_with_more_goals_and_steps(world, login, django_assert_num_queries):
    set_situation(world, ["psychological"], complexity="complex")
    client = login(world.professional)
    client.get(url(world.own_trajectory))
    with CaptureQueriesContext(connection) as ctx:
        client.get(url(world.own_trajectory))
    n = len(ctx)
    add_goals(world, world.own_trajectory, 6)
    step = PlanStep.objects.filter(plan__goal__trajectory=world.own_trajectory).first()
    PlanStep.objects.filter(pk=step.pk).update(method_id=1)  # a step with a method shows its name
    with django_assert_num_queries(n):
        response = client.get(url(world.own_trajectory))
    assert len(set(re.findall(r'<option value="(\d+)">', response.content.decode()))) == 19


def test_it_does_not_offer_steps_of_another_trajectory_of_the_same_team(world, login):
    _client, second = make_trajectory(world.org, world.team, "Sanne Visser", world.professional)
    add_goals(world, second, 1)
    html = login(world.professional).get(url(world.own_trajectory)).content.decode()
    assert set(re.findall(r'<option value="(\d+)">', html)) == {str(world.own_goal.plan.steps.get().pk)}


def test_it_lists_the_steps_in_plan_order_shortened_and_shows_scores_in_dutch_notation(world, login):
    second = Goal.objects.create(
        trajectory=world.own_trajectory, intended_result="Eerst dit doel, want prioriteit nul", priority=0
    )
    plan = ActionPlan.objects.create(
        goal=second, drawn_up_on=date(2026, 6, 1), evaluation_on=date(2026, 9, 1), updated_by=world.professional
    )
    PlanStep.objects.create(plan=plan, order=2, actor=StepActor.SELF, description="Tweede")
    PlanStep.objects.create(
        plan=plan,
        order=1,
        actor=StepActor.SELF,
        description="Een stap met een heel lange beschrijving die niet in de lijst past",
    )
    html = login(world.professional).get(url(world.own_trajectory)).content.decode()
    first_list = html.split('name="step">')[1].split("</select>")[0]
    labels = re.findall(r"<option[^>]*>([^<]*)</option>", first_list)
    assert labels == [
        "Eerst dit doel, want priorite… — Een stap met een heel lange beschrijving die niet…",
        "Eerst dit doel, want priorite… — Tweede",
        "Huishouden op orde — Zelf de was doen",
    ]
    assert [len(part) for part in labels[0].split(" — ")] == [30, 50]
    assert re.findall(r"\(score \d+,\d\)", strip(html))


def test_an_accent_typed_separately_is_never_cut_off_its_letter(world, login):
    decomposed = "Cafe\u0301 " * 6  # 30 characters on screen, 36 as typed (each é as e plus an accent)
    Goal.objects.filter(pk=world.own_goal.pk).update(intended_result=decomposed.strip())
    html = login(world.professional).get(url(world.own_trajectory)).content.decode()
    label = re.search(r'<option value="\d+">([^<]*)</option>', html).group(1)
    assert label.startswith("Café Café Café Café Café Café — ")
