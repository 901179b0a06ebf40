from django.urls import reverse

from steunwerk.support.models import Goal, PlanStep
from steunwerk.support.tests.helpers import log_rows, plan_data, step, text_of
from steunwerk.vocab import StepActor


def url(goal):
    return reverse("plan_versions", args=[goal.pk])


def save_two_versions(client, goal):
    existing = PlanStep.objects.get(plan__goal=goal)
    client.post(
        reverse("plan_edit", args=[goal.pk]),
        plan_data(
            1,
            [
                step(StepActor.SELF, "Zelf de was doen", id=existing.pk),
                step(StepActor.NETWORK, "Helpen met de boodschappen", "Vriend Jeroen", "wekelijks"),
            ],
            evaluation="2026-09-22",
        ),
    )
    friend = PlanStep.objects.get(plan__goal=goal, performer="Vriend Jeroen")
    client.post(
        reverse("plan_edit", args=[goal.pk]),
        plan_data(
            2,
            [
                step(StepActor.SELF, "Zelf de was doen", id=existing.pk),
                step(StepActor.NETWORK, "Helpen met de boodschappen", "Teamgenote Marieke", "wekelijks", id=friend.pk),
            ],
            evaluation="2026-12-22",
        ),
    )


def test_it_lists_every_saved_version_newest_first_as_it_was(world, login):
    client = login(world.professional)
    save_two_versions(client, world.own_goal)
    response = client.get(url(world.own_goal))
    assert response.status_code == 200
    page = text_of(response)
    assert page.index("Versie 3") < page.index("Versie 2")
    newest, older = page.split("Versie 3", 1)[1].split("Versie 2", 1)
    assert "Datum evaluatie: 22-12-2026" in newest
    assert "Helpen met de boodschappen — Iemand uit het netwerk (Teamgenote Marieke), wekelijks" in newest
    assert "Datum evaluatie: 22-09-2026" in older and "(Vriend Jeroen)" in older and "Marieke" not in older


def test_it_says_who_saved_each_version(world, login):
    save_two_versions(login(world.professional), world.own_goal)
    page = text_of(login(world.team_lead).get(url(world.own_goal)))
    assert page.count(", Professional") == 2


def test_it_says_when_no_plan_was_saved_yet(world, login):
    goal = Goal.objects.create(trajectory=world.own_trajectory, intended_result="Vrijwilligerswerk", priority=2)
    assert "Er is nog geen plan opgeslagen." in text_of(login(world.professional).get(url(goal)))


def test_it_writes_a_read_row_to_the_access_log(world, login):
    login(world.professional).get(url(world.own_goal))
    row = log_rows().get()
    assert (row.action, row.client_id, row.detail) == ("read", world.own_client.pk, "versies plan van aanpak")


def test_it_shows_a_wmo_consultant_with_consent_the_versions(world, login, give_consent):
    save_two_versions(login(world.professional), world.own_goal)
    give_consent(world.municipality)
    response = login(world.wmo_consultant).get(url(world.own_goal))
    assert response.status_code == 200
    assert "Versie 3" in text_of(response)
    assert reverse("logbook", args=[world.own_trajectory.pk]) not in response.content.decode()


def test_it_gives_another_team_404(world, login):
    save_two_versions(login(world.professional), world.own_goal)
    response = login(world.other_team_professional).get(url(world.own_goal))
    assert response.status_code == 404
    assert "Jeroen" not in response.content.decode()


def test_it_gives_another_organisation_404(world, login):
    save_two_versions(login(world.professional), world.own_goal)
    response = login(world.other_org_professional).get(url(world.own_goal))
    assert response.status_code == 404
    assert "Jeroen" not in response.content.decode()
