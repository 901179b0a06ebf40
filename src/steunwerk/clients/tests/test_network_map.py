"""Netwerkkaart als SVG (clients.network_views.network_map): the client in the middle, the network in four rings,
a standalone image that parses as XML and says in text what it shows."""

import math
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.urls import reverse

from steunwerk.access.models import AccessLogEntry, Consent
from steunwerk.clients.models import NetworkMember
from steunwerk.vocab import Involvement, Load, LogAction, Relation

NS = {"svg": "http://www.w3.org/2000/svg"}
CENTRE = 320


def url(client):
    return reverse("network_map", args=[client.pk])


def add_member(client, name, relation=Relation.FRIEND, **fields):
    return NetworkMember.objects.create(client=client, name=name, relation=relation, **fields)


def svg_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] == "image/svg+xml"
    return ET.fromstring(response.content)


def member_groups(root):
    return [g for g in root.iter(f"{{{NS['svg']}}}g") if g.get("class") == "member"]


def title_and_desc(root):
    return root.find("svg:title", NS).text, root.find("svg:desc", NS).text


def consent(world, receiver):
    return Consent.objects.create(
        client=world.own_client,
        organisation=world.org,
        receiving_organisation=receiver,
        purpose="Wmo-aanvraag",
        given_on=date(2026, 1, 1),
        explained_to_client=True,
        recorded_by=world.professional,
    )


@pytest.fixture
def bram_network(world):
    return [
        add_member(world.own_client, "Buurman Henk", Relation.NEIGHBOUR),
        add_member(world.own_client, "Vriend Jeroen", Relation.FRIEND, load=Load.TOO_BUSY),
        add_member(world.own_client, "Moeder", Relation.FAMILY, load=Load.UNDER_PRESSURE, involvement=Involvement.NO),
        add_member(world.own_client, "Zus Eva", Relation.FAMILY, same_household=True),
        add_member(world.own_client, "Woonconsulent", Relation.PROFESSIONAL, load=Load.STOPPED),
    ]


def test_it_is_an_svg_image_that_parses(world, login, bram_network):
    response = login(world.professional).get(url(world.own_client))
    root = svg_of(response)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert response.content.decode().startswith("<svg")


def test_it_is_an_accessible_image_with_a_title_and_a_description(world, login, bram_network):
    root = svg_of(login(world.professional).get(url(world.own_client)))
    assert root.get("role") == "img"
    title, desc = root.find("svg:title", NS), root.find("svg:desc", NS)
    assert set(root.get("aria-labelledby").split()) == {title.get("id"), desc.get("id")}
    assert title.text == "Netwerkkaart van Bram de Wit"
    assert desc.text.startswith("Netwerk van Bram de Wit:")


def test_it_names_every_member_in_its_title_and_in_the_description(world, login, bram_network):
    root = svg_of(login(world.professional).get(url(world.own_client)))
    groups = member_groups(root)
    assert len(groups) == len(bram_network)
    titles = {g.find("svg:title", NS).text for g in groups}
    assert titles == {
        "Buurman Henk: Buur, Kan het goed aan",
        "Vriend Jeroen: Vriend(in), Te druk",
        "Moeder: Familie, Onder druk",
        "Zus Eva: Familie, Kan het goed aan",
        "Woonconsulent: Professional, Gestopt",
    }
    assert {g.get("data-id") for g in groups} == {str(m.pk) for m in bram_network}
    _title, desc = title_and_desc(root)
    for member in bram_network:
        assert member.name in desc


def test_it_describes_the_network_ring_by_ring(world, login, bram_network):
    _title, desc = title_and_desc(svg_of(login(world.professional).get(url(world.own_client))))
    assert desc == (
        "Netwerk van Bram de Wit: Huishouden: Zus Eva (Familie, kan het goed aan). "
        "Familie en vrienden: Moeder (Familie, onder druk), Vriend Jeroen (Vriend(in), te druk). "
        "Buurt en clubs: Buurman Henk (Buur, kan het goed aan). "
        "Professionals: Woonconsulent (Professional, gestopt)."
    )


def test_it_puts_each_person_in_the_ring_of_their_relation(world, login, bram_network):
    root = svg_of(login(world.professional).get(url(world.own_client)))
    distance = {}
    for g in member_groups(root):
        dot = g.find("svg:circle", NS)
        name = g.find("svg:title", NS).text.split(":")[0]
        distance[name] = math.hypot(float(dot.get("cx")) - CENTRE, float(dot.get("cy")) - CENTRE)
    assert distance["Zus Eva"] < distance["Moeder"] < distance["Buurman Henk"] < distance["Woonconsulent"]
    assert distance["Moeder"] == pytest.approx(distance["Vriend Jeroen"], abs=0.2)


