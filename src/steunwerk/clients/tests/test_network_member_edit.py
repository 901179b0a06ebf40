"""Netwerklid bewerken (clients.network_views.network_member_edit): only the own team changes someone in the
client's network; a consent lets another organisation's professional read, never change."""

import re
from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from steunwerk.access.models import AccessLogEntry, Consent
from steunwerk.clients.models import NetworkMember
from steunwerk.conftest import make_goal_with_plan
from steunwerk.support.models import PlanStep, Trajectory
from steunwerk.vocab import Frequency, Involvement, Load, LogAction, Relation, StepActor, SupportKind

REQUIRED = "Dit veld is ver"  # "verplicht" (Django) or "vereist" (Django REST framework's catalogue)
NOT_SAVED = "Niet opgeslagen: verbeter de gemarkeerde velden."


def url(member):
    return reverse("network_member", args=[member.client_id, member.pk])


def text_of(response):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def add_member(client, name="Buurman Henk", **fields):
    fields = {
        "relation": Relation.NEIGHBOUR,
        "support": [SupportKind.PRACTICAL],
        "frequency": Frequency.WEEKLY,
        "gives_back": "Helpt in de moestuin",
        "involvement": Involvement.YES,
        **fields,
    }
    return NetworkMember.objects.create(client=client, name=name, **fields)


def form_data(member, **changes):
    data = {
        "name": member.name,
        "relation": member.relation,
        "support": list(member.support),
        "frequency": member.frequency,
        "gives_back": member.gives_back,
        "load": member.load,
        "involvement": member.involvement,
        "note": member.note,
    }
    if member.same_household:
        data["same_household"] = "on"
    if member.shares_plan_steps:
        data["shares_plan_steps"] = "on"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def fresh(member):
    return NetworkMember.objects.get(pk=member.pk)


def state(member):
    m = fresh(member)
    return (
        m.name,
        m.relation,
        m.support,
        m.load,
        m.involvement,
        m.note,
        m.plan_consent_on,
        m.plan_consent_withdrawn_at,
    )


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
def henk(world):
    return add_member(world.own_client)


def test_it_shows_the_form_filled_in(world, login, henk):
    response = login(world.professional).get(url(henk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Buurman Henk</h1>" in html
    assert 'value="Buurman Henk"' in html
    assert 'value="Helpt in de moestuin"' in html
    assert re.search(r'<option value="neighbour" selected>', html)
    assert f'href="{reverse("network", args=[world.own_client.pk])}"' in html


def test_it_logs_opening_the_form_as_a_read(world, login, henk):
    login(world.professional).get(url(henk))
    rows = list(AccessLogEntry.objects.values_list("action", "client_id", "object_type", "object_id", "detail"))
    assert rows == [(LogAction.READ, world.own_client.pk, "NetworkMember", henk.pk, "netwerklid")]


@pytest.mark.parametrize("role", ["professional", "team_lead"])
def test_it_saves_changes_and_returns_to_the_network(world, login, henk, role):
    client = login(world.user(role))
    response = client.post(
        url(henk),
        form_data(
            henk, load=Load.TOO_BUSY, support=[SupportKind.COMPANY], note="Heeft het druk met zijn kleinkinderen"
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("network", args=[world.own_client.pk])
    saved = fresh(henk)
    assert (saved.load, saved.support, saved.note, saved.name, saved.client) == (
        Load.TOO_BUSY,
        ["company"],
        "Heeft het druk met zijn kleinkinderen",
        "Buurman Henk",
        world.own_client,
    )
    page = text_of(client.get(response["Location"]))
    assert "Netwerk bijgewerkt." in page
    assert "Te druk" in page


def test_it_logs_which_fields_changed_but_not_their_values(world, login, henk):
    login(world.professional).post(url(henk), form_data(henk, load=Load.STOPPED, note="Verhuisd naar Zwolle"))
    row = AccessLogEntry.objects.get(action=LogAction.UPDATE)
    assert (row.client_id, row.object_type, row.object_id) == (world.own_client.pk, "NetworkMember", henk.pk)
    assert "load" in row.detail and "note" in row.detail
    assert "Zwolle" not in row.detail and "stopped" not in row.detail


def test_it_moves_a_housemate_into_the_household_ring(world, login, henk):
    assert henk.circle == "neighbourhood"
    login(world.professional).post(url(henk), form_data(henk, same_household="on"))
    assert fresh(henk).circle == "household"


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"relation": "cousin"}, "Selecteer een geldige keuze. cousin is geen beschikbare keuze."),
        ({"load": "exhausted"}, "Selecteer een geldige keuze. exhausted is geen beschikbare keuze."),
        ({"support": ["money"]}, "Selecteer een geldige keuze. money is geen beschikbare keuze."),
        ({"name": ""}, REQUIRED),
        ({"name": "   "}, REQUIRED),
        ({"name": "N" * 201}, "niet meer dan 200 tekens"),
        ({"note": "x" * 5001}, "niet meer dan 5000 tekens"),
    ],
)
def test_it_refuses_bad_input_and_changes_nothing(world, login, henk, changes, message):
    before = state(henk)
    response = login(world.professional).post(url(henk), form_data(henk, gives_back="Anders", **changes))
    assert response.status_code == 400
    page = text_of(response)
    assert message in page and NOT_SAVED in page
    assert state(henk) == before
    assert NetworkMember.objects.count() == 1
    assert not AccessLogEntry.objects.filter(action=LogAction.UPDATE).exists()


