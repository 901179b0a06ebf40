"""The REST API of the methodewijzer: search, one method, recommendations, OpenAPI schema."""

import base64
import json

import pytest
import yaml
from django.urls import reverse

from steunwerk.conftest import PASSWORD
from steunwerk.methods.tests.helpers import (
    BY_SLUG,
    COMPLEX_PSYCHIATRIC_TOP3,
    METHOD_SLUGS,
    local_method,
    recommend_cli,
    slugs_where,
)

LIST = reverse("api_methods")
RECOMMEND = reverse("api_methods_recommend")
COMPLEX_PSYCHIATRIC = {
    "target_groups": ["psychisch"],
    "problem_level": "complex",
    "aim": None,
    "domains": [],
    "text": "",
}
DEMENTIA_AT_HOME = {
    "target_groups": ["ouderdom"],
    "problem_level": None,
    "aim": None,
    "domains": ["mantelzorg"],
    "text": "Mevrouw heeft dementie en woont thuis; haar man is mantelzorger.",
}


def detail(slug):
    return reverse("api_method", args=[slug])


def post(client, data, **extra):
    body = data if isinstance(data, str) else json.dumps(data)
    return client.post(RECOMMEND, body, content_type="application/json", **extra)


def test_it_searches_in_dutch(world, login):
    response = login(world.professional).get(LIST, {"q": "vrienden"})
    assert response.status_code == 200
    body = response.json()
    assert {m["slug"] for m in body[:2]} == {"vriendendiensten", "vriendenkringen"}
    first = body[0]
    assert {
        "slug",
        "name",
        "kind",
        "target_groups",
        "problem_level",
        "problem_level_certain",
        "aim",
        "aim_certain",
        "domains",
        "working_elements",
        "wns_bakens",
        "evidence_level",
        "related",
        "local",
    } <= set(first)


def test_it_lists_the_whole_catalogue_without_parameters(world, login):
    body = login(world.professional).get(LIST).json()
    assert {m["slug"] for m in body} == set(BY_SLUG)


def test_it_filters_and_combines_filters(world, login):
    client = login(world.professional)
    body = client.get(LIST, {"target_group": "psychisch", "problem_level": "licht", "esi": "ja"}).json()
    assert {m["slug"] for m in body} == slugs_where(
        lambda e: (
            "psychisch" in e["target_groups"]
            and e["problem_level"] in ("licht", "beide")
            and e["in_esi_databank"] is True
        )
    )
    body = client.get(LIST, {"kind": "organisation_approach"}).json()
    assert {m["slug"] for m in body} == {"signaleringsnetwerken", "maatschappelijke-steunsystemen", "kwartiermaken"}


@pytest.mark.parametrize(
    "key",
    ["target_group", "problem_level", "aim", "domain", "working_element", "baken", "evidence_level", "kind", "esi"],
)
def test_it_refuses_an_unknown_filter_value_with_a_dutch_message(world, login, key):
    response = login(world.professional).get(LIST, {key: "onzin"})
    assert response.status_code == 400
    assert response.json() == {"errors": {key: ["Selecteer een geldige keuze. onzin is geen beschikbare keuze."]}}


def test_it_shows_one_method(world, login):
    response = login(world.professional).get(detail("fact"))
    assert response.status_code == 200
    body = response.json()
    assert (body["slug"], body["name"], body["kind"], body["local"]) == ("fact", "FACT", "method", False)
    assert body["target_groups"] == ["psychisch"]
    assert (body["problem_level"], body["problem_level_certain"]) == ("complex", True)
    assert (body["aim"], body["aim_certain"]) == ("zelfredzaamheid", False)
    assert sorted(body["related"]) == sorted(BY_SLUG["fact"]["related"])
    assert body["in_esi_databank"] is True


def test_it_gives_no_problem_level_as_null_and_unknown_esi_as_null(world, login):
    client = login(world.professional)
    assert client.get(detail("kwartiermaken")).json()["problem_level"] is None
    assert client.get(detail("vriendendiensten")).json()["in_esi_databank"] is None


def test_it_answers_404_for_an_unknown_method(world, login):
    response = login(world.professional).get(detail("bestaat-niet"))
    assert response.status_code == 404
    assert response.json() == {"detail": "Niet gevonden."}


