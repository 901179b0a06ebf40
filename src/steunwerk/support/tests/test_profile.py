from django.urls import reverse

from steunwerk.support.forms import MAX_WISHES
from steunwerk.support.models import Goal, ImportantWish, ProfileEntry
from steunwerk.support.tests.helpers import log_rows, text_of
from steunwerk.vocab import LifeDomain, ProfileAspect, Voice


def url(trajectory):
    return reverse("profile", args=[trajectory.pk])


def form_data(cells=None, wishes=()):
    """What the browser posts: every cell and voice, then up to five wishes (text, domain, voice)."""
    data = {}
    for domain in LifeDomain.values:
        for aspect in ProfileAspect.values:
            text, voice = (cells or {}).get((domain, aspect), ("", Voice.CLIENT))
            data[f"{domain}__{aspect}"] = text
            data[f"{domain}__{aspect}__voice"] = voice
    for rank in range(1, MAX_WISHES + 1):
        text, domain, voice = wishes[rank - 1] if rank <= len(wishes) else ("", "", Voice.CLIENT)
        data.update({f"wish_{rank}": text, f"wish_{rank}_domain": domain, f"wish_{rank}_voice": voice})
    return data


def wishes_of(trajectory):
    return list(ImportantWish.objects.filter(trajectory=trajectory).order_by("rank").values_list("rank", "text"))


def test_it_shows_the_eight_life_domains_and_three_aspects(world, login):
    response = login(world.professional).get(url(world.own_trajectory))
    assert response.status_code == 200
    page = text_of(response)
    for label in [*LifeDomain.labels, *ProfileAspect.labels, "Welke wensen zijn het belangrijkst?"]:
        assert str(label) in page


def test_it_saves_all_eight_domains_times_three_aspects(world, login):
    cells = {(d, a): (f"{d} / {a}", Voice.CLIENT) for d in LifeDomain.values for a in ProfileAspect.values}
    response = login(world.professional).post(url(world.own_trajectory), form_data(cells))
    assert response.status_code == 302
    assert response["Location"] == url(world.own_trajectory)
    saved = {(e.domain, e.aspect): e.text for e in ProfileEntry.objects.filter(trajectory=world.own_trajectory)}
    assert len(saved) == 24
    assert saved == {key: text for key, (text, _voice) in cells.items()}


def test_it_shows_saved_text_back_in_the_form(world, login):
    client = login(world.professional)
    client.post(
        url(world.own_trajectory), form_data({("work", "current"): ("Ik werk bij een boekbinderij", Voice.CLIENT)})
    )
    response = client.get(url(world.own_trajectory))
    assert "Ik werk bij een boekbinderij</textarea>" in response.content.decode()


def test_it_records_whose_words_and_who_typed_them(world, login):
    cells = {
        ("housing", "current"): ("Ik woon alleen", Voice.CLIENT),
        ("self_care", "current"): ("De was doet hij zelf", Voice.PROFESSIONAL),
        ("social_contacts", "current"): ("Hij heeft één goede vriend", Voice.NETWORK),
    }
    response = login(world.professional).post(url(world.own_trajectory), form_data(cells), follow=True)
    entries = {e.domain: e for e in ProfileEntry.objects.all()}
    assert {d: (e.voice, e.recorded_by) for d, e in entries.items()} == {
        "housing": (Voice.CLIENT, world.professional),
        "self_care": (Voice.PROFESSIONAL, world.professional),
        "social_contacts": (Voice.NETWORK, world.professional),
    }
    page = text_of(response)
    assert "Persoonlijk Profiel opgeslagen." in page
    assert (
        "Sociale contacten — Huidige mogelijkheden en ervaringen: Iemand uit het netwerk, ingevoerd door Professional"
        in page
    )


def test_it_changes_recorded_by_only_for_cells_that_changed(world, login):
    cells = {
        ("housing", "current"): ("Ik woon alleen", Voice.CLIENT),
        ("work", "current"): ("Boekbinderij", Voice.CLIENT),
    }
    login(world.professional).post(url(world.own_trajectory), form_data(cells))
    cells[("work", "current")] = ("Boekbinderij, vier dagen", Voice.CLIENT)
    login(world.team_lead).post(url(world.own_trajectory), form_data(cells))
    by = {e.domain: (e.text, e.recorded_by) for e in ProfileEntry.objects.all()}
    assert by == {
        "housing": ("Ik woon alleen", world.professional),
        "work": ("Boekbinderij, vier dagen", world.team_lead),
    }


def test_it_records_a_change_of_voice_alone(world, login):
    cells = {("housing", "wishes"): ("Een opgeruimd huis", Voice.CLIENT)}
    login(world.professional).post(url(world.own_trajectory), form_data(cells))
    cells[("housing", "wishes")] = ("Een opgeruimd huis", Voice.NETWORK)
    login(world.team_lead).post(url(world.own_trajectory), form_data(cells))
    entry = ProfileEntry.objects.get()
    assert (entry.voice, entry.recorded_by) == (Voice.NETWORK, world.team_lead)


