"""Urgentie vastleggen (signals.views.signal_triage): the urgency instrument exactly as printed, through the form,
and the professional's own judgement next to it."""

import re

import pytest
from django.urls import reverse

from steunwerk.access.models import AccessLogEntry
from steunwerk.conftest import make_user
from steunwerk.signals.models import Signal
from steunwerk.vocab import LogAction, Role


def make_signal(org, **fields):
    values = {
        "organisation": org,
        "channel": Signal.Channel.PUBLIC,
        "reporter_type": "neighbour",
        "observation": "De buurvrouw komt al weken niet meer buiten.",
    }
    values.update(fields)
    return Signal.objects.create(**values)


def url(signal):
    return reverse("signal_triage", args=[signal.pk])


def data(safety=0, health=0, wellbeing=0, extent="individual", duration="incidental", **changes):
    values = {
        "safety": safety,
        "health": health,
        "wellbeing": wellbeing,
        "extent": extent,
        "duration": duration,
        "first_estimate": "",
        "band_override": "",
        "override_reason": "",
    }
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def urgency_section(content):
    """The instrument's outcome as shown, without the form (whose select lists every band)."""
    return re.search(r'<h2 id="urgentie">(.*?)<form', content, re.S).group(1)


@pytest.fixture
def signal(world):
    return make_signal(world.org)


@pytest.mark.parametrize(
    "scores, total, band",
    [
        ((0, 0, 0, "individual", "incidental"), 0, "none"),
        ((1, 1, 1, "individual", "structural_short"), 4, "none"),
        ((2, 2, 0, "individual", "incidental"), 4, "none"),
        ((1, 1, 1, "several", "structural_short"), 5, "consult"),
        ((0, 0, 1, "over_75", "structural_long"), 5, "consult"),
        ((2, 1, 1, "several", "structural_short"), 6, "consult"),
        ((0, 1, 1, "minor", "structural_long"), 6, "consult"),
        ((2, 2, 1, "individual", "structural_long"), 7, "professional"),
        ((1, 1, 1, "minor", "structural_long"), 7, "professional"),
        ((2, 2, 2, "several", "structural_long"), 9, "professional"),
        ((2, 2, 2, "minor", "structural_short"), 9, "professional"),
        ((2, 2, 2, "over_75", "structural_long"), 10, "acute"),
        ((2, 2, 2, "minor", "structural_long"), 10, "acute"),
    ],
)
def test_it_scores_the_instrument_exactly(world, login, signal, scores, total, band):
    response = login(world.meldpunt_coordinator).post(url(signal), data(*scores))
    assert response.status_code == 302 and response["Location"] == reverse("signal", args=[signal.pk])
    signal.refresh_from_db()
    assert (signal.total, signal.band, signal.effective_band) == (total, band, band)
    assert (signal.safety, signal.health, signal.wellbeing, signal.extent, signal.duration) == scores
    assert signal.status == Signal.Status.TRIAGED


@pytest.mark.parametrize(
    "scores, shown, action",
    [
        (
            (1, 1, 1, "individual", "structural_short"),
            "4 punten: Geen actie (minder dan 5)",
            "Geen actie op de melding.",
        ),
        (
            (2, 2, 1, "individual", "structural_long"),
            "7 punten: Professionele hulp (7 tot en met 9)",
            "Actief toewerken naar professionele hulp",
        ),
        ((2, 2, 2, "over_75", "structural_long"), "10 punten: Acute hulp (10)", "Acute hulp: crisismelding."),
    ],
)
def test_it_shows_total_band_and_action(world, login, signal, scores, shown, action):
    client = login(world.meldpunt_coordinator)
    client.post(url(signal), data(*scores))
    section = urgency_section(client.get(reverse("signal", args=[signal.pk])).content.decode())
    assert shown in section and action in section


@pytest.mark.parametrize("scores", [(1, 1, 1, "several", "structural_short"), (2, 1, 1, "several", "structural_short")])
def test_it_says_team_consultation_for_five_and_six_and_never_no_action(world, login, signal, scores):
    client = login(world.meldpunt_coordinator)
    response = client.post(url(signal), data(*scores), follow=True)
    content = response.content.decode()
    assert "Urgentie vastgelegd:" in content
    section = urgency_section(content)
    assert "Teamconsultatie nodig (5 of 6)" in section
    assert "teamconsultatie nodig" in section
    assert "Geen actie" not in section  # neither the band "Geen actie (minder dan 5)" nor "Geen actie op de melding."


def test_it_records_the_first_estimate(world, login, signal):
    login(world.meldpunt_coordinator).post(url(signal), data(first_estimate="Lijkt vereenzaamd"))
    signal.refresh_from_db()
    assert signal.first_estimate == "Lijkt vereenzaamd"


def test_it_asks_a_reason_for_an_own_judgement(world, login, signal):
    response = login(world.meldpunt_coordinator).post(url(signal), data(band_override="acute"))
    assert response.status_code == 400
    assert "Leg vast waarom u afwijkt van het instrument." in response.content.decode()
    signal.refresh_from_db()
    assert (signal.total, signal.band, signal.band_override, signal.status) == (None, "", "", Signal.Status.NEW)


