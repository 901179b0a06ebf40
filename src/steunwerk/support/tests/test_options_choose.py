import pytest
from django.urls import reverse

from steunwerk.support.models import Option
from steunwerk.support.tests.helpers import log_rows, text_of


@pytest.fixture
def options(world):
    return [Option.objects.create(goal=world.own_goal, text=text) for text in ("Buurman", "Agenda", "Moeder belt")]


def url(goal):
    return reverse("options_choose", args=[goal.pk])


def ranks(goal):
    return dict(Option.objects.filter(goal=goal).values_list("text", "rank"))


def test_it_saves_the_best_and_second_best_option(world, login, options):
    buurman, agenda, moeder = options
    response = login(world.professional).post(
        url(world.own_goal), {"best": buurman.pk, "second": agenda.pk}, follow=True
    )
    assert response.redirect_chain == [(reverse("options", args=[world.own_goal.pk]), 302)]
    assert "Keuze opgeslagen." in text_of(response)
    assert ranks(world.own_goal) == {"Buurman": 1, "Agenda": 2, "Moeder belt": None}


def test_it_moves_the_choice_to_other_options(world, login, options):
    buurman, agenda, moeder = options
    client = login(world.professional)
    client.post(url(world.own_goal), {"best": buurman.pk, "second": agenda.pk})
    assert client.post(url(world.own_goal), {"best": agenda.pk, "second": moeder.pk}).status_code == 302
    assert ranks(world.own_goal) == {"Buurman": None, "Agenda": 1, "Moeder belt": 2}


def test_it_accepts_only_a_best_option(world, login, options):
    assert login(world.professional).post(url(world.own_goal), {"best": options[2].pk, "second": ""}).status_code == 302
    assert ranks(world.own_goal) == {"Buurman": None, "Agenda": None, "Moeder belt": 1}


def test_it_clears_the_choice(world, login, options):
    Option.objects.filter(pk=options[0].pk).update(rank=1)
    assert login(world.professional).post(url(world.own_goal), {"best": "", "second": ""}).status_code == 302
    assert set(ranks(world.own_goal).values()) == {None}


def test_it_shows_the_choice_on_the_plan_form(world, login, options):
    client = login(world.professional)
    client.post(url(world.own_goal), {"best": options[0].pk, "second": options[1].pk})
    page = text_of(client.get(reverse("plan_edit", args=[world.own_goal.pk])))
    assert "Gekozen opties: Beste optie: Buurman; Op één na beste optie: Agenda" in page


def test_it_writes_an_update_row_to_the_access_log(world, login, options):
    login(world.professional).post(url(world.own_goal), {"best": options[0].pk})
    row = log_rows(action="update").get()
    assert (row.client_id, row.object_type, row.detail) == (world.own_client.pk, "Goal", "beste opties gekozen")


def test_it_rejects_the_same_option_twice(world, login, options):
    Option.objects.filter(pk=options[2].pk).update(rank=1)
    response = login(world.professional).post(url(world.own_goal), {"best": options[0].pk, "second": options[0].pk})
    assert response.status_code == 400
    assert "De beste en de op één na beste optie moeten verschillen." in text_of(response)
    assert ranks(world.own_goal) == {"Buurman": None, "Agenda": None, "Moeder belt": 1}


def test_it_rejects_a_second_best_without_a_best(world, login, options):
    Option.objects.filter(pk=options[2].pk).update(rank=1)
    response = login(world.professional).post(url(world.own_goal), {"best": "", "second": options[1].pk})
    assert response.status_code == 400
    assert "Kies eerst de beste optie." in text_of(response)
    assert ranks(world.own_goal) == {"Buurman": None, "Agenda": None, "Moeder belt": 1}


def test_it_rejects_an_option_of_another_goal(world, login, options):
    foreign = Option.objects.create(goal=world.other_team_goal, text="Schuldhulp")
    response = login(world.professional).post(url(world.own_goal), {"best": foreign.pk, "second": options[0].pk})
    assert response.status_code == 400
    assert Option.objects.get(pk=foreign.pk).rank is None
    assert set(ranks(world.own_goal).values()) == {None}


def test_it_only_accepts_post(world, login, options):
    assert login(world.professional).get(url(world.own_goal)).status_code == 405


def test_it_gives_another_team_404(world, login, options):
    response = login(world.other_team_professional).post(url(world.own_goal), {"best": options[0].pk})
    assert response.status_code == 404
    assert set(ranks(world.own_goal).values()) == {None}


def test_it_gives_another_organisation_404(world, login, options):
    response = login(world.other_org_professional).post(url(world.own_goal), {"best": options[0].pk})
    assert response.status_code == 404
    assert set(ranks(world.own_goal).values()) == {None}


def test_it_gives_404_to_another_organisation_even_with_consent(world, login, options, give_consent):
    give_consent(world.other_org)
    give_consent(world.municipality)
    for user in (world.other_org_professional, world.wmo_consultant):
        assert login(user).post(url(world.own_goal), {"best": options[0].pk}).status_code == 404
    assert set(ranks(world.own_goal).values()) == {None}