def test_it_recommends_in_the_same_shape_and_order_as_the_command_line(world, login, monkeypatch):
    response = post(login(world.professional), DEMENTIA_AT_HOME)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"results", "notes"}
    assert all(set(r) == {"slug", "name", "score", "reasons"} for r in body["results"])
    assert body["results"][0]["slug"] == "ontmoetingscentra-dementie"
    assert body == recommend_cli(monkeypatch, DEMENTIA_AT_HOME)


def test_it_recommends_fact_cti_and_ispb_for_complex_psychiatric_problems(world, login):
    body = post(login(world.professional), COMPLEX_PSYCHIATRIC).json()
    assert {r["slug"] for r in body["results"][:3]} == COMPLEX_PSYCHIATRIC_TOP3
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True)
    assert {r["slug"] for r in body["results"]} == METHOD_SLUGS


def test_it_limits_the_recommendations(world, login):
    response = login(world.professional).post(
        f"{RECOMMEND}?limit=3", json.dumps(COMPLEX_PSYCHIATRIC), content_type="application/json"
    )
    assert {r["slug"] for r in response.json()["results"]} == COMPLEX_PSYCHIATRIC_TOP3


def test_it_notes_the_gap_for_complex_problems_with_a_physical_disability(world, login):
    body = post(login(world.professional), {"target_groups": ["lichamelijk"], "problem_level": "complex"}).json()
    assert any("geen bewezen methode voor mensen met een lichamelijke beperking" in n for n in body["notes"])


@pytest.mark.parametrize(
    "data, message",
    [
        ({"target_groups": ["kinderen"]}, "Toegestaan: ouderdom, lichamelijk, psychisch, verstandelijk, algemeen."),
        ({"problem_level": "zwaar"}, "Toegestaan: licht, complex of null."),
        ({"aim": "geluk"}, "Toegestaan: zelfredzaamheid, participatie, beide of null."),
        ({"domains": ["sport"]}, "Onbekende waarde voor domains: sport."),
        ({"leeftijd": 80}, "Onbekend veld: leeftijd."),
        ([], "Het profiel moet een JSON-object zijn"),
        ('"psychisch"', "Het profiel moet een JSON-object zijn"),
        ("{oeps", "Geen geldige JSON"),
    ],
    ids=["target_group", "problem_level", "aim", "domain", "unknown_field", "list", "string", "malformed"],
)
def test_it_refuses_a_bad_profile_with_a_dutch_error(world, login, data, message):
    response = post(login(world.professional), data)
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"error"}
    assert message in body["error"]


def test_it_includes_the_own_organisations_local_methods_only(world, login, client):
    own = local_method(world.org)
    other = local_method(world.other_org, name="Taalcafé West")
    professional = login(world.professional)
    slugs = {m["slug"] for m in professional.get(LIST).json()}
    assert own.slug in slugs and other.slug not in slugs
    assert professional.get(detail(own.slug)).json()["local"] is True
    assert professional.get(detail(other.slug)).status_code == 404
    results = {r["slug"] for r in post(professional, {"target_groups": ["psychisch"]}).json()["results"]}
    assert own.slug in results and other.slug not in results


def test_it_refuses_basic_authentication(world, client):
    """People sign in on the sign-in page (with its lockout); the API takes no passwords (issue 14)."""
    token = base64.b64encode(f"professional:{PASSWORD}".encode()).decode()
    response = client.get(detail("fact"), HTTP_AUTHORIZATION=f"Basic {token}")
    assert response.status_code == 403


def test_it_publishes_an_openapi_schema_with_the_three_paths(world, login):
    response = login(world.professional).get(reverse("api_schema"))
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert {"/api/v1/methods/", "/api/v1/methods/{slug}/", "/api/v1/methods/recommend/"} <= set(schema["paths"])
    assert "post" in schema["paths"]["/api/v1/methods/recommend/"]
    parameters = {p["name"] for p in schema["paths"]["/api/v1/methods/"]["get"]["parameters"]}
    assert {
        "q",
        "target_group",
        "problem_level",
        "aim",
        "domain",
        "working_element",
        "baken",
        "evidence_level",
        "kind",
        "esi",
    } <= parameters