def test_it_saves_the_ranked_wishes_in_order(world, login):
    wishes = [
        ("Mijn huis op orde", "housing", Voice.CLIENT),
        ("Nieuwe mensen leren kennen", "leisure", Voice.CLIENT),
        ("Vrijwilligerswerk", "", Voice.NETWORK),
    ]
    login(world.professional).post(url(world.own_trajectory), form_data(wishes=wishes))
    saved = list(
        ImportantWish.objects.filter(trajectory=world.own_trajectory).values_list(
            "rank", "text", "domain", "voice", "recorded_by"
        )
    )
    assert saved == [
        (1, "Mijn huis op orde", "housing", Voice.CLIENT, world.professional.pk),
        (2, "Nieuwe mensen leren kennen", "leisure", Voice.CLIENT, world.professional.pk),
        (3, "Vrijwilligerswerk", "", Voice.NETWORK, world.professional.pk),
    ]


def test_it_closes_up_empty_wish_rows(world, login):
    wishes = [
        ("", "", Voice.CLIENT),
        ("Mijn huis op orde", "", Voice.CLIENT),
        ("   ", "", Voice.CLIENT),
        ("", "", Voice.CLIENT),
        ("Vrijwilligerswerk", "", Voice.CLIENT),
    ]
    login(world.professional).post(url(world.own_trajectory), form_data(wishes=wishes))
    assert wishes_of(world.own_trajectory) == [(1, "Mijn huis op orde"), (2, "Vrijwilligerswerk")]


def test_it_reorders_and_removes_wishes(world, login):
    client = login(world.professional)
    client.post(
        url(world.own_trajectory), form_data(wishes=[("A", "", "client"), ("B", "", "client"), ("C", "", "client")])
    )
    client.post(url(world.own_trajectory), form_data(wishes=[("C", "", "client"), ("A", "", "client")]))
    assert wishes_of(world.own_trajectory) == [(1, "C"), (2, "A")]


def test_it_keeps_the_row_of_a_wish_linked_to_a_goal_when_its_text_is_unchanged(world, login):
    wish = ImportantWish.objects.create(
        trajectory=world.own_trajectory, rank=1, text="Mijn huis op orde", recorded_by=world.professional
    )
    Goal.objects.filter(pk=world.own_goal.pk).update(wish=wish)
    wishes = [("Nieuwe mensen leren kennen", "leisure", Voice.CLIENT), ("Mijn huis op orde", "housing", Voice.CLIENT)]
    login(world.professional).post(url(world.own_trajectory), form_data(wishes=wishes))
    goal = Goal.objects.get(pk=world.own_goal.pk)
    assert goal.wish_id == wish.pk
    assert (goal.wish.rank, goal.wish.text, goal.wish.domain) == (2, "Mijn huis op orde", "housing")
    assert wishes_of(world.own_trajectory) == [(1, "Nieuwe mensen leren kennen"), (2, "Mijn huis op orde")]


def test_it_unlinks_the_goal_when_its_wish_is_removed(world, login):
    wish = ImportantWish.objects.create(
        trajectory=world.own_trajectory, rank=1, text="Mijn huis op orde", recorded_by=world.professional
    )
    Goal.objects.filter(pk=world.own_goal.pk).update(wish=wish)
    login(world.professional).post(url(world.own_trajectory), form_data(wishes=[("Iets anders", "", Voice.CLIENT)]))
    assert Goal.objects.get(pk=world.own_goal.pk).wish is None
    assert wishes_of(world.own_trajectory) == [(1, "Iets anders")]


def test_it_keeps_the_same_wishes_when_saved_again_with_a_repeated_wish(world, login):
    client = login(world.professional)
    wishes = [("Mijn huis op orde", "", Voice.CLIENT), ("Mijn huis op orde", "", Voice.CLIENT)]
    for _ in range(3):
        assert client.post(url(world.own_trajectory), form_data(wishes=wishes)).status_code == 302
    assert wishes_of(world.own_trajectory) == [(1, "Mijn huis op orde"), (2, "Mijn huis op orde")]


def test_it_rejects_an_oversized_cell_and_saves_nothing(world, settings, login):
    ProfileEntry.objects.create(
        trajectory=world.own_trajectory,
        domain="work",
        aspect="current",
        text="Boekbinderij",
        recorded_by=world.professional,
    )
    cells = {
        ("housing", "current"): ("Ik woon alleen", Voice.CLIENT),
        ("work", "current"): ("Fabriek", Voice.CLIENT),
        ("health", "current"): ("x" * (settings.TEXT_MAX_LENGTH + 1), Voice.CLIENT),
    }
    response = login(world.professional).post(
        url(world.own_trajectory), form_data(cells, wishes=[("Mijn huis op orde", "", Voice.CLIENT)])
    )
    assert response.status_code == 400
    assert "Niet opgeslagen: verbeter de gemarkeerde velden." in text_of(response)
    assert list(ProfileEntry.objects.values_list("domain", "text")) == [("work", "Boekbinderij")]
    assert not ImportantWish.objects.exists()
    assert not log_rows(action="update").exists()


