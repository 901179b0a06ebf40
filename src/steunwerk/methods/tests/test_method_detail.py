"""The page of one method: classifications with their certainty, description, related methods."""

import re

from django.urls import reverse

from steunwerk.methods.models import Method
from steunwerk.methods.tests.helpers import BY_SLUG, local_method, strip, text_of


def url(slug):
    return reverse("method", args=[slug])


def facts(response):
    """{label: text} of the classification list at the top of the page."""
    html = response.content.decode()
    block = re.search(r'<dl class="facts">(.*?)</dl>', html, flags=re.S).group(1)
    return {strip(dt): strip(dd) for dt, dd in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", block, flags=re.S)}


def test_it_shows_the_method_with_its_classifications(world, login):
    response = login(world.professional).get(url("fact"))
    assert response.status_code == 200
    page = text_of(response)
    fact = Method.objects.get(slug="fact")
    assert "<h1>FACT</h1>" in response.content.decode()
    assert "Ook bekend als: Functie-ACT; Function Assertive Community Treatment (FACT)" in page
    table = facts(response)
    assert table["Doelgroepen"] == "Psychische beperking"
    assert table["Problematiek"].startswith("Complexe problematiek")
    assert table["Levensgebieden"] == "Wonen, Werk en dagbesteding, Sociaal netwerk, Gezondheid, Psychisch welbevinden"
    assert table["Onderbouwing"] == "Theoretisch onderbouwd; opgenomen in de databank Effectieve sociale interventies"
    for text in (fact.goal, fact.target_group_text, fact.approach, fact.evidence):
        assert text in page


def test_it_marks_an_uncertain_placement_on_the_page(world, login):
    table = facts(login(world.professional).get(url("vriendendiensten")))
    assert table["Problematiek"].startswith("Lichte problematiek (plaatsing onzeker)")
    assert table["Gericht op"].startswith("Participatie (plaatsing onzeker)")
    assert BY_SLUG["vriendendiensten"]["problem_level_note"] in table["Problematiek"]


def test_it_does_not_mark_a_certain_placement(world, login):
    table = facts(login(world.professional).get(url("fact")))
    assert "onzeker" not in table["Problematiek"]
    assert "(plaatsing onzeker)" in table["Gericht op"]  # the aim of FACT is not certain
    assert "onzeker" not in table["Doelgroepen"]


def test_it_marks_uncertain_target_groups(world, login):
    table = facts(login(world.professional).get(url("hooi-op-je-vork")))
    assert table["Doelgroepen"] == "Lichamelijke beperking, Psychische beperking (onzeker)"


def test_it_does_not_claim_an_esi_listing_the_source_does_not_state(world, login):
    assert facts(login(world.professional).get(url("vriendendiensten")))["Onderbouwing"] == "Theoretisch onderbouwd"


def test_it_groups_the_working_elements_by_theme(world, login):
    page = text_of(login(world.professional).get(url("vriendendiensten")))
    assert "Eigenaarschap : Maatwerk" in page
    assert "Contacten : Netwerk betrekken, Bemiddeling" in page
    assert "Motivatie :" not in page


def test_it_links_the_related_methods(world, login):
    html = login(world.professional).get(url("vriendendiensten")).content.decode()
    for slug in BY_SLUG["vriendendiensten"]["related"]:
        assert f'<a href="{url(slug)}">{BY_SLUG[slug]["name"]}</a>' in html


def test_it_says_an_organisation_approach_is_no_plan_for_one_client(world, login):
    page = text_of(login(world.professional).get(url("kwartiermaken")))
    assert "Organisatiemethodiek: een werkwijze op het niveau van organisaties" in page
    assert "Organisatiemethodiek:" not in text_of(login(world.professional).get(url("fact")))


def test_it_links_the_versions_and_only_a_catalogue_admin_gets_an_edit_link(world, login, client):
    edit = f'href="{reverse("method_edit", args=["fact"])}"'
    html = login(world.professional).get(url("fact")).content.decode()
    assert f'href="{reverse("method_history", args=["fact"])}"' in html
    assert edit not in html
    client.logout()
    assert edit in login(world.catalogue_admin).get(url("fact")).content.decode()


def test_it_answers_404_for_an_unknown_method(world, login):
    assert login(world.professional).get(url("bestaat-niet")).status_code == 404


def test_it_shows_a_local_method_to_its_own_organisation_only(world, login, client):
    local = local_method(world.org)
    response = login(world.team_lead).get(url(local.slug))
    assert response.status_code == 200
    assert "Buurtbewoners koppelen aan een maatje uit de wijk." in text_of(response)
    client.logout()
    assert login(world.other_org_professional).get(url(local.slug)).status_code == 404


def test_it_escapes_the_texts_of_a_method(world, login):
    local = local_method(world.org, approach="<img src=x onerror=alert(1)>")
    html = login(world.professional).get(url(local.slug)).content.decode()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
