from datetime import date

from django.urls import reverse

from steunwerk.support.models import Evaluation
from steunwerk.support.tests.helpers import log_rows, text_of

FIELDS = {
    "went_well": "Het huis is schoon.",
    "learned": "Bram kan om hulp vragen.",
    "process": "Contact met de thuiszorg loopt goed.",
    "result": "Doel 1 grotendeels bereikt.",
    "plan_changes": "Een teamgenote van de volleybal helpt met de boodschappen.",
    "self_evaluation": "Ik had eerder naar het netwerk moeten vragen.",
}


def url(trajectory):
    return reverse("evaluations", args=[trajectory.pk])


def data(**overrides):
    return {"date": "2026-09-22", **FIELDS, **overrides}


def test_it_records_an_evaluation(world, login):
    response = login(world.professional).post(url(world.own_trajectory), data(), follow=True)
    assert response.redirect_chain == [(url(world.own_trajectory), 302)]
    evaluation = Evaluation.objects.get()
    assert (evaluation.trajectory, evaluation.date, evaluation.author) == (
        world.own_trajectory,
        date(2026, 9, 22),
        world.professional,
    )
    assert {f: getattr(evaluation, f) for f in FIELDS} == FIELDS
    page = text_of(response)
    assert "Evaluatie vastgelegd." in page
    assert "Evaluatie 22-09-2026" in page
    assert "Wijzigingen in het plan Een teamgenote van de volleybal helpt met de boodschappen." in page
    assert "Zelfevaluatie Ik had eerder naar het netwerk moeten vragen." in page


def test_it_leaves_out_questions_that_were_not_answered(world, login):
    client = login(world.professional)
    client.post(url(world.own_trajectory), data(learned="", self_evaluation=""))
    entry = text_of(client.get(url(world.own_trajectory))).split("Evaluatie 22-09-2026", 1)[1]  # below the form
    assert "Wat ging goed Het huis is schoon." in entry
    assert "Wat is geleerd" not in entry and "Zelfevaluatie" not in entry


def test_it_lists_the_newest_evaluation_first(world, login):
    client = login(world.professional)
    client.post(url(world.own_trajectory), data(date="2026-09-22", result="Eerste"))
    client.post(url(world.own_trajectory), data(date="2026-12-22", result="Tweede"))
    page = text_of(client.get(url(world.own_trajectory)))
    assert page.index("Evaluatie 22-12-2026") < page.index("Evaluatie 22-09-2026")


def test_it_says_when_there_are_no_evaluations(world, login):
    assert "Nog geen evaluaties." in text_of(login(world.professional).get(url(world.own_trajectory)))


def test_it_writes_the_access_log(world, login):
    client = login(world.professional)
    client.get(url(world.own_trajectory))
    client.post(url(world.own_trajectory), data())
    rows = list(log_rows(client_id=world.own_client.pk).order_by("id").values_list("action", "object_type", "detail"))
    assert rows[:2] == [("read", "Trajectory", "evaluatie"), ("create", "Evaluation", "evaluatie")]


def test_it_rejects_a_missing_date(world, login):
    response = login(world.professional).post(url(world.own_trajectory), data(date=""))
    assert response.status_code == 400
    assert "Niet opgeslagen: verbeter de gemarkeerde velden." in text_of(response)
    assert not Evaluation.objects.exists()


def test_it_rejects_an_oversized_answer_and_saves_nothing(world, settings, login):
    response = login(world.professional).post(
        url(world.own_trajectory), data(process="x" * (settings.TEXT_MAX_LENGTH + 1))
    )
    assert response.status_code == 400
    assert not Evaluation.objects.exists()


def test_it_escapes_script_tags(world, login):
    client = login(world.professional)
    client.post(url(world.own_trajectory), data(went_well="<script>alert(1)</script>"))
    html = client.get(url(world.own_trajectory)).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_it_lets_another_organisation_with_consent_read_but_not_write(world, login, give_consent):
    Evaluation.objects.create(trajectory=world.own_trajectory, result="Doel bereikt", author=world.professional)
    give_consent(world.other_org)
    client = login(world.other_org_professional)
    response = client.get(url(world.own_trajectory))
    assert response.status_code == 200 and "Doel bereikt" in text_of(response)
    assert client.post(url(world.own_trajectory), data()).status_code == 404
    assert Evaluation.objects.count() == 1


def test_it_gives_a_wmo_consultant_with_consent_404(world, login, give_consent):
    Evaluation.objects.create(trajectory=world.own_trajectory, result="Doel bereikt", author=world.professional)
    give_consent(world.municipality)
    response = login(world.wmo_consultant).get(url(world.own_trajectory))
    assert response.status_code == 404
    assert "Doel bereikt" not in response.content.decode()


def test_it_gives_another_team_404(world, login):
    client = login(world.other_team_professional)
    assert client.get(url(world.own_trajectory)).status_code == 404
    assert client.post(url(world.own_trajectory), data()).status_code == 404
    assert not Evaluation.objects.exists()


def test_it_gives_another_organisation_404(world, login):
    client = login(world.other_org_professional)
    assert client.get(url(world.own_trajectory)).status_code == 404
    assert client.post(url(world.own_trajectory), data()).status_code == 404
    assert not Evaluation.objects.exists()
