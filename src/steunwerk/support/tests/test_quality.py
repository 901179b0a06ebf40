from django.urls import reverse

from steunwerk.support.models import QualityEntry
from steunwerk.support.tests.helpers import log_rows, text_of
from steunwerk.vocab import QualityAspect, QualityDimension, Voice


def url(trajectory):
    return reverse("quality", args=[trajectory.pk])


def form_data(cells=None):
    data = {}
    for dimension in QualityDimension.values:
        for aspect in QualityAspect.values:
            text, voice = (cells or {}).get((dimension, aspect), ("", Voice.CLIENT))
            data[f"{dimension}__{aspect}"] = text
            data[f"{dimension}__{aspect}__voice"] = voice
    return data


def test_it_shows_the_eight_dimensions_and_four_aspects(world, login):
    response = login(world.professional).get(url(world.own_trajectory))
    assert response.status_code == 200
    page = text_of(response)
    for label in [*QualityDimension.labels, *QualityAspect.labels]:
        assert str(label) in page


def test_it_saves_every_cell_of_the_grid(world, login):
    cells = {(d, a): (f"{d} / {a}", Voice.CLIENT) for d in QualityDimension.values for a in QualityAspect.values}
    response = login(world.professional).post(url(world.own_trajectory), form_data(cells), follow=True)
    assert response.redirect_chain == [(url(world.own_trajectory), 302)]
    assert "Kwaliteit van bestaan opgeslagen." in text_of(response)
    saved = {(e.dimension, e.aspect): e.text for e in QualityEntry.objects.filter(trajectory=world.own_trajectory)}
    assert len(saved) == 32
    assert saved == {key: text for key, (text, _voice) in cells.items()}


def test_it_stores_nothing_for_empty_cells(world, login):
    login(world.professional).post(
        url(world.own_trajectory), form_data({("rights", "present"): ("Een advocaat", Voice.CLIENT)})
    )
    assert list(QualityEntry.objects.values_list("dimension", "aspect", "text")) == [
        ("rights", "present", "Een advocaat")
    ]


def test_it_records_whose_words_and_who_typed_them(world, login):
    cells = {
        ("relations", "barriers"): ("Schaamt zich", Voice.PROFESSIONAL),
        ("relations", "present"): ("Een goede vriend", Voice.CLIENT),
    }
    login(world.professional).post(url(world.own_trajectory), form_data(cells))
    cells[("relations", "present")] = ("Een goede vriend en de buurman", Voice.NETWORK)
    login(world.team_lead).post(url(world.own_trajectory), form_data(cells))
    saved = {e.aspect: (e.text, e.voice, e.recorded_by) for e in QualityEntry.objects.all()}
    assert saved == {
        "barriers": ("Schaamt zich", Voice.PROFESSIONAL, world.professional),
        "present": ("Een goede vriend en de buurman", Voice.NETWORK, world.team_lead),
    }


def test_it_clears_a_cell(world, login):
    client = login(world.professional)
    client.post(url(world.own_trajectory), form_data({("material", "present"): ("Eigen appartement", Voice.CLIENT)}))
    client.post(url(world.own_trajectory), form_data())
    assert QualityEntry.objects.get().text == ""
    assert "Eigen appartement" not in client.get(url(world.own_trajectory)).content.decode()


def test_it_rejects_an_oversized_cell_and_saves_nothing(world, settings, login):
    cells = {
        ("emotional", "barriers"): ("Stress", Voice.CLIENT),
        ("rights", "needed"): ("x" * (settings.TEXT_MAX_LENGTH + 1), Voice.CLIENT),
    }
    response = login(world.professional).post(url(world.own_trajectory), form_data(cells))
    assert response.status_code == 400
    assert "Niet opgeslagen: verbeter de gemarkeerde velden." in text_of(response)
    assert not QualityEntry.objects.exists()


def test_it_rejects_an_unknown_voice_and_saves_nothing(world, login):
    response = login(world.professional).post(
        url(world.own_trajectory), form_data({("emotional", "barriers"): ("Stress", "neighbour")})
    )
    assert response.status_code == 400
    assert not QualityEntry.objects.exists()


def test_it_escapes_script_tags(world, login):
    client = login(world.professional)
    client.post(
        url(world.own_trajectory), form_data({("emotional", "wishes"): ("<script>alert(1)</script>", Voice.CLIENT)})
    )
    html = client.get(url(world.own_trajectory)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_it_writes_the_access_log(world, login):
    client = login(world.professional)
    client.get(url(world.own_trajectory))
    client.post(url(world.own_trajectory), form_data({("emotional", "barriers"): ("Stress", Voice.CLIENT)}))
    rows = list(log_rows(client_id=world.own_client.pk).order_by("id").values_list("action", "detail"))
    assert rows[:2] == [("read", "kwaliteit van bestaan"), ("update", "kwaliteit van bestaan")]


def test_it_lets_another_organisation_with_consent_read_but_not_save(world, login, give_consent):
    QualityEntry.objects.create(
        trajectory=world.own_trajectory,
        dimension="emotional",
        aspect="barriers",
        text="Stress",
        recorded_by=world.professional,
    )
    give_consent(world.other_org)
    client = login(world.other_org_professional)
    response = client.get(url(world.own_trajectory))
    assert response.status_code == 200
    assert "Stress" in text_of(response) and "<textarea" not in response.content.decode()
    assert client.post(url(world.own_trajectory), form_data()).status_code == 404
    assert QualityEntry.objects.get().text == "Stress"


def test_it_gives_a_wmo_consultant_with_consent_404(world, login, give_consent):
    give_consent(world.municipality)
    assert login(world.wmo_consultant).get(url(world.own_trajectory)).status_code == 404


def test_it_gives_another_team_404(world, login):
    client = login(world.other_team_professional)
    assert client.get(url(world.own_trajectory)).status_code == 404
    assert (
        client.post(url(world.own_trajectory), form_data({("rights", "wishes"): ("x", Voice.CLIENT)})).status_code
        == 404
    )
    assert not QualityEntry.objects.exists()


def test_it_gives_another_organisation_404(world, login):
    client = login(world.other_org_professional)
    assert client.get(url(world.own_trajectory)).status_code == 404
    assert (
        client.post(url(world.own_trajectory), form_data({("rights", "wishes"): ("x", Voice.CLIENT)})).status_code
        == 404
    )
    assert not QualityEntry.objects.exists()
