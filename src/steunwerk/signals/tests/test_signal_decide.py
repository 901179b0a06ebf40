"""Besluit vastleggen (signals.views.signal_decide): what the meldpunt does with a signal, and who takes it on."""

import re

import pytest
from django.urls import reverse

from steunwerk.access.models import AccessLogEntry
from steunwerk.conftest import make_user
from steunwerk.signals.models import Signal
from steunwerk.vocab import LogAction, Role

SCORED = {
    "safety": 2,
    "health": 1,
    "wellbeing": 1,
    "extent": "over_75",
    "duration": "structural_long",
    "total": 8,
    "band": "professional",
    "status": Signal.Status.TRIAGED,
}


def shown(rows):
    """The signals a list shows, by id."""
    return [row.pk for row in rows]


def make_signal(org, **fields):
    values = {
        "organisation": org,
        "channel": Signal.Channel.PUBLIC,
        "reporter_type": "neighbour",
        "observation": "De buurvrouw komt al weken niet meer buiten.",
        "subject_name": "Truus Jansen",
        "subject_address": "Lindelaan 12",
    }
    values.update(fields)
    return Signal.objects.create(**values)


def url(signal):
    return reverse("signal_decide", args=[signal.pk])


def data(decision, **changes):
    values = {"decision": decision, "decision_note": "", "assigned_to": "", "person_consulted": None}
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def status_shown(content):
    return re.search(r"<dt>Status</dt><dd>(.*?)</dd>", content).group(1)


@pytest.fixture
def scored(world):
    return make_signal(world.org, **SCORED)


def test_it_refuses_a_network_case_without_consulting_the_person(world, login, scored):
    response = login(world.meldpunt_coordinator).post(url(scored), data("network_case"))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Breng een casus pas in het netwerk nadat de persoon zelf is geraadpleegd." in content
    scored.refresh_from_db()
    assert (scored.status, scored.decision, scored.person_consulted) == (Signal.Status.TRIAGED, "", False)
    assert not hasattr(scored, "case")


def test_it_refuses_a_network_case_without_an_urgency_score(world, login):
    signal = make_signal(world.org)
    response = login(world.meldpunt_coordinator).post(url(signal), data("network_case", person_consulted="on"))
    assert response.status_code == 400
    assert "Schat eerst de urgentie in met het instrument." in response.content.decode()
    signal.refresh_from_db()
    assert (signal.status, signal.decision) == (Signal.Status.NEW, "")


def test_it_does_not_show_a_refused_decision_as_taken(world, login, scored):
    response = login(world.meldpunt_coordinator).post(url(scored), data("network_case"))
    assert status_shown(response.content.decode()) == "Ingeschat"


def test_it_opens_a_network_case_known_only_by_its_code(world, login, scored):
    response = login(world.meldpunt_coordinator).post(
        url(scored), data("network_case", person_consulted="on", decision_note="Inbrengen in het netwerk")
    )
    assert response.status_code == 302 and response["Location"] == reverse("signal", args=[scored.pk])
    scored.refresh_from_db()
    assert (scored.status, scored.decision, scored.person_consulted, scored.closed_at) == (
        Signal.Status.NETWORK_CASE,
        Signal.Decision.NETWORK_CASE,
        True,
        None,
    )
    case = scored.case
    assert case.organisation == world.org
    assert re.fullmatch(r"SN-\d{4}-\d{4}", case.code)
    for part in ["Truus", "Jansen", "Lindelaan"]:
        assert part.lower() not in case.code.lower()


def test_it_accepts_an_own_judgement_as_the_urgency_for_a_network_case(world, login):
    signal = make_signal(world.org, band_override="acute", override_reason="Direct gevaar")
    response = login(world.meldpunt_coordinator).post(url(signal), data("network_case", person_consulted="on"))
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == Signal.Status.NETWORK_CASE


@pytest.mark.parametrize("decision", ["none", "solved_directly", "handed_over"])
def test_it_closes_the_signal_for_decisions_without_follow_up(world, login, scored, decision):
    response = login(world.meldpunt_coordinator).post(url(scored), data(decision))
    assert response.status_code == 302
    scored.refresh_from_db()
    assert (scored.status, scored.decision) == (Signal.Status.CLOSED, decision)
    assert scored.closed_at is not None
    assert not hasattr(scored, "case")


def test_it_closes_an_unscored_signal_without_action(world, login):
    signal = make_signal(world.org)
    assert login(world.meldpunt_coordinator).post(url(signal), data("none")).status_code == 302
    signal.refresh_from_db()
    assert signal.status == Signal.Status.CLOSED


@pytest.mark.parametrize("decision", ["first_steps", "investigation", "acute"])
def test_it_keeps_the_signal_open_for_follow_up(world, login, scored, decision):
    login(world.meldpunt_coordinator).post(url(scored), data(decision))
    scored.refresh_from_db()
    assert (scored.status, scored.decision, scored.closed_at) == (Signal.Status.IN_PROGRESS, decision, None)


def test_it_reopens_a_closed_signal_without_a_closing_date(world, login, scored):
    client = login(world.meldpunt_coordinator)
    client.post(url(scored), data("none"))
    client.post(url(scored), data("investigation"))
    scored.refresh_from_db()
    assert (scored.status, scored.closed_at) == (Signal.Status.IN_PROGRESS, None)


