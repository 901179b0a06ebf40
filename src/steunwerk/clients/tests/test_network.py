"""Sociaal netwerk (clients.network_views.network): the people around the client, as a map and a table; the own
team adds people, a consent lets another organisation's professional read along, never add."""

import re
from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from steunwerk.access.models import AccessLogEntry, Consent
from steunwerk.clients.models import NetworkMember
from steunwerk.vocab import Frequency, Involvement, Load, LogAction, Relation, SupportKind

# Django says "Dit veld is verplicht."; with Django REST framework installed its catalogue wins: "Dit veld is vereist."
REQUIRED = "Dit veld is ver"
NOT_SAVED = "Niet opgeslagen: verbeter de gemarkeerde velden."


def url(client):
    return reverse("network", args=[client.pk])


def text_of(response):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def form_data(**changes):
    data = {
        "name": "Buurman Henk",
        "relation": Relation.NEIGHBOUR,
        "support": [SupportKind.PRACTICAL, SupportKind.COMPANY],
        "frequency": Frequency.WEEKLY,
        "gives_back": "Bram helpt in zijn moestuin",
        "load": Load.ABLE,
        "involvement": Involvement.YES,
        "note": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def add_member(client, name="Buurman Henk", **fields):
    fields = {"relation": Relation.NEIGHBOUR, **fields}
    return NetworkMember.objects.create(client=client, name=name, **fields)


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


def test_it_says_when_nobody_is_recorded_yet(world, login):
    response = login(world.professional).get(url(world.own_client))
    assert response.status_code == 200
    page = text_of(response)
    assert "Sociaal netwerk van Bram de Wit" in page
    assert "Nog niemand vastgelegd." in page
    assert "Bram de Wit heeft nog niemand in het netwerk." in page  # the map's text alternative


def test_it_shows_everyone_in_the_table_and_on_the_map(world, login):
    add_member(
        world.own_client,
        "Buurman Henk",
        support=[SupportKind.PRACTICAL],
        frequency=Frequency.WEEKLY,
        gives_back="Helpt in de moestuin",
        involvement=Involvement.YES,
    )
    add_member(
        world.own_client, "Moeder", relation=Relation.FAMILY, load=Load.UNDER_PRESSURE, involvement=Involvement.NO
    )
    response = login(world.professional).get(url(world.own_client))
    page = text_of(response)
    assert (
        "Buurman Henk Buur Praktisch Wekelijks Helpt in de moestuin Kan het goed aan Ja, cliënt wil deze persoon erbij nee"
        in page
    )
    assert "Moeder Familie — — — Onder druk Nee, liever niet nee" in page
    html = response.content.decode()
    assert html.count('<g class="member"') == 2
    assert "<title>Moeder: Familie, Onder druk</title>" in html


def test_it_does_not_show_another_clients_network(world, login):
    add_member(world.other_team_client, "Zus van Kees", relation=Relation.FAMILY)
    page = text_of(login(world.professional).get(url(world.own_client)))
    assert "Zus van Kees" not in page
    assert "Nog niemand vastgelegd." in page


@pytest.mark.parametrize("role", ["professional", "team_lead"])
def test_it_adds_someone_to_the_network(world, login, role):
    client = login(world.user(role))
    response = client.post(url(world.own_client), form_data(same_household="on", note="Komt elke week langs"))
    assert response.status_code == 302
    assert response["Location"] == url(world.own_client)
    member = NetworkMember.objects.get()
    assert (member.client, member.organisation, member.name, member.relation, member.same_household) == (
        world.own_client,
        world.org,
        "Buurman Henk",
        Relation.NEIGHBOUR,
        True,
    )
    assert (member.support, member.frequency, member.gives_back, member.load, member.involvement, member.note) == (
        ["practical", "company"],
        "weekly",
        "Bram helpt in zijn moestuin",
        "able",
        "yes",
        "Komt elke week langs",
    )
    assert not member.shares_plan_steps  # consent is never assumed
    assert "Buurman Henk toegevoegd aan het netwerk." in text_of(client.get(response["Location"]))


def test_it_trims_the_name(world, login):
    login(world.professional).post(url(world.own_client), form_data(name="  Moeder  ", relation=Relation.FAMILY))
    assert NetworkMember.objects.get().name == "Moeder"


def test_it_logs_reading_and_adding(world, login):
    client = login(world.professional)
    client.get(url(world.own_client))
    client.post(url(world.own_client), form_data())
    member = NetworkMember.objects.get()
    rows = list(
        AccessLogEntry.objects.filter(client_id=world.own_client.pk)
        .order_by("id")
        .values_list("action", "object_type", "object_id", "detail")
    )
    assert rows[:2] == [
        (LogAction.READ, "Client", world.own_client.pk, "netwerk"),
        (LogAction.CREATE, "NetworkMember", member.pk, "netwerklid toegevoegd"),
    ]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"relation": "cousin"}, "Selecteer een geldige keuze. cousin is geen beschikbare keuze."),
        ({"relation": ""}, REQUIRED),
        ({"load": "exhausted"}, "Selecteer een geldige keuze. exhausted is geen beschikbare keuze."),
        ({"support": ["money"]}, "Selecteer een geldige keuze. money is geen beschikbare keuze."),
        ({"frequency": "hourly"}, "Selecteer een geldige keuze. hourly is geen beschikbare keuze."),
        ({"involvement": "maybe"}, "Selecteer een geldige keuze. maybe is geen beschikbare keuze."),
        ({"name": ""}, REQUIRED),
        ({"name": "    "}, REQUIRED),
        ({"name": None}, REQUIRED),
        ({"name": "N" * 201}, "niet meer dan 200 tekens"),
        ({"gives_back": "x" * 501}, "niet meer dan 500 tekens"),
        ({"note": "x" * 5001}, "niet meer dan 5000 tekens"),
    ],
)
def test_it_refuses_bad_input_and_saves_nothing(world, login, changes, message):
    response = login(world.professional).post(url(world.own_client), form_data(**changes))
    assert response.status_code == 400
    page = text_of(response)
    assert message in page
    assert NOT_SAVED in page
    assert NetworkMember.objects.count() == 0
    assert not AccessLogEntry.objects.filter(action=LogAction.CREATE).exists()