def test_it_shows_the_steps_in_the_plan_that_rest_on_this_person(world, login, henk):
    plan = world.own_goal.plan
    PlanStep.objects.create(
        plan=plan,
        order=2,
        actor=StepActor.NETWORK,
        description="Herinneren aan de kliko",
        performer="Buurman Henk",
        network_member=henk,
    )
    page = text_of(login(world.professional).get(url(henk)))
    assert "Taken in het plan Herinneren aan de kliko" in page
    assert "Zelf de was doen" not in page  # a step of the client himself is not Henk's


def test_it_shows_no_task_list_for_someone_without_steps(world, login, henk):
    assert "Taken in het plan" not in text_of(login(world.professional).get(url(henk)))


def test_it_is_not_found_for_a_member_of_another_client_under_the_own_clients_address(world, login):
    """The member must belong to the client in the address: no reaching a stranger through one's own client."""
    stranger = add_member(world.other_org_client, "Zus van Lotte")
    before = state(stranger)
    address = reverse("network_member", args=[world.own_client.pk, stranger.pk])
    client = login(world.professional)
    assert client.get(address).status_code == 404
    assert client.post(address, form_data(stranger, name="Overschreven")).status_code == 404
    assert state(stranger) == before


def test_it_is_not_found_for_an_unknown_member(world, login):
    address = reverse("network_member", args=[world.own_client.pk, 999999])
    assert login(world.professional).get(address).status_code == 404


@pytest.mark.parametrize("target", ["other_team_client", "other_org_client"])
def test_it_is_not_found_for_another_team_or_organisation(world, login, target):
    other = add_member(getattr(world, target), "Zus")
    before = state(other)
    client = login(world.professional)
    assert client.get(url(other)).status_code == 404
    assert client.post(url(other), form_data(other, name="Overschreven", load=Load.STOPPED)).status_code == 404
    assert state(other) == before
    assert not AccessLogEntry.objects.filter(client_id=other.client_id).exists()


def test_it_is_not_found_for_a_wmo_consultant_even_with_consent(world, login, henk):
    consent(world, world.municipality)
    before = state(henk)
    client = login(world.wmo_consultant)
    assert client.get(url(henk)).status_code == 404
    assert client.post(url(henk), form_data(henk, name="Overschreven")).status_code == 404
    assert state(henk) == before


def test_it_lets_another_organisation_with_consent_read_but_not_change(world, login, henk):
    consent(world, world.other_org)
    before = state(henk)
    client = login(world.other_org_professional)
    assert client.get(url(henk)).status_code == 200
    assert client.post(url(henk), form_data(henk, name="Overschreven", shares_plan_steps="on")).status_code == 404
    assert state(henk) == before


@pytest.mark.parametrize("role", ["org_admin", "no_role"])
def test_it_is_not_found_for_roles_without_a_team(world, login, henk, role):
    client = login(world.user(role))
    assert client.get(url(henk)).status_code == 404
    assert client.post(url(henk), form_data(henk, name="Overschreven")).status_code == 404


def test_it_escapes_the_name(world, login):
    member = add_member(world.own_client, "<script>x()</script>")
    html = login(world.professional).get(url(member)).content.decode()
    assert "<script>x()" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html


def test_it_sends_anonymous_visitors_to_the_login_page(client, world, henk):
    before = state(henk)
    response = client.post(url(henk), form_data(henk, name="Overschreven"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert state(henk) == before


def test_it_shows_only_steps_of_plans_the_viewer_may_see(world, login, henk):
    """The client also has a trajectory with another team: that team's plan stays out of sight here too."""
    elsewhere = Trajectory.objects.create(
        client=world.own_client, team=world.other_team, lead=world.other_team_professional
    )
    goal = make_goal_with_plan(elsewhere, world.other_team_professional)
    PlanStep.objects.create(
        plan=goal.plan, order=2, actor=StepActor.NETWORK, description="Geheime taak van team B", network_member=henk
    )
    PlanStep.objects.create(
        plan=world.own_goal.plan,
        order=2,
        actor=StepActor.NETWORK,
        description="Herinneren aan de kliko",
        network_member=henk,
    )
    page = text_of(login(world.professional).get(url(henk)))
    assert "Herinneren aan de kliko" in page
    assert "Geheime taak van team B" not in page
    assert "Geheime taak van team B" in text_of(login(world.other_team_professional).get(url(henk)))
