from django.urls import reverse

from steunwerk.support.models import Option
from steunwerk.support.tests.helpers import log_rows, text_of


def url(goal):
    return reverse("options", args=[goal.pk])


def data(**overrides):
    return {
        "text": "De buurman herinnert Bram aan de kliko",
        "pros": "Contact in de buurt",
        "cons": "Moet het durven vragen",
        **overrides,
    }


def test_it_shows_the_worksheet_with_the_goal(world, login):
    response = login(world.professional).get(url(world.own_goal))
    assert response.status_code == 200
    page = text_of(response)
    assert "Werkblad Opties" in page
    assert "Doel: Huishouden op orde" in page
    assert "Nog geen opties." in page


def test_it_adds_an_option(world, login):
    response = login(world.professional).post(url(world.own_goal), data(), follow=True)
    assert response.redirect_chain == [(url(world.own_goal), 302)]
    option = Option.objects.get()
    assert (option.goal, option.text, option.pros, option.cons, option.rank) == (
        world.own_goal,
        "De buurman herinnert Bram aan de kliko",
        "Contact in de buurt",
        "Moet het durven vragen",
        None,
    )
    page = text_of(response)
    assert "Optie toegevoegd." in page
    assert "1 De buurman herinnert Bram aan de kliko Contact in de buurt Moet het durven vragen" in page


def test_it_shows_which_options_were_chosen(world, login):
    Option.objects.create(goal=world.own_goal, text="Buurman", rank=1)
    Option.objects.create(goal=world.own_goal, text="Agenda op de telefoon", rank=2)
    Option.objects.create(goal=world.own_goal, text="Moeder belt")
    page = text_of(login(world.professional).get(url(world.own_goal)))
    assert "1 Buurman Beste optie" in page
    assert "2 Agenda op de telefoon Op één na beste optie" in page
    assert "3 Moeder belt" in page


def test_it_writes_the_access_log(world, login):
    client = login(world.professional)
    client.get(url(world.own_goal))
    client.post(url(world.own_goal), data())
    rows = list(log_rows(client_id=world.own_client.pk).order_by("id").values_list("action", "object_type", "detail"))
    assert rows == [("read", "Trajectory", "werkblad opties"), ("create", "Option", "optie")]


def test_it_rejects_an_option_without_text(world, login):
    response = login(world.professional).post(url(world.own_goal), data(text=""))
    assert response.status_code == 400
    assert "Niet opgeslagen" in text_of(response)
    assert not Option.objects.exists()


def test_it_rejects_oversized_pros(world, settings, login):
    response = login(world.professional).post(url(world.own_goal), data(pros="x" * (settings.TEXT_MAX_LENGTH + 1)))
    assert response.status_code == 400
    assert not Option.objects.exists()


def test_it_cannot_set_the_choice_while_adding(world, login):
    login(world.professional).post(url(world.own_goal), data(rank="1"))
    assert Option.objects.get().rank is None


def test_it_escapes_script_tags(world, login):
    client = login(world.professional)
    client.post(url(world.own_goal), data(text="<script>alert(1)</script>"))
    html = client.get(url(world.own_goal)).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_it_shows_a_wmo_consultant_with_consent_the_worksheet_read_only(world, login, give_consent):
    Option.objects.create(goal=world.own_goal, text="Buurman", rank=1)
    give_consent(world.municipality)
    client = login(world.wmo_consultant)
    response = client.get(url(world.own_goal))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Buurman" in html
    assert "Optie toevoegen" not in html
    assert reverse("options_choose", args=[world.own_goal.pk]) not in html
    assert reverse("profile", args=[world.own_trajectory.pk]) not in html
    assert client.post(url(world.own_goal), data()).status_code == 404
    assert Option.objects.count() == 1


def test_it_gives_another_team_404(world, login):
    client = login(world.other_team_professional)
    assert client.get(url(world.own_goal)).status_code == 404
    assert client.post(url(world.own_goal), data()).status_code == 404
    assert not Option.objects.exists()


def test_it_gives_another_organisation_404(world, login):
    client = login(world.other_org_professional)
    assert client.get(url(world.own_goal)).status_code == 404
    assert client.post(url(world.own_goal), data()).status_code == 404
    assert not Option.objects.exists()