def test_it_rejects_an_oversized_wish_and_saves_nothing(world, login):
    cells = {("housing", "current"): ("Ik woon alleen", Voice.CLIENT)}
    response = login(world.professional).post(
        url(world.own_trajectory), form_data(cells, wishes=[("x" * 501, "", Voice.CLIENT)])
    )
    assert response.status_code == 400
    assert not ProfileEntry.objects.exists()
    assert not ImportantWish.objects.exists()


def test_it_rejects_an_unknown_voice_and_saves_nothing(world, login):
    response = login(world.professional).post(
        url(world.own_trajectory), form_data({("housing", "current"): ("Ik woon alleen", "mother")})
    )
    assert response.status_code == 400
    assert not ProfileEntry.objects.exists()


def test_it_rejects_an_unknown_wish_domain_and_saves_nothing(world, login):
    response = login(world.professional).post(
        url(world.own_trajectory), form_data(wishes=[("Mijn huis op orde", "garden", Voice.CLIENT)])
    )
    assert response.status_code == 400
    assert not ImportantWish.objects.exists()


def test_it_escapes_script_tags(world, login):
    client = login(world.professional)
    client.post(
        url(world.own_trajectory),
        form_data(
            {("housing", "current"): ("<script>alert(1)</script>", Voice.CLIENT)},
            wishes=[("<script>alert(2)</script>", "", Voice.CLIENT)],
        ),
    )
    html = client.get(url(world.own_trajectory)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<script>alert(2)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_it_escapes_script_tags_in_the_read_only_view(world, login, give_consent):
    ProfileEntry.objects.create(
        trajectory=world.own_trajectory,
        domain="housing",
        aspect="current",
        text="<script>alert(1)</script>",
        recorded_by=world.professional,
    )
    ImportantWish.objects.create(
        trajectory=world.own_trajectory, rank=1, text="<b>vet</b>", recorded_by=world.professional
    )
    give_consent(world.other_org)
    html = login(world.other_org_professional).get(url(world.own_trajectory)).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>vet</b>" not in html and "&lt;b&gt;vet&lt;/b&gt;" in html


def test_it_writes_the_access_log(world, login):
    client = login(world.professional)
    client.get(url(world.own_trajectory))
    client.post(url(world.own_trajectory), form_data({("housing", "current"): ("Ik woon alleen", Voice.CLIENT)}))
    rows = list(log_rows(client_id=world.own_client.pk).order_by("id").values_list("action", "detail"))
    assert rows[:2] == [("read", "persoonlijk profiel"), ("update", "persoonlijk profiel")]


def test_it_lets_another_organisation_with_consent_read_but_not_save(world, login, give_consent):
    ProfileEntry.objects.create(
        trajectory=world.own_trajectory,
        domain="housing",
        aspect="current",
        text="Ik woon alleen",
        recorded_by=world.professional,
    )
    give_consent(world.other_org)
    client = login(world.other_org_professional)
    response = client.get(url(world.own_trajectory))
    assert response.status_code == 200
    assert "Ik woon alleen" in text_of(response)
    assert "<textarea" not in response.content.decode()
    response = client.post(
        url(world.own_trajectory), form_data({("housing", "current"): ("Overschreven", Voice.CLIENT)})
    )
    assert response.status_code == 404
    assert ProfileEntry.objects.get().text == "Ik woon alleen"


def test_it_gives_a_wmo_consultant_with_consent_404(world, login, give_consent):
    give_consent(world.municipality)
    assert login(world.wmo_consultant).get(url(world.own_trajectory)).status_code == 404


def test_it_gives_another_team_404(world, login):
    client = login(world.other_team_professional)
    assert client.get(url(world.own_trajectory)).status_code == 404
    data = form_data({("housing", "current"): ("Ingebroken", Voice.CLIENT)}, wishes=[("Ingebroken", "", Voice.CLIENT)])
    assert client.post(url(world.own_trajectory), data).status_code == 404
    assert not ProfileEntry.objects.exists()
    assert not ImportantWish.objects.exists()


def test_it_gives_another_organisation_404(world, login):
    client = login(world.other_org_professional)
    assert client.get(url(world.own_trajectory)).status_code == 404
    assert (
        client.post(
            url(world.own_trajectory), form_data({("housing", "current"): ("Ingebroken", Voice.CLIENT)})
        ).status_code
        == 404
    )
    assert not ProfileEntry.objects.exists()
