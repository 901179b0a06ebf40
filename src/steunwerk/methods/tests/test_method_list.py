"""The methodewijzer page: every method, Dutch search, filters on every classification, local methods."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from steunwerk.methods.tests.helpers import BY_SLUG, list_items, listed_slugs, local_method, slugs_where, text_of

URL = reverse("methods")


def test_it_lists_the_whole_catalogue(world, login):
    response = login(world.professional).get(URL)
    assert response.status_code == 200
    assert set(listed_slugs(response)) == set(BY_SLUG)
    assert "32 methoden gevonden" in text_of(response)


def test_it_shows_the_legend_and_links_to_both_core_tables(world, login):
    response = login(world.professional).get(URL)
    html, page = response.content.decode(), text_of(response)
    assert "Leeswijzer" in page and "? = plaatsing onzeker" in page
    assert f'href="{reverse("table_level")}"' in html and f'href="{reverse("table_aim")}"' in html


def test_it_marks_uncertain_placements_with_a_question_mark(world, login):
    response = login(world.professional).get(URL)
    items = list_items(response)
    # FACT: complex is certain, the aim (self-reliance) is not.
    assert "FACT — psychisch; complexe problematiek; zelfredzaamheid ? " in items["fact"]
    assert "— psychisch; lichte problematiek ? ; participatie ? " in items["vriendendiensten"]
    # Zorg- en ondersteuningsplan: the level is uncertain, the aim is certain.
    assert (
        "; zowel lichte als complexe problematiek ? ; zowel zelfredzaamheid als participatie Het "
        in items["zorg-en-ondersteuningsplan"]
    )
    assert '<abbr class="uncertain" title="plaatsing onzeker">?</abbr>' in response.content.decode()


def test_it_tags_organisation_approaches(world, login):
    items = list_items(login(world.professional).get(URL))
    for slug in ("kwartiermaken", "signaleringsnetwerken", "maatschappelijke-steunsystemen"):
        assert "organisatiemethodiek" in items[slug]
    assert "organisatiemethodiek" not in items["fact"]


def test_it_searches_in_dutch(world, login):
    client = login(world.professional)
    assert set(listed_slugs(client.get(URL, {"q": "vrienden"}))[:2]) == {"vriendendiensten", "vriendenkringen"}
    assert {"sociale-netwerkstrategieen", "vrijwillige-netwerkcoach"} <= set(
        listed_slugs(client.get(URL, {"q": "netwerken"}))
    )
    assert listed_slugs(client.get(URL, {"q": "Dementié"}))[0] == "ontmoetingscentra-dementie"


def test_it_says_when_nothing_is_found(world, login):
    response = login(world.professional).get(URL, {"q": "ruimtevaart"})
    assert response.status_code == 200
    assert listed_slugs(response) == []
    assert "Geen methoden gevonden. Probeer een ander woord of minder filters." in text_of(response)


@pytest.mark.parametrize(
    "key, value, predicate",
    [
        ("target_group", "verstandelijk", lambda e: "verstandelijk" in e["target_groups"]),
        ("problem_level", "licht", lambda e: e["problem_level"] in ("licht", "beide")),
        ("aim", "participatie", lambda e: e["aim"] in ("participatie", "beide")),
        ("domain", "wonen", lambda e: "wonen" in e["domains"]),
        ("working_element", "autonomie", lambda e: "autonomie" in e["working_elements"]),
        ("baken", "collectief_individueel", lambda e: "collectief_individueel" in e["wns_bakens"]),
        ("evidence_level", "theoretisch-onderbouwd", lambda e: e["evidence_level"] == "theoretisch-onderbouwd"),
        ("kind", "organisation_approach", lambda e: e["kind"] == "organisation_approach"),
        ("esi", "ja", lambda e: e["in_esi_databank"] is True),
    ],
)
def test_it_filters_on_every_classification(world, login, key, value, predicate):
    response = login(world.professional).get(URL, {key: value})
    assert response.status_code == 200
    assert set(listed_slugs(response)) == slugs_where(predicate)


def test_it_combines_filters_and_a_query(world, login):
    response = login(world.professional).get(
        URL, {"target_group": "psychisch", "problem_level": "complex", "q": "netwerk"}
    )
    result = set(listed_slugs(response))
    assert result and result <= slugs_where(
        lambda e: "psychisch" in e["target_groups"] and e["problem_level"] in ("complex", "beide")
    )
    assert "vriendendiensten" not in result  # light problems only


def test_it_keeps_the_chosen_filters_in_the_form(world, login):
    html = login(world.professional).get(URL, {"target_group": "ouderdom", "q": "dementie"}).content.decode()
    assert '<option value="ouderdom" selected>' in html
    assert 'value="dementie"' in html


@pytest.mark.parametrize(
    "key",
    ["target_group", "problem_level", "aim", "domain", "working_element", "baken", "evidence_level", "kind", "esi"],
)
def test_it_refuses_an_unknown_filter_value_with_a_dutch_message(world, login, key):
    response = login(world.professional).get(URL, {key: "onzin"})
    assert response.status_code == 400
    assert "Selecteer een geldige keuze. onzin is geen beschikbare keuze." in text_of(response)
    assert listed_slugs(response) == []


def test_it_refuses_an_overlong_query(world, login):
    response = login(world.professional).get(URL, {"q": "vrienden " * 30})
    assert response.status_code == 400
    assert "Zorg dat deze waarde niet meer dan 200 tekens bevat" in text_of(response)


def test_it_lists_the_own_organisations_local_methods_but_not_another_organisations(world, login):
    own = local_method(world.org, name="Buurtmaatjes Oost")
    other = local_method(world.other_org, name="Taalcafé West")
    items = list_items(login(world.professional).get(URL))
    assert own.slug in items and "lokaal" in items[own.slug]
    assert other.slug not in items
    assert "33 methoden gevonden" in text_of(login(world.professional).get(URL))
    assert other.slug not in listed_slugs(login(world.professional).get(URL, {"q": "taalcafe"}))
    assert set(listed_slugs(login(world.other_org_professional).get(URL, {"kind": "local"}))) == {other.slug}


def test_it_escapes_the_name_of_a_local_method(world, login):
    local_method(world.org, name="<script>alert(1)</script>", slug="xss")
    html = login(world.professional).get(URL).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_it_offers_adding_a_local_method_only_to_a_catalogue_admin(world, login, client):
    link = f'href="{reverse("method_new")}"'
    assert link in login(world.catalogue_admin).get(URL).content.decode()
    client.logout()
    assert link not in login(world.professional).get(URL).content.decode()


def test_it_costs_the_same_queries_with_more_local_methods(world, login, django_assert_num_queries):
    client = login(world.professional)
    client.get(URL)
    with CaptureQueriesContext(connection) as ctx:
        client.get(URL, {"q": "vrienden"})
    n = len(ctx)  # now: the log is reset by every later request
    assert n
    for i in range(10):
        local_method(world.org, name=f"Lokale methode {i}", goal="Vrienden maken in de wijk.")
    client.get(URL)  # the index is rebuilt once after the catalogue changed
    with django_assert_num_queries(n):
        response = client.get(URL, {"q": "vrienden"})
    assert len(listed_slugs(response)) >= 10
