from datetime import date

from django.urls import reverse

from steunwerk.support.models import LogbookEntry
from steunwerk.support.tests.helpers import log_rows, text_of


def url(trajectory):
    return reverse("logbook", args=[trajectory.pk])


def data(**overrides):
    return {
        "date": "2026-07-15",
        "place": "home",
        "present": "Bram, buurman Henk",
        "notes": "Bram helpt de buurman in zijn moestuin.",
        **overrides,
    }


def test_it_adds_an_entry(world, login):
    response = login(world.professional).post(url(world.own_trajectory), data(), follow=True)
    assert response.redirect_chain == [(url(world.own_trajectory), 302)]
    entry = LogbookEntry.objects.get()
    assert (entry.trajectory, entry.date, entry.place, entry.present, entry.notes, entry.author) == (
        world.own_trajectory,
        date(2026, 7, 15),
        "home",
        "Bram, buurman Henk",
        "Bram helpt de buurman in zijn moestuin.",
        world.professional,
    )
    page = text_of(response)
    assert "Logboekregel toegevoegd." in page
    assert "15-07-2026 — Bij de cliënt thuis" in page
    assert "Aanwezig: Bram, buurman Henk" in page


def test_it_lists_the_newest_entry_first(world, login):
    client = login(world.professional)
    client.post(url(world.own_trajectory), data(date="2026-05-25", notes="Eerste bezoek"))
    client.post(url(world.own_trajectory), data(date="2026-08-10", notes="Lid van de volleybalclub"))
    client.post(url(world.own_trajectory), data(date="2026-06-08", notes="Profiel ingevuld"))
    page = text_of(client.get(url(world.own_trajectory)))
    assert page.index("Lid van de volleybalclub") < page.index("Profiel ingevuld") < page.index("Eerste bezoek")


def test_it_says_when_there_are_no_entries(world, login):
    assert "Nog geen logboekregels." in text_of(login(world.professional).get(url(world.own_trajectory)))


def test_it_writes_the_access_log(world, login):
    client = login(world.professional)
    client.get(url(world.own_trajectory))
    client.post(url(world.own_trajectory), data())
    rows = list(log_rows(client_id=world.own_client.pk).order_by("id").values_list("action", "object_type", "detail"))
    assert rows[:2] == [("read", "Trajectory", "logboek"), ("create", "LogbookEntry", "logboek")]


def test_it_rejects_an_entry_without_notes(world, login):
    response = login(world.professional).post(url(world.own_trajectory), data(notes=""))
    assert response.status_code == 400
    assert "Niet opgeslagen: verbeter de gemarkeerde velden." in text_of(response)
    assert not LogbookEntry.objects.exists()


def test_it_rejects_an_unknown_place(world, login):
    assert login(world.professional).post(url(world.own_trajectory), data(place="moon")).status_code == 400
    assert not LogbookEntry.objects.exists()


def test_it_rejects_a_date_that_does_not_exist(world, login):
    assert login(world.professional).post(url(world.own_trajectory), data(date="2026-02-30")).status_code == 400
    assert not LogbookEntry.objects.exists()


def test_it_rejects_oversized_notes(world, settings, login):
    response = login(world.professional).post(
        url(world.own_trajectory), data(notes="x" * (settings.TEXT_MAX_LENGTH + 1))
    )
    assert response.status_code == 400
    assert not LogbookEntry.objects.exists()


def test_it_rejects_an_oversized_list_of_who_was_present(world, login):
    assert login(world.professional).post(url(world.own_trajectory), data(present="x" * 301)).status_code == 400
    assert not LogbookEntry.objects.exists()


def test_it_escapes_script_tags(world, login):
    client = login(world.professional)
    client.post(url(world.own_trajectory), data(notes="<script>alert(1)</script>", present="<b>Henk</b>"))
    html = client.get(url(world.own_trajectory)).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Henk</b>" not in html


def test_it_lets_another_organisation_with_consent_read_but_not_write(world, login, give_consent):
    LogbookEntry.objects.create(
        trajectory=world.own_trajectory, place="home", notes="Eerste bezoek", author=world.professional
    )
    give_consent(world.other_org)
    client = login(world.other_org_professional)
    response = client.get(url(world.own_trajectory))
    assert response.status_code == 200
    assert "Eerste bezoek" in text_of(response)
    assert '<form method="post" novalidate>' not in response.content.decode()
    assert client.post(url(world.own_trajectory), data()).status_code == 404
    assert LogbookEntry.objects.count() == 1


def test_it_gives_a_wmo_consultant_with_consent_404(world, login, give_consent):
    LogbookEntry.objects.create(
        trajectory=world.own_trajectory, place="home", notes="Eerste bezoek", author=world.professional
    )
    give_consent(world.municipality)
    response = login(world.wmo_consultant).get(url(world.own_trajectory))
    assert response.status_code == 404
    assert "Eerste bezoek" not in response.content.decode()


def test_it_gives_another_team_404(world, login):
    client = login(world.other_team_professional)
    assert client.get(url(world.own_trajectory)).status_code == 404
    assert client.post(url(world.own_trajectory), data()).status_code == 404
    assert not LogbookEntry.objects.exists()


def test_it_gives_another_organisation_404(world, login):
    client = login(world.other_org_professional)
    assert client.get(url(world.own_trajectory)).status_code == 404
    assert client.post(url(world.own_trajectory), data()).status_code == 404
    assert not LogbookEntry.objects.exists()