def test_it_shows_the_decision(world, login, scored):
    client = login(world.meldpunt_coordinator)
    response = client.post(url(scored), data("handed_over", decision_note="Overgedragen aan het wijkteam"), follow=True)
    content = response.content.decode()
    assert "Besluit vastgelegd: Overgedragen aan hulpverlening." in content
    assert status_shown(content) == "Afgesloten — Overgedragen aan hulpverlening"


@pytest.mark.parametrize("decision", [None, "", "later"])
def test_it_asks_for_a_decision(world, login, scored, decision):
    response = login(world.meldpunt_coordinator).post(url(scored), data(decision))
    assert response.status_code == 400
    scored.refresh_from_db()
    assert (scored.status, scored.decision) == (Signal.Status.TRIAGED, "")


def test_it_assigns_the_signal_to_a_member_of_the_meldpunt(world, login, scored, client):
    response = login(world.meldpunt_coordinator).post(
        url(scored), data("investigation", assigned_to=world.professional.pk)
    )
    assert response.status_code == 302
    scored.refresh_from_db()
    assert scored.assigned_to == world.professional
    client.force_login(world.professional)
    assert client.get(reverse("signal", args=[scored.pk])).status_code == 200
    assert shown(client.get(reverse("triage")).context["rows"]) == [scored.pk]


def test_it_offers_only_members_of_the_meldpunt(world, login, scored):
    content = login(world.meldpunt_coordinator).get(reverse("signal", args=[scored.pk])).content.decode()
    select = re.search(r'<select name="assigned_to".*?</select>', content, re.S).group(0)
    assert f'value="{world.professional.pk}"' in select
    assert f'value="{world.other_org_professional.pk}"' not in select
    assert f'value="{world.no_role.pk}"' not in select


def test_it_refuses_to_assign_outside_the_meldpunt(world, login, scored):
    for user in [world.other_org_professional, world.no_role]:
        response = login(world.meldpunt_coordinator).post(url(scored), data("investigation", assigned_to=user.pk))
        assert response.status_code == 400
    scored.refresh_from_db()
    assert (scored.assigned_to, scored.status) == (None, Signal.Status.TRIAGED)


def test_it_unassigns(world, login):
    signal = make_signal(world.org, assigned_to=world.professional, **SCORED)
    login(world.meldpunt_coordinator).post(url(signal), data("investigation", assigned_to=""))
    signal.refresh_from_db()
    assert signal.assigned_to is None


def test_it_lets_the_assigned_professional_decide(world, login):
    signal = make_signal(world.org, assigned_to=world.professional, **SCORED)
    response = login(world.professional).post(url(signal), data("first_steps", assigned_to=world.professional.pk))
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == Signal.Status.IN_PROGRESS


def test_it_logs_the_decision(world, login, scored):
    login(world.meldpunt_coordinator).post(url(scored), data("solved_directly"))
    row = AccessLogEntry.objects.get(action=LogAction.UPDATE)
    assert (row.user, row.object_type, row.object_id, row.detail) == (
        world.meldpunt_coordinator,
        "Signal",
        scored.pk,
        "besluit: solved_directly",
    )


def test_it_hides_the_signal_from_another_meldpunt(world, login, scored):
    other_coordinator = make_user("coordinator_west", world.other_org, None, Role.MELDPUNT_COORDINATOR)
    assert login(other_coordinator).post(url(scored), data("none")).status_code == 404
    scored.refresh_from_db()
    assert scored.status == Signal.Status.TRIAGED


def test_it_only_accepts_post(world, login, scored):
    assert login(world.meldpunt_coordinator).get(url(scored)).status_code == 405


# The decision rules themselves (Signal.decide), without a request


@pytest.mark.parametrize(
    "decision", [Signal.Decision.NONE, Signal.Decision.SOLVED_DIRECTLY, Signal.Decision.HANDED_OVER]
)
def test_a_decision_that_ends_the_meldpunt_s_part_closes_the_signal(decision):
    signal = Signal(status=Signal.Status.TRIAGED)
    signal.decide(decision)
    assert (signal.decision, signal.status) == (decision, Signal.Status.CLOSED)
    assert signal.closed_at is not None


@pytest.mark.parametrize(
    "decision, status",
    [
        (Signal.Decision.NETWORK_CASE, Signal.Status.NETWORK_CASE),
        (Signal.Decision.FIRST_STEPS, Signal.Status.IN_PROGRESS),
        (Signal.Decision.INVESTIGATION, Signal.Status.IN_PROGRESS),
        (Signal.Decision.ACUTE, Signal.Status.IN_PROGRESS),
    ],
)
def test_any_other_decision_keeps_the_signal_open(decision, status):
    from django.utils import timezone

    signal = Signal(status=Signal.Status.CLOSED, closed_at=timezone.now())  # a closed signal taken up again
    signal.decide(decision)
    assert (signal.status, signal.closed_at) == (status, None)


def test_it_decides_on_the_decision_already_set_by_the_form():
    signal = Signal(status=Signal.Status.TRIAGED, decision=Signal.Decision.HANDED_OVER)
    signal.decide()
    assert signal.status == Signal.Status.CLOSED
