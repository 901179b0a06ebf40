import pytest
from django.urls import reverse

from steunwerk.support.models import MonitoringCheck, Trajectory
from steunwerk.support.tests.helpers import log_rows, text_of
from steunwerk.vocab import Phase

ANSWERS = {"relationship": "ok", "activities": "attention", "connection": "ok", "note": "Afspraak twee keer verzet"}


def url(trajectory):
    return reverse("monitoring_new", args=[trajectory.pk])


def test_it_records_the_answers_for_the_current_phase(world, login):
    Trajectory.objects.filter(pk=world.own_trajectory.pk).update(phase=Phase.EXECUTION)
    response = login(world.professional).post(url(world.own_trajectory), ANSWERS)
    assert response.status_code == 302
    assert response["Location"] == reverse("trajectory", args=[world.own_trajectory.pk])
    check = MonitoringCheck.objects.get()
    assert (check.trajectory, check.phase, check.checked_by) == (
        world.own_trajectory,
        Phase.EXECUTION,
        world.professional,
    )
    assert (check.relationship, check.activities, check.connection) == ("ok", "attention", "ok")
    assert check.note == "Afspraak twee keer verzet"


def test_it_shows_the_answers_on_the_trajectory(world, login):
    response = login(world.professional).post(url(world.own_trajectory), ANSWERS, follow=True)
    page = text_of(response)
    assert "Monitoring vastgelegd." in page
    assert "(Ontmoeting en kennismaking): relatie — Ja, op koers; activiteiten — Vraagt aandacht" in page
    assert "Afspraak twee keer verzet" in page


def test_it_writes_a_create_row_to_the_access_log(world, login):
    login(world.professional).post(url(world.own_trajectory), ANSWERS)
    row = log_rows(action="create").get()
    assert (row.client_id, row.object_type, row.detail) == (world.own_client.pk, "MonitoringCheck", "monitoring")


def test_it_rejects_a_missing_answer(world, login):
    response = login(world.professional).post(url(world.own_trajectory), {**ANSWERS, "connection": ""})
    assert response.status_code == 400
    assert not MonitoringCheck.objects.exists()


def test_it_rejects_an_answer_that_is_not_a_choice(world, login):
    response = login(world.professional).post(url(world.own_trajectory), {**ANSWERS, "relationship": "perfect"})
    assert response.status_code == 400
    assert not MonitoringCheck.objects.exists()


def test_it_rejects_an_oversized_note(world, settings, login):
    response = login(world.professional).post(
        url(world.own_trajectory), {**ANSWERS, "note": "x" * (settings.TEXT_MAX_LENGTH + 1)}
    )
    assert response.status_code == 400
    assert not MonitoringCheck.objects.exists()


def test_it_shows_the_questions_as_a_form_and_logs_the_read(world, login):
    response = login(world.professional).get(url(world.own_trajectory))
    assert response.status_code == 200
    page = text_of(response)
    assert "Is de relatie op koers?" in page
    assert "Sluiten de fasen logisch op elkaar aan?" in page
    assert "Fase: 1. Ontmoeting en kennismaking" in page
    row = log_rows(action="read").get()
    assert (row.client_id, row.detail) == (world.own_client.pk, "monitoring")


def test_a_rejected_answer_shows_the_form_again_with_what_was_entered(world, login):
    response = login(world.professional).post(url(world.own_trajectory), {**ANSWERS, "connection": ""})
    assert response.status_code == 400
    page = text_of(response)
    assert "Niet opgeslagen: verbeter de gemarkeerde velden." in page
    assert "Afspraak twee keer verzet" in response.content.decode()


@pytest.mark.parametrize("role", ["other_team_professional", "other_org_professional", "wmo_consultant", "org_admin"])
def test_it_shows_the_form_to_nobody_outside_the_team(world, login, role):
    assert login(world.user(role)).get(url(world.own_trajectory)).status_code == 404


def test_it_gives_another_team_404(world, login):
    assert login(world.other_team_professional).post(url(world.own_trajectory), ANSWERS).status_code == 404
    assert not MonitoringCheck.objects.exists()


def test_it_gives_another_organisation_404(world, login):
    assert login(world.other_org_professional).post(url(world.own_trajectory), ANSWERS).status_code == 404
    assert not MonitoringCheck.objects.exists()


def test_it_gives_404_to_another_organisation_even_with_consent(world, login, give_consent):
    give_consent(world.other_org)
    give_consent(world.municipality)
    for user in (world.other_org_professional, world.wmo_consultant):
        assert login(user).post(url(world.own_trajectory), ANSWERS).status_code == 404
    assert not MonitoringCheck.objects.exists()
