from django.urls import reverse

from steunwerk.support.models import Goal, ImportantWish
from steunwerk.support.tests.helpers import log_rows, text_of


def url(goal):
    return reverse("goal_edit", args=[goal.pk])


def wish(trajectory, rank, text, user):
    return ImportantWish.objects.create(trajectory=trajectory, rank=rank, text=text, recorded_by=user)


def data(**overrides):
    return {
        "wish": "",
        "intended_result": "Mijn huishouden is op orde",
        "priority": "1",
        "domain": "housing",
        "preferences": "Alles heeft een vaste plek",
        **overrides,
    }


def reloaded(goal):
    return Goal.objects.get(pk=goal.pk)


def test_it_shows_the_goal_in_the_form(world, login):
    response = login(world.professional).get(url(world.own_goal))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Doel bewerken" in html
    assert 'value="Huishouden op orde"' in html


def test_it_offers_only_this_trajectorys_wishes(world, login):
    wish(world.own_trajectory, 1, "Mijn huis op orde", world.professional)
    wish(world.other_org_trajectory, 1, "Op mezelf wonen", world.other_org_professional)
    page = text_of(login(world.professional).get(url(world.own_goal)))
    assert "1. Mijn huis op orde" in page
    assert "Op mezelf wonen" not in page


def test_it_saves_the_changes_and_returns_to_the_trajectory(world, login):
    w = wish(world.own_trajectory, 1, "Mijn huis op orde", world.professional)
    response = login(world.professional).post(url(world.own_goal), data(wish=w.pk), follow=True)
    assert response.redirect_chain == [(reverse("trajectory", args=[world.own_trajectory.pk]), 302)]
    assert "Doel opgeslagen." in text_of(response)
    goal = reloaded(world.own_goal)
    assert (goal.wish, goal.intended_result, goal.domain, goal.preferences) == (
        w,
        "Mijn huishouden is op orde",
        "housing",
        "Alles heeft een vaste plek",
    )
    assert goal.trajectory == world.own_trajectory
    assert goal.plan.steps.count() == 1  # editing the goal leaves its plan alone


def test_it_keeps_earlier_versions_of_the_goal(world, login):
    login(world.professional).post(url(world.own_goal), data())
    assert list(reloaded(world.own_goal).history.order_by("history_id").values_list("intended_result", flat=True)) == [
        "Huishouden op orde",
        "Mijn huishouden is op orde",
    ]


def test_it_writes_the_access_log(world, login):
    client = login(world.professional)
    client.get(url(world.own_goal))
    client.post(url(world.own_goal), data())
    rows = list(log_rows(client_id=world.own_client.pk).order_by("id").values_list("action", "object_type"))
    assert rows == [("read", "Trajectory"), ("update", "Goal")]


def test_it_rejects_a_wish_of_another_trajectory(world, login):
    foreign = wish(world.other_team_trajectory, 1, "Schulden kwijt", world.other_team_professional)
    response = login(world.professional).post(url(world.own_goal), data(wish=foreign.pk))
    assert response.status_code == 400
    goal = reloaded(world.own_goal)
    assert (goal.wish, goal.intended_result) == (None, "Huishouden op orde")


def test_it_rejects_an_empty_intended_result(world, login):
    assert login(world.professional).post(url(world.own_goal), data(intended_result="")).status_code == 400
    assert reloaded(world.own_goal).intended_result == "Huishouden op orde"


def test_it_rejects_an_oversized_intended_result(world, login):
    assert login(world.professional).post(url(world.own_goal), data(intended_result="x" * 501)).status_code == 400
    assert reloaded(world.own_goal).intended_result == "Huishouden op orde"


def test_it_gives_404_for_a_goal_that_does_not_exist(world, login):
    assert login(world.professional).get(reverse("goal_edit", args=[999999])).status_code == 404


def test_it_gives_another_team_404(world, login):
    client = login(world.other_team_professional)
    assert client.get(url(world.own_goal)).status_code == 404
    assert client.post(url(world.own_goal), data(intended_result="Overgenomen")).status_code == 404
    assert reloaded(world.own_goal).intended_result == "Huishouden op orde"


def test_it_gives_another_organisation_404(world, login):
    client = login(world.other_org_professional)
    assert client.get(url(world.own_goal)).status_code == 404
    assert client.post(url(world.own_goal), data(intended_result="Overgenomen")).status_code == 404
    assert reloaded(world.own_goal).intended_result == "Huishouden op orde"


def test_it_gives_404_to_another_organisation_even_with_consent(world, login, give_consent):
    give_consent(world.other_org)
    give_consent(world.municipality)
    for user in (world.other_org_professional, world.wmo_consultant):
        client = login(user)
        assert client.get(url(world.own_goal)).status_code == 404
        assert client.post(url(world.own_goal), data(intended_result="Overgenomen")).status_code == 404
    assert reloaded(world.own_goal).intended_result == "Huishouden op orde"