def test_it_does_not_accept_whitespace_as_a_reason(world, login, signal):
    response = login(world.meldpunt_coordinator).post(url(signal), data(band_override="acute", override_reason="   "))
    assert response.status_code == 400
    signal.refresh_from_db()
    assert signal.band_override == ""


def test_it_does_not_show_a_rejected_judgement_as_recorded(world, login):
    signal = make_signal(
        world.org,
        safety=2,
        health=1,
        wellbeing=1,
        extent="several",
        duration="structural_short",
        total=6,
        band="consult",
        status=Signal.Status.TRIAGED,
    )
    response = login(world.meldpunt_coordinator).post(
        url(signal), data(2, 1, 1, "several", "structural_short", band_override="acute")
    )
    assert response.status_code == 400
    section = urgency_section(response.content.decode())
    assert "6 punten: Teamconsultatie nodig (5 of 6)" in section
    assert "Oordeel professional" not in section
    assert '<option value="acute" selected>' in response.content.decode()  # the form keeps what was entered


def test_it_shows_both_the_instruments_band_and_the_own_judgement(world, login, signal):
    client = login(world.meldpunt_coordinator)
    response = client.post(
        url(signal),
        data(
            2,
            1,
            1,
            "several",
            "structural_short",
            band_override="professional",
            override_reason="Er wonen jonge kinderen in huis.",
        ),
    )
    assert response.status_code == 302
    signal.refresh_from_db()
    assert (signal.total, signal.band, signal.band_override, signal.effective_band) == (
        6,
        "consult",
        "professional",
        "professional",
    )
    section = urgency_section(client.get(reverse("signal", args=[signal.pk])).content.decode())
    assert "6 punten: Teamconsultatie nodig (5 of 6)" in section
    assert (
        "Oordeel professional: <strong>Professionele hulp (7 tot en met 9)</strong> — Er wonen jonge kinderen in huis."
    ) in section


@pytest.mark.parametrize(
    "changes",
    [
        {"safety": 3},
        {"safety": -1},
        {"safety": "x"},
        {"health": 3},
        {"wellbeing": "1.5"},
        {"safety": None},
        {"extent": "everyone"},
        {"extent": ""},
        {"duration": "forever"},
        {"duration": None},
        {"band_override": "urgent", "override_reason": "Omdat"},
    ],
)
def test_it_refuses_scores_outside_the_instrument(world, login, signal, changes):
    response = login(world.meldpunt_coordinator).post(
        url(signal), data(**{"safety": 1, "health": 1, "wellbeing": 1, **changes})
    )
    assert response.status_code == 400
    assert "Niet opgeslagen: verbeter de gemarkeerde velden." in response.content.decode()
    signal.refresh_from_db()
    assert (
        signal.safety,
        signal.health,
        signal.wellbeing,
        signal.extent,
        signal.duration,
        signal.total,
        signal.band,
        signal.band_override,
        signal.status,
    ) == (None, None, None, "", "", None, "", "", Signal.Status.NEW)
    assert not AccessLogEntry.objects.filter(action=LogAction.UPDATE).exists()


def test_it_keeps_an_earlier_score_when_a_new_one_is_refused(world, login, signal):
    client = login(world.meldpunt_coordinator)
    client.post(url(signal), data(2, 2, 1, "individual", "structural_long"))
    assert client.post(url(signal), data(3, 2, 1, "individual", "structural_long")).status_code == 400
    signal.refresh_from_db()
    assert (signal.safety, signal.total, signal.band) == (2, 7, "professional")


def test_it_rescores_and_keeps_a_later_status(world, login):
    signal = make_signal(world.org, status=Signal.Status.IN_PROGRESS)
    login(world.meldpunt_coordinator).post(url(signal), data(2, 2, 2, "over_75", "structural_long"))
    signal.refresh_from_db()
    assert (signal.total, signal.band, signal.status) == (10, "acute", Signal.Status.IN_PROGRESS)


def test_it_logs_the_score(world, login, signal):
    login(world.meldpunt_coordinator).post(url(signal), data(1, 1, 1, "several", "structural_short"))
    row = AccessLogEntry.objects.get(action=LogAction.UPDATE)
    assert (row.user, row.object_type, row.object_id, row.detail) == (
        world.meldpunt_coordinator,
        "Signal",
        signal.pk,
        "urgentie 5 (consult)",
    )


def test_it_lets_the_assigned_professional_score(world, login):
    signal = make_signal(world.org, assigned_to=world.professional)
    assert login(world.professional).post(url(signal), data(1, 1, 1)).status_code == 302
    signal.refresh_from_db()
    assert signal.total == 3


def test_it_hides_the_signal_from_another_meldpunt(world, login, signal):
    other_coordinator = make_user("coordinator_west", world.other_org, None, Role.MELDPUNT_COORDINATOR)
    assert login(other_coordinator).post(url(signal), data(2, 2, 2, "over_75", "structural_long")).status_code == 404
    signal.refresh_from_db()
    assert (signal.total, signal.status) == (None, Signal.Status.NEW)


def test_it_hides_the_signal_from_a_professional_it_is_not_assigned_to(world, login, signal):
    assert login(world.professional).post(url(signal), data(1, 1, 1)).status_code == 404
    signal.refresh_from_db()
    assert signal.total is None


def test_it_only_accepts_post(world, login, signal):
    assert login(world.meldpunt_coordinator).get(url(signal)).status_code == 405
