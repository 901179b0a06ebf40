"""One service of the sociale kaart: every fact, its locations, and a clear word when it may not be offered."""

import pytest
from django.urls import reverse

from steunwerk.resources.models import Accessibility, Service
from steunwerk.resources.tests.helpers import make_service, text_of


def url(service):
    return reverse("resource", args=[service.pk])


def test_it_shows_every_fact_of_the_service(world, kaart, login):
    service = Service.objects.get(name="Recreatief volleybal")
    response = login(world.professional).get(url(service))
    assert response.status_code == 200
    page = text_of(response)
    for fact in [
        "Recreatief volleybal",
        "Ook bekend als: Volleybal voor iedereen",
        "Volleybalvereniging Schothorst",
        "Wekelijks recreatief volleyballen zonder competitie.",
        "Voor wie Iedereen vanaf 16 jaar, ook met een lichte lichamelijke beperking. vanaf 16 jaar",
        "Kosten € 12,50 per maand; met de Amersfoortpas gratis.",
        "Aanmelden Kom langs op een trainingsavond of mail naar info@vvschothorst.example.",
        "Openingstijden Dinsdag en donderdag 19.30–21.00 uur",
        "Wijk Schothorst",
        "Laatst gecontroleerd 14 september 2026",
        "Levensgebieden Sociaal netwerk, Gezondheid, Vrije tijd",
        "Doelgroepen Lichamelijke beperking, Algemeen (meerdere doelgroepen)",
        "Sporthal Schothorst Sporthalweg 3 3825 AB Amersfoort (wijk Schothorst)",
        "Bereikbaarheid: Bus 4 en 5, halte Schothorst Centrum (5 minuten lopen).",
        "Toegankelijkheid: Rolstoeltoegankelijk; invalidentoilet bij de kleedkamers. Lift naar de tribune.",
        "Bijgehouden door Wijkteam Oost.",
    ]:
        assert fact in page, fact
    html = response.content.decode()
    assert '<a href="https://vvschothorst.example/recreatief" rel="noopener noreferrer">' in html
    assert '<a href="mailto:info@vvschothorst.example">' in html
    assert "Bied haar niet aan" not in page


@pytest.mark.parametrize("name, status", [("Taalcafé De Brug", "opgeheven"), ("Jongerenhonk Liendert", "niet actief")])
def test_it_says_not_to_offer_a_defunct_or_inactive_service(world, kaart, login, name, status):
    page = text_of(login(world.professional).get(url(Service.objects.get(name=name))))
    assert f"Deze voorziening is {status}. Bied haar niet aan." in page


def test_it_shows_the_alert(world, kaart, login):
    page = text_of(login(world.professional).get(url(Service.objects.get(name="Taalcafé De Brug"))))
    assert "Opgeheven per 1 januari 2025." in page


def test_it_warns_when_the_information_is_more_than_a_year_old(world, kaart, login):
    service = Service.objects.get(name="Humanitas Thuisadministratie")  # checked on 1 September 2024
    page = text_of(login(world.professional).get(url(service)))
    assert "Laatst gecontroleerd 1 september 2024 ⚠ Langer dan een jaar geleden gecontroleerd" in page


def test_it_links_only_to_web_addresses(world, login):
    service = make_service(world.org, "Klusbus", url="javascript:alert(1)")
    Accessibility.objects.create(
        owner=world.org,
        location=service.at_locations.get().location,
        description="Hellingbaan",
        url="data:text/html,hallo",
    )
    html = login(world.professional).get(url(service)).content.decode()
    assert "javascript:" not in html and "data:text" not in html


def test_it_shows_a_service_without_locations(world, login):
    service = make_service(world.org, "Telefooncirkel")
    service.at_locations.all().delete()
    page = text_of(login(world.professional).get(url(service)))
    assert "Geen locatie bekend." in page and "Toegankelijkheid Niet bekend" in page


def test_it_shows_another_organisations_service_to_every_member(world, login):
    service = make_service(world.other_org, "Taalmaatjes West")
    assert login(world.professional).get(url(service)).status_code == 200


def test_it_gives_404_for_a_service_that_does_not_exist(world, login):
    assert login(world.professional).get(reverse("resource", args=[99999])).status_code == 404


def test_it_refuses_someone_without_a_membership(world, kaart, login):
    response = login(world.no_role).get(url(Service.objects.get(name="Recreatief volleybal")))
    assert response.status_code == 403
    assert "Recreatief volleybal" not in response.content.decode()


def test_it_sends_an_anonymous_visitor_to_the_sign_in_page(client, kaart):
    response = client.get(url(Service.objects.get(name="Recreatief volleybal")))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_it_needs_a_fixed_number_of_queries(world, kaart, login, django_assert_max_num_queries):
    client = login(world.professional)
    service = Service.objects.get(name="Samen eten in De Kei")
    with django_assert_max_num_queries(12):
        assert client.get(url(service)).status_code == 200
