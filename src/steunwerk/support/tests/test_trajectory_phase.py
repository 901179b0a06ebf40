from django.urls import reverse

from steunwerk.support.models import PhaseChange, Trajectory
from steunwerk.support.tests.helpers import log_rows, text_of
from steunwerk.vocab import Phase


def url(trajectory):
    return reverse("trajectory_phase", args=[trajectory.pk])


def phase_of(trajectory):
    return Trajectory.objects.get(pk=trajectory.pk).phase


def test_it_moves_forward_and_records_the_change(world, login):
    t = world.own_trajectory
    response = login(world.professional).post(url(t), {"phase": Phase.PLANNING, "note": "Profiel al rond"})
    assert response.status_code == 302
    assert response["Location"] == reverse("trajectory", args=[t.pk])
    assert phase_of(t) == Phase.PLANNING
    change = PhaseChange.objects.get(trajectory=t)
    assert (change.from_phase, change.to_phase, change.note, change.changed_by) == (
        Phase.MEETING,
        Phase.PLANNING,
        "Profiel al rond",
        world.professional,
    )


def test_it_moves_back_to_an_earlier_phase(world, login):
    t = world.own_trajectory
    Trajectory.objects.filter(pk=t.pk).update(phase=Phase.EXECUTION)
    response = login(world.professional).post(url(t), {"phase": Phase.INFORMATION}, follow=True)
    assert response.status_code == 200
    assert phase_of(t) == Phase.INFORMATION
    change = PhaseChange.objects.get(trajectory=t)
    assert (change.from_phase, change.to_phase) == (Phase.EXECUTION, Phase.INFORMATION)
    page = text_of(response)
    assert "Fase gewijzigd naar: Informatie verzamelen, ordenen en analyseren" in page
    assert "Fase: 2. Informatie verzamelen" in page
    assert "Plan uitvoeren → Informatie verzamelen, ordenen en analyseren" in page


def test_it_records_each_move(world, login):
    client = login(world.professional)
    for phase in (Phase.INFORMATION, Phase.GOALS, Phase.INFORMATION):
        assert client.post(url(world.own_trajectory), {"phase": phase}).status_code == 302
    moves = list(
        PhaseChange.objects.filter(trajectory=world.own_trajectory).order_by("id").values_list("from_phase", "to_phase")
    )
    assert moves == [
        (Phase.MEETING, Phase.INFORMATION),
        (Phase.INFORMATION, Phase.GOALS),
        (Phase.GOALS, Phase.INFORMATION),
    ]


def test_it_records_nothing_when_the_phase_stays_the_same(world, login):
    response = login(world.professional).post(url(world.own_trajectory), {"phase": Phase.MEETING})
    assert response.status_code == 302
    assert not PhaseChange.objects.exists()
    assert not log_rows(action="update").exists()


def test_it_writes_an_update_row_to_the_access_log(world, login):
    login(world.team_lead).post(url(world.own_trajectory), {"phase": Phase.GOALS})
    row = log_rows(action="update").get()
    assert (row.client_id, row.user, row.detail) == (world.own_client.pk, world.team_lead, "fase: goals")


def test_it_rejects_an_unknown_phase(world, login):
    response = login(world.professional).post(url(world.own_trajectory), {"phase": "finished"})
    assert response.status_code == 400
    assert "Er is niets opgeslagen" in text_of(response)
    assert phase_of(world.own_trajectory) == Phase.MEETING
    assert not PhaseChange.objects.exists()


def test_it_rejects_a_missing_phase(world, login):
    response = login(world.professional).post(url(world.own_trajectory), {"note": "zonder fase"})
    assert response.status_code == 400
    assert phase_of(world.own_trajectory) == Phase.MEETING
    assert not PhaseChange.objects.exists()


def test_it_rejects_an_oversized_note(world, login):
    response = login(world.professional).post(url(world.own_trajectory), {"phase": Phase.GOALS, "note": "x" * 501})
    assert response.status_code == 400
    assert phase_of(world.own_trajectory) == Phase.MEETING
    assert not PhaseChange.objects.exists()


def test_it_only_accepts_post(world, login):
    assert login(world.professional).get(url(world.own_trajectory)).status_code == 405


def test_it_gives_another_team_404(world, login):
    response = login(world.other_team_professional).post(url(world.own_trajectory), {"phase": Phase.GOALS})
    assert response.status_code == 404
    assert phase_of(world.own_trajectory) == Phase.MEETING
    assert not PhaseChange.objects.exists()


def test_it_gives_another_organisation_404(world, login):
    response = login(world.other_org_professional).post(url(world.own_trajectory), {"phase": Phase.GOALS})
    assert response.status_code == 404
    assert phase_of(world.own_trajectory) == Phase.MEETING


def test_it_gives_404_to_another_organisation_even_with_consent(world, login, give_consent):
    give_consent(world.other_org)
    give_consent(world.municipality)
    for user in (world.other_org_professional, world.wmo_consultant):
        assert login(user).post(url(world.own_trajectory), {"phase": Phase.GOALS}).status_code == 404
    assert phase_of(world.own_trajectory) == Phase.MEETING
    assert not PhaseChange.objects.exists()
