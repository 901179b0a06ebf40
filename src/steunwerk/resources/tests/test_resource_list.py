"""The sociale kaart page: only services that may be offered, Dutch search, filters, the facts a professional
needs, a warning when information is more than a year old; members only."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from steunwerk.resources.models import Service
from steunwerk.resources.tests.helpers import list_items, listed_names, make_service, text_of

URL = reverse("resources")
ACTIVE = [
    "Inloop Het Klokhuis",
    "Koffie-inloop De Kei",
    "Meer Bewegen voor Ouderen",
    "Recreatief volleybal",
    "Repair Café Kruiskamp",
    "Samen eten in De Kei",
    "Steunpunt Mantelzorg",
    "Vrijwilligerswerk zoeken",
    "Wandelgroep Vathorst",
    "Humanitas Thuisadministratie",
]


def test_it_lists_every_active_service(world, kaart, login):
    response = login(world.professional).get(URL)
    assert response.status_code == 200
    assert sorted(listed_names(response)) == sorted(ACTIVE)
    assert "10 voorzieningen gevonden" in text_of(response)


@pytest.mark.parametrize("status", ["inactive", "defunct", "temporarily closed"])
def test_it_never_offers_a_service_that_is_not_active(world, kaart, login, status):
    Service.objects.filter(name="Recreatief volleybal").update(status=status)
    client = login(world.professional)
    assert "Recreatief volleybal" not in listed_names(client.get(URL))
    assert listed_names(client.get(URL, {"q": "volleybal"})) == []
    assert "Taalcafé De Brug" not in listed_names(client.get(URL, {"q": "taalcafé"}))
    assert "Jongerenhonk Liendert" not in listed_names(client.get(URL, {"wijk": "Liendert"}))


def test_it_searches_in_dutch(world, kaart, login):
    client = login(world.professional)
    assert listed_names(client.get(URL, {"q": "vrijwilligers"}))[0] == "Vrijwilligerswerk zoeken"
    assert listed_names(client.get(URL, {"q": "volleyballen"})) == ["Recreatief volleybal"]
    assert listed_names(client.get(URL, {"q": "administratie"})) == ["Humanitas Thuisadministratie"]


def test_it_says_when_nothing_is_found(world, kaart, login):
    response = login(world.professional).get(URL, {"q": "ruimtevaart"})
    assert response.status_code == 200
    assert listed_names(response) == []
    assert "Geen voorzieningen gevonden. Probeer een ander woord of minder filters." in text_of(response)


def test_it_offers_the_wijken_in_the_data_and_filters_on_them(world, kaart, login):
    client = login(world.professional)
    html = client.get(URL).content.decode()
    for wijk in ["Binnenstad", "Kruiskamp", "Liendert", "Schothorst", "Soesterkwartier", "Vathorst"]:
        assert f'<option value="{wijk}">{wijk}</option>' in html
    assert sorted(listed_names(client.get(URL, {"wijk": "Kruiskamp"}))) == [
        "Koffie-inloop De Kei",
        "Meer Bewegen voor Ouderen",
        "Repair Café Kruiskamp",
        "Samen eten in De Kei",
    ]
    assert listed_names(client.get(URL, {"wijk": "Liendert"})) == ["Humanitas Thuisadministratie"]


@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("domain", "financien", ["Humanitas Thuisadministratie"]),
        ("domain", "mantelzorg", ["Steunpunt Mantelzorg"]),
        ("target_group", "psychisch", ["Inloop Het Klokhuis", "Vrijwilligerswerk zoeken"]),
        ("target_group", "ouderdom", ["Koffie-inloop De Kei", "Meer Bewegen voor Ouderen", "Samen eten in De Kei"]),
    ],
)
def test_it_filters_on_domain_and_target_group(world, kaart, login, key, value, expected):
    assert sorted(listed_names(login(world.professional).get(URL, {key: value}))) == expected


def test_it_combines_filters_and_a_query(world, kaart, login):
    response = login(world.professional).get(URL, {"q": "koffie", "wijk": "Kruiskamp", "target_group": "ouderdom"})
    assert listed_names(response) == ["Koffie-inloop De Kei", "Meer Bewegen voor Ouderen"]


def test_it_keeps_the_chosen_filters_in_the_form(world, kaart, login):
    html = (
        login(world.professional)
        .get(URL, {"wijk": "Vathorst", "domain": "gezondheid", "q": "wandelen"})
        .content.decode()
    )
    assert '<option value="Vathorst" selected>' in html
    assert '<option value="gezondheid" selected>' in html
    assert 'value="wandelen"' in html


@pytest.mark.parametrize("key", ["wijk", "domain", "target_group"])
def test_it_refuses_an_unknown_filter_value_with_a_dutch_message(world, kaart, login, key):
    response = login(world.professional).get(URL, {key: "onzin"})
    assert response.status_code == 400
    assert "Selecteer een geldige keuze. onzin is geen beschikbare keuze." in text_of(response)
    assert listed_names(response) == []


def test_it_refuses_an_overlong_query(world, kaart, login):
    response = login(world.professional).get(URL, {"q": "buurthuis " * 30})
    assert response.status_code == 400
    assert "Zorg dat deze waarde niet meer dan 200 tekens bevat" in text_of(response)


def test_it_shows_what_a_professional_needs_to_know(world, kaart, login):
    item = list_items(login(world.professional).get(URL))["Recreatief volleybal"]
    assert "Volleybalvereniging Schothorst · wijk Schothorst" in item
    assert "Voor wie Iedereen vanaf 16 jaar, ook met een lichte lichamelijke beperking. vanaf 16 jaar" in item
    assert "Kosten € 12,50 per maand; met de Amersfoortpas gratis." in item
    assert "Aanmelden Kom langs op een trainingsavond" in item
    assert "Openingstijden Dinsdag en donderdag 19.30–21.00 uur" in item
    assert "Toegankelijkheid Rolstoeltoegankelijk; invalidentoilet bij de kleedkamers." in item
    assert "Wijk Schothorst" in item
    assert "Laatst gecontroleerd 14 september 2026" in item


def test_it_warns_when_the_information_is_more_than_a_year_old(world, kaart, login):
    today = timezone.localdate()
    Service.objects.filter(name="Recreatief volleybal").update(assured_date=today - timedelta(days=400))
    Service.objects.filter(name="Wandelgroep Vathorst").update(assured_date=today - timedelta(days=30))
    Service.objects.filter(name="Steunpunt Mantelzorg").update(assured_date=None)
    items = list_items(login(world.professional).get(URL))
    assert "Langer dan een jaar geleden gecontroleerd: vraag na of dit nog klopt." in items["Recreatief volleybal"]
    assert "gecontroleerd: vraag na" not in items["Wandelgroep Vathorst"]
    assert "Laatst gecontroleerd onbekend ⚠ Niet bekend of dit is gecontroleerd" in items["Steunpunt Mantelzorg"]


def test_it_shows_ages_in_dutch(world, login):
    make_service(world.org, "Tienerclub", minimum_age=12, maximum_age=16)
    make_service(world.org, "Peutergym", maximum_age=4)
    make_service(world.org, "Open tafel")
    items = list_items(login(world.professional).get(URL))
    assert "12 t/m 16 jaar" in items["Tienerclub"]
    assert "tot en met 4 jaar" in items["Peutergym"]
    assert "jaar" not in items["Open tafel"].split("Voor wie")[1].split("Kosten")[0]


def test_it_escapes_imported_text(world, login):
    make_service(world.org, "<script>alert(1)</script>", description="<b>vet</b>")
    html = login(world.professional).get(URL).content.decode()
    assert "<script>alert(1)</script>" not in html and "<b>vet</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_it_shows_every_organisations_kaart_to_every_member(world, kaart, login):
    make_service(world.other_org, "Taalmaatjes West", wijk="Nieuwland")
    assert "Taalmaatjes West" in listed_names(login(world.professional).get(URL))


def test_it_refuses_someone_without_a_membership(world, kaart, login):
    response = login(world.no_role).get(URL)
    assert response.status_code == 403
    assert "Recreatief volleybal" not in response.content.decode()


def test_it_sends_an_anonymous_visitor_to_the_sign_in_page(client, kaart):
    response = client.get(URL)
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_it_costs_the_same_queries_with_more_services(world, kaart, login, django_assert_num_queries):
    client = login(world.professional)
    client.get(URL)
    with CaptureQueriesContext(connection) as ctx:
        client.get(URL, {"q": "vrijwilligers"})
    n = len(ctx)
    for i in range(10):
        make_service(world.org, f"Buurtactiviteit {i}", description="Vrijwilligers zoeken buurtbewoners.")
    with django_assert_num_queries(n):
        response = client.get(URL, {"q": "vrijwilligers"})
    assert len(listed_names(response)) == 16
