"""A catalogue admin edits a method; every change is kept as a version."""

from django.urls import reverse

from steunwerk.methods.models import Method
from steunwerk.methods.tests.helpers import form_data, listed_slugs, local_method, rank, table_cells, text_of


def url(slug):
    return reverse("method_edit", args=[slug])


def fact():
    return Method.objects.get(slug="fact")


def test_it_shows_the_form_filled_with_the_current_values(world, login):
    response = login(world.catalogue_admin).get(url("fact"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Methode bewerken: FACT" in text_of(response)
    assert 'name="name" value="FACT"' in html
    assert 'id="id_aliases">\nFunctie-ACT\nFunction Assertive Community Treatment (FACT)\n' in html
    assert 'value="psychisch" id="id_target_groups_2" checked' in html
    assert '<option value="complex" selected>' in html


def test_it_saves_a_change_of_a_national_method_as_a_new_version(world, login):
    versions = Method.history.filter(id=fact().pk).count()
    client = login(world.catalogue_admin)
    response = client.post(
        url("fact"), form_data(fact(), name="FACT-team", goal="Herstel in de eigen wijk."), follow=True
    )
    assert response.redirect_chain == [(reverse("method", args=["fact"]), 302)]
    page = text_of(response)
    assert "Methode opgeslagen. De vorige versie is bewaard." in page
    assert "FACT-team" in page and "Herstel in de eigen wijk." in page
    assert (fact().name, fact().goal, fact().organisation) == ("FACT-team", "Herstel in de eigen wijk.", None)
    assert Method.history.filter(id=fact().pk).count() == versions + 1
    latest = Method.history.filter(id=fact().pk).latest("history_date")
    assert (latest.history_user, latest.history_type, latest.name) == (world.catalogue_admin, "~", "FACT-team")


def test_it_keeps_the_fields_that_were_not_changed(world, login):
    before = fact()
    login(world.catalogue_admin).post(url("fact"), form_data(before, name="FACT-team"))
    after = fact()
    for field in (
        "target_groups",
        "target_groups_primary",
        "problem_level",
        "problem_level_certain",
        "aim",
        "aim_certain",
        "domains",
        "goal",
        "approach",
        "steps",
        "wns_bakens",
        "working_elements",
        "evidence_level",
        "in_esi_databank",
        "aliases",
        "developer",
        "kind",
        "slug",
    ):
        assert getattr(after, field) == getattr(before, field), field


def test_it_shows_the_change_everywhere_at_once(world, login, client):
    login(world.catalogue_admin).post(url("fact"), form_data(fact(), goal="Wekelijkse kookclub in de wijk."))
    client.logout()
    professional = login(world.professional)
    assert "fact" in listed_slugs(professional.get(reverse("methods"), {"q": "kookclub"}))
    assert professional.get(reverse("api_method", args=["fact"])).json()["goal"] == "Wekelijkse kookclub in de wijk."


def test_it_splits_lists_into_one_item_per_line(world, login):
    login(world.catalogue_admin).post(
        url("fact"),
        form_data(fact(), aliases="  Functie-ACT \n\nF-ACT\n", steps="aanmelden\r\nintake\r\n\r\n", developer="CCAF"),
    )
    assert fact().aliases == ["Functie-ACT", "F-ACT"]
    assert fact().steps == ["aanmelden", "intake"]
    assert fact().developer == ["CCAF"]


def test_it_changes_the_certainty_of_a_placement(world, login):
    data = form_data(fact())
    data.pop("problem_level_certain")
    data["aim_certain"] = "on"
    login(world.catalogue_admin).post(url("fact"), data)
    assert (fact().problem_level_certain, fact().aim_certain) == (False, True)
    page = text_of(login(world.catalogue_admin).get(reverse("method", args=["fact"])))
    assert "Complexe problematiek (plaatsing onzeker)" in page


def test_it_moves_a_method_out_of_a_target_group_that_was_removed(world, login):
    login(world.catalogue_admin).post(url("fact"), form_data(fact(), target_groups=["verstandelijk"]))
    assert fact().target_groups == ["verstandelijk"]
    table = table_cells(login(world.catalogue_admin).get(reverse("table_level")))
    assert "fact" not in [slug for slug, _u in table[("Psychische beperking", "Complexe problematiek")]]
    assert ("fact", False) in table[("Verstandelijke beperking", "Complexe problematiek")]
    reasons = {r.method.slug: r.reasons for r in rank({"target_groups": ["psychisch"]})[0]}
    assert "niet gericht op doelgroep psychisch" in reasons["fact"]


def test_it_refuses_a_method_without_a_target_group_and_saves_nothing(world, login):
    versions = Method.history.count()
    response = login(world.catalogue_admin).post(url("fact"), form_data(fact(), target_groups=[], name="Leeg"))
    assert response.status_code == 400
    assert "Kies minstens één doelgroep." in text_of(response)
    assert fact().name == "FACT" and fact().target_groups == ["psychisch"]
    assert Method.history.count() == versions


def test_it_refuses_oversized_texts_and_saves_nothing(world, login):
    client = login(world.catalogue_admin)
    response = client.post(url("fact"), form_data(fact(), goal="x" * 5001))
    assert response.status_code == 400
    assert "Zorg dat deze waarde niet meer dan 5000 tekens bevat (het zijn er nu 5001)." in text_of(response)
    response = client.post(url("fact"), form_data(fact(), name="n" * 201))
    assert response.status_code == 400
    assert "niet meer dan 200 tekens" in text_of(response)
    assert fact().goal != "x" * 5001 and fact().name == "FACT"


def test_it_refuses_an_unknown_classification(world, login):
    client = login(world.catalogue_admin)
    for field, value in [
        ("problem_level", "zwaar"),
        ("target_groups", ["kinderen"]),
        ("domains", ["sport"]),
        ("evidence_level", "heel goed"),
    ]:
        response = client.post(url("fact"), form_data(fact(), **{field: value}))
        assert response.status_code == 400, field
        assert "Selecteer een geldige keuze." in text_of(response)
    assert fact().problem_level == "complex"


def test_it_refuses_anyone_but_a_catalogue_admin_and_saves_nothing(world, login, client):
    for role in ("professional", "team_lead", "org_admin", "wmo_consultant"):
        response = login(world.user(role)).post(url("fact"), form_data(fact(), name="Gekaapt"))
        assert response.status_code == 403, role
        assert "Alleen een beheerder van de methodewijzer kan methoden wijzigen." in text_of(response)
        client.logout()
    assert fact().name == "FACT"


def test_it_lets_a_catalogue_admin_edit_a_local_method_of_the_own_organisation(world, login):
    local = local_method(world.org)
    response = login(world.catalogue_admin).post(url(local.slug), form_data(local, name="Buurtmaatjes"))
    assert response.status_code == 302
    local.refresh_from_db()
    assert (local.name, local.organisation, local.kind) == ("Buurtmaatjes", world.org, "local")


def test_it_hides_a_local_method_of_another_organisation_from_a_catalogue_admin(world, login):
    other = local_method(world.other_org, name="Taalcafé West")
    assert login(world.catalogue_admin).get(url(other.slug)).status_code == 404
    assert login(world.catalogue_admin).post(url(other.slug), form_data(other, name="Gekaapt")).status_code == 404
    other.refresh_from_db()
    assert other.name == "Taalcafé West"