def test_it_does_not_rest_the_load_on_colour_alone(world, login, bram_network):
    root = svg_of(login(world.professional).get(url(world.own_client)))
    dash = {
        g.find("svg:title", NS).text.split(":")[0]: g.find("svg:circle", NS).get("stroke-dasharray")
        for g in member_groups(root)
    }
    assert dash["Buurman Henk"] is None  # copes well: a solid border
    assert len({dash["Vriend Jeroen"], dash["Moeder"], dash["Woonconsulent"]} - {None}) == 3


@pytest.mark.parametrize("name", ["<script>alert(1)</script>", "Jan & Piet", 'Marie "Mies" O\'Neil', "]]> <!-- x"])
def test_it_escapes_names_and_still_parses(world, login, name):
    add_member(world.own_client, name)
    response = login(world.professional).get(url(world.own_client))
    assert b"<script>" not in response.content
    root = svg_of(response)
    assert root.find(".//svg:script", NS) is None
    (group,) = member_groups(root)
    assert group.find("svg:title", NS).text == f"{name}: Vriend(in), Kan het goed aan"
    assert name in title_and_desc(root)[1]


def test_it_escapes_the_clients_own_name(world, login):
    world.own_client.name = "Bram <b>& co</b>"
    world.own_client.save()
    root = svg_of(login(world.professional).get(url(world.own_client)))
    title, desc = title_and_desc(root)
    assert title == "Netwerkkaart van Bram <b>& co</b>"
    assert desc == "Bram <b>& co</b> heeft nog niemand in het netwerk."


def test_it_still_parses_with_a_control_character_in_a_name(world, login):
    """XML 1.0 forbids most control characters, even escaped; a pasted one must not break the image."""
    add_member(world.own_client, "Henk\x0bde buurman\x1b")
    root = svg_of(login(world.professional).get(url(world.own_client)))
    assert len(member_groups(root)) == 1
    assert "Henk" in title_and_desc(root)[1]


def test_it_shows_a_map_without_anybody(world, login):
    root = svg_of(login(world.professional).get(url(world.own_client)))
    assert member_groups(root) == []
    assert title_and_desc(root)[1] == "Bram de Wit heeft nog niemand in het netwerk."


def test_it_shows_only_this_clients_network(world, login, bram_network):
    add_member(world.other_team_client, "Zus van Kees")
    root = svg_of(login(world.professional).get(url(world.own_client)))
    assert len(member_groups(root)) == len(bram_network)
    assert "Zus van Kees" not in ET.tostring(root, encoding="unicode")


def test_it_logs_viewing_the_map(world, login):
    login(world.professional).get(url(world.own_client))
    rows = list(AccessLogEntry.objects.values_list("action", "client_id", "detail"))
    assert rows == [(LogAction.READ, world.own_client.pk, "netwerkkaart")]


@pytest.mark.parametrize("target", ["other_team_client", "other_org_client"])
def test_it_is_not_found_for_another_team_or_organisation(world, login, target):
    other = getattr(world, target)
    add_member(other, "Zus")
    response = login(world.professional).get(url(other))
    assert response.status_code == 404
    assert b"Zus" not in response.content
    assert not AccessLogEntry.objects.filter(client_id=other.pk).exists()


def test_it_is_not_found_for_a_wmo_consultant_even_with_consent(world, login, bram_network):
    consent(world, world.municipality)
    assert login(world.wmo_consultant).get(url(world.own_client)).status_code == 404


def test_it_lets_another_organisation_with_consent_see_the_map(world, login, bram_network):
    consent(world, world.other_org)
    root = svg_of(login(world.other_org_professional).get(url(world.own_client)))
    assert len(member_groups(root)) == len(bram_network)


@pytest.mark.parametrize("role", ["org_admin", "no_role"])
def test_it_is_not_found_for_roles_without_a_team(world, login, role):
    assert login(world.user(role)).get(url(world.own_client)).status_code == 404


def test_it_sends_anonymous_visitors_to_the_login_page(client, world):
    response = client.get(url(world.own_client))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_it_is_embedded_in_the_network_page_and_linked(world, login, bram_network):
    html = login(world.professional).get(reverse("network", args=[world.own_client.pk])).content.decode()
    assert html.count('<g class="member"') == len(bram_network)
    assert f'href="{url(world.own_client)}"' in html