def test_it_keeps_what_was_typed_after_a_refusal(world, login):
    response = login(world.professional).post(url(world.own_client), form_data(name="", gives_back="Samen koken"))
    assert response.status_code == 400
    assert 'value="Samen koken"' in response.content.decode()


def test_it_escapes_names_on_the_page(world, login):
    login(world.professional).post(url(world.own_client), form_data(name="<script>alert(1)</script> & Co"))
    html = login(world.professional).get(url(world.own_client)).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


@pytest.mark.parametrize("target", ["other_team_client", "other_org_client"])
def test_it_is_not_found_for_another_team_or_organisation(world, login, target):
    other = getattr(world, target)
    add_member(other, "Zus")
    client = login(world.professional)
    assert client.get(url(other)).status_code == 404
    assert client.post(url(other), form_data(name="Indringer")).status_code == 404
    assert list(NetworkMember.objects.values_list("name", flat=True)) == ["Zus"]
    assert not AccessLogEntry.objects.filter(client_id=other.pk).exists()


def test_it_is_not_found_for_a_wmo_consultant_even_with_consent(world, login):
    """A Wmo consultant sees identity and plan for an application, not the file the network belongs to."""
    consent(world, world.municipality)
    add_member(world.own_client, "Buurman Henk")
    client = login(world.wmo_consultant)
    assert client.get(reverse("client", args=[world.own_client.pk])).status_code == 200  # the consent works
    assert client.get(url(world.own_client)).status_code == 404
    assert client.post(url(world.own_client), form_data(name="Indringer")).status_code == 404
    assert NetworkMember.objects.count() == 1


def test_it_lets_another_organisation_with_consent_read_but_not_add(world, login):
    consent(world, world.other_org)
    henk = add_member(world.own_client, "Buurman Henk")
    client = login(world.other_org_professional)
    response = client.get(url(world.own_client))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Buurman Henk" in html
    assert "Iemand toevoegen" not in html  # no form to add
    assert reverse("network_member", args=[world.own_client.pk, henk.pk]) not in html  # no link to edit
    assert client.post(url(world.own_client), form_data(name="Indringer")).status_code == 404
    assert list(NetworkMember.objects.values_list("name", flat=True)) == ["Buurman Henk"]


def test_it_is_not_found_after_the_consent_is_withdrawn(world, login):
    consent(world, world.other_org).withdraw()
    assert login(world.other_org_professional).get(url(world.own_client)).status_code == 404


@pytest.mark.parametrize("role", ["org_admin", "no_role", "catalogue_admin"])
def test_it_is_not_found_for_roles_without_a_team(world, login, role):
    client = login(world.user(role))
    assert client.get(url(world.own_client)).status_code == 404
    assert client.post(url(world.own_client), form_data()).status_code == 404
    assert NetworkMember.objects.count() == 0


def test_it_is_not_found_for_an_unknown_client(world, login):
    assert login(world.professional).get(reverse("network", args=[999999])).status_code == 404


def test_it_sends_anonymous_visitors_to_the_login_page(client, world):
    response = client.post(url(world.own_client), form_data())
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert NetworkMember.objects.count() == 0


def test_it_links_the_client_page_to_the_network(world, login):
    html = login(world.professional).get(reverse("client", args=[world.own_client.pk])).content.decode()
    assert f'href="{url(world.own_client)}"' in html
