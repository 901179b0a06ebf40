from django.urls import reverse

from steunwerk.support.models import Goal, ImportantWish
from steunwerk.support.tests.helpers import log_rows, text_of


def url(trajectory):
    return reverse("goal_new", args=[trajectory.pk])


def wish(trajectory, rank, text, user):
    return ImportantWish.objects.create(trajectory=trajectory, rank=rank, text=text, recorded_by=user)


def data(**overrides):
    return {
        "wish": "",
        "intended_result": "Vrijwilligerswerk doen",
        "priority": "2",
        "domain": "leisure",
        "preferences": "Iets samen met anderen\nDicht bij huis",
        **overrides,
    }


def test_it_offers_only_this_trajectorys_wishes(world, login):
    wish(world.own_trajectory, 1, "Mijn huis op orde", world.professional)
    wish(world.other_team_trajectory, 1, "Schulden kwijt", world.other_team_professional)
    response = login(world.professional).get(url(world.own_trajectory))
    assert response.status_code == 200
    page = text_of(response)
    assert "1. Mijn huis op orde" in page
    assert "Schulden kwijt" not in page


def test_it_creates_a_goal_from_a_wish_and_goes_on_to_the_options(world, login):
    w = wish(world.own_trajectory, 2, "Nieuwe mensen leren kennen", world.professional)
    response = login(world.professional).post(url(world.own_trajectory), data(wish=w.pk))
    goal = Goal.objects.exclude(pk=world.own_goal.pk).get(trajectory=world.own_trajectory)
    assert response.status_code == 302
    assert response["Location"] == reverse("options", args=[goal.pk])
    assert (goal.wish, goal.intended_result, goal.priority, goal.domain) == (w, "Vrijwilligerswerk doen", 2, "leisure")
    assert goal.preference_list() == ["Iets samen met anderen", "Dicht bij huis"]
    assert goal.organisation == world.org


def test_it_creates_a_goal_without_a_wish(world, login):
    assert login(world.professional).post(url(world.own_trajectory), data()).status_code == 302
    assert Goal.objects.get(intended_result="Vrijwilligerswerk doen").wish is None


def test_it_shows_the_new_goal_on_the_trajectory(world, login):
    client = login(world.professional)
    client.post(url(world.own_trajectory), data())
    page = text_of(client.get(reverse("trajectory", args=[world.own_trajectory.pk])))
    assert "2. Vrijwilligerswerk doen" in page


def test_it_writes_a_create_row_to_the_access_log(world, login):
    login(world.professional).post(url(world.own_trajectory), data())
    row = log_rows(action="create").get()
    assert (row.client_id, row.object_type, row.detail) == (world.own_client.pk, "Goal", "doel")


def test_it_rejects_a_wish_of_another_trajectory(world, login):
    foreign = wish(world.other_team_trajectory, 1, "Schulden kwijt", world.other_team_professional)
    before = Goal.objects.count()
    response = login(world.professional).post(url(world.own_trajectory), data(wish=foreign.pk))
    assert response.status_code == 400
    assert "Niet opgeslagen: verbeter de gemarkeerde velden." in text_of(response)
    assert Goal.objects.count() == before


def test_it_rejects_a_wish_id_that_is_not_a_number(world, login):
    before = Goal.objects.count()
    assert login(world.professional).post(url(world.own_trajectory), data(wish="abc")).status_code == 400
    assert Goal.objects.count() == before


def test_it_rejects_a_goal_without_an_intended_result(world, login):
    before = Goal.objects.count()
    assert login(world.professional).post(url(world.own_trajectory), data(intended_result="")).status_code == 400
    assert Goal.objects.count() == before


def test_it_rejects_priority_zero(world, login):
    before = Goal.objects.count()
    assert login(world.professional).post(url(world.own_trajectory), data(priority="0")).status_code == 400
    assert Goal.objects.count() == before


def test_it_rejects_oversized_preferences(world, settings, login):
    before = Goal.objects.count()
    response = login(world.professional).post(
        url(world.own_trajectory), data(preferences="x" * (settings.TEXT_MAX_LENGTH + 1))
    )
    assert response.status_code == 400
    assert Goal.objects.count() == before


def test_it_escapes_script_tags_on_the_trajectory(world, login):
    client = login(world.professional)
    client.post(url(world.own_trajectory), data(intended_result="<script>alert(1)</script>", preferences="<img src=x>"))
    html = client.get(reverse("trajectory", args=[world.own_trajectory.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x>" not in html


def test_it_gives_another_team_404(world, login):
    client = login(world.other_team_professional)
    before = Goal.objects.count()
    assert client.get(url(world.own_trajectory)).status_code == 404
    assert client.post(url(world.own_trajectory), data()).status_code == 404
    assert Goal.objects.count() == before


def test_it_gives_another_organisation_404(world, login):
    client = login(world.other_org_professional)
    before = Goal.objects.count()
    assert client.get(url(world.own_trajectory)).status_code == 404
    assert client.post(url(world.own_trajectory), data()).status_code == 404
    assert Goal.objects.count() == before


def test_it_gives_404_to_another_organisation_even_with_consent(world, login, give_consent):
    give_consent(world.other_org)
    give_consent(world.municipality)
    before = Goal.objects.count()
    for user in (world.other_org_professional, world.wmo_consultant):
        assert login(user).post(url(world.own_trajectory), data()).status_code == 404
    assert Goal.objects.count() == before
