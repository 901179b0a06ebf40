"""A catalogue admin adds a local method: visible to the own organisation only."""

from django.urls import reverse

from steunwerk.methods.models import Method
from steunwerk.methods.tests.helpers import listed_slugs, new_method_data, table_cells, text_of

URL = reverse("method_new")


def add(login, user, **changes):
    return login(user).post(URL, new_method_data(**changes))


def test_it_shows_an_empty_form(world, login):
    response = login(world.catalogue_admin).get(URL)
    assert response.status_code == 200
    assert "Lokale methode toevoegen" in text_of(response)
    assert "Elke wijziging wordt bewaard als nieuwe versie." in text_of(response)


def test_it_adds_a_local_method_of_the_admins_organisation(world, login):
    response = add(login, world.catalogue_admin)
    method = Method.objects.get(name="Buurtmaatjes Oost")
    assert response.status_code == 302 and response["Location"] == reverse("method", args=[method.slug])
    assert method.slug == "buurtmaatjes-oost"
    assert (method.kind, method.organisation) == ("local", world.org)
    assert method.target_groups == ["psychisch"] and method.problem_level == "licht"
    assert method.steps == ["kennismaken", "koppelen"] and method.developer == ["Wijkteam Oost"]
    assert method.in_esi_databank is None
    created = Method.history.get(id=method.pk)
    assert (created.history_type, created.history_user) == ("+", world.catalogue_admin)


def test_it_does_not_take_the_slug_of_an_existing_method(world, login):
    add(login, world.catalogue_admin, name="FACT")
    local = Method.objects.get(name="FACT", organisation=world.org)
    assert local.slug == "fact-2"
    national = Method.objects.get(slug="fact")
    assert national.organisation is None and national.kind == "method"
    add(login, world.catalogue_admin, name="FACT")
    assert Method.objects.filter(name="FACT", organisation=world.org).count() == 2
    assert Method.objects.filter(slug="fact-3").exists()


def test_it_shows_the_local_method_to_its_own_organisation(world, login, client):
    add(login, world.catalogue_admin)
    client.logout()
    professional = login(world.professional)
    response = professional.get(reverse("methods"))
    assert "buurtmaatjes-oost" in listed_slugs(response)
    assert "lokaal" in text_of(response)
    assert "buurtmaatjes-oost" in listed_slugs(professional.get(reverse("methods"), {"q": "maatje"}))
    assert professional.get(reverse("method", args=["buurtmaatjes-oost"])).status_code == 200
    assert professional.get(reverse("api_method", args=["buurtmaatjes-oost"])).status_code == 200
    assert "buurtmaatjes-oost" in [m["slug"] for m in professional.get(reverse("api_methods")).json()]
    table = table_cells(professional.get(reverse("table_level")))
    assert ("buurtmaatjes-oost", True) in table[("Psychische beperking", "Lichte problematiek")]


def test_it_hides_the_local_method_from_another_organisation(world, login, client):
    add(login, world.catalogue_admin)
    client.logout()
    outsider = login(world.other_org_professional)
    assert "buurtmaatjes-oost" not in listed_slugs(outsider.get(reverse("methods")))
    assert "buurtmaatjes-oost" not in listed_slugs(outsider.get(reverse("methods"), {"q": "buurtmaatjes"}))
    assert outsider.get(reverse("method", args=["buurtmaatjes-oost"])).status_code == 404
    assert outsider.get(reverse("method_history", args=["buurtmaatjes-oost"])).status_code == 404
    assert outsider.get(reverse("api_method", args=["buurtmaatjes-oost"])).status_code == 404
    assert "buurtmaatjes-oost" not in [m["slug"] for m in outsider.get(reverse("api_methods")).json()]
    assert "buurtmaatjes-oost" not in [
        r["slug"]
        for r in outsider.post(
            reverse("api_methods_recommend"), {"target_groups": ["psychisch"]}, content_type="application/json"
        ).json()["results"]
    ]
    table = table_cells(outsider.get(reverse("table_level")))
    assert "buurtmaatjes-oost" not in {s for cell in table.values() for s, _u in cell}


def test_it_adds_to_the_admins_own_organisation_in_the_other_organisation_too(world, login, other_org_admin):
    add(login, other_org_admin, name="Taalcafé West")
    method = Method.objects.get(name="Taalcafé West")
    assert method.organisation == world.other_org and method.slug == "taalcafe-west"


def test_it_refuses_a_method_without_a_target_group_and_saves_nothing(world, login):
    response = add(login, world.catalogue_admin, target_groups=[])
    assert response.status_code == 400
    assert "Kies minstens één doelgroep." in text_of(response)
    assert not Method.objects.filter(organisation__isnull=False).exists()


def test_it_refuses_oversized_texts_and_saves_nothing(world, login):
    response = add(login, world.catalogue_admin, approach="a" * 5001)
    assert response.status_code == 400
    assert "Zorg dat deze waarde niet meer dan 5000 tekens bevat" in text_of(response)
    response = add(login, world.catalogue_admin, name="")
    assert response.status_code == 400
    assert "Naam: Dit veld is vereist." in text_of(response)
    assert not Method.objects.filter(organisation__isnull=False).exists()


def test_it_refuses_anyone_but_a_catalogue_admin_and_saves_nothing(world, login, client):
    for role in ("professional", "team_lead", "org_admin", "wmo_consultant", "other_org_professional"):
        response = add(login, world.user(role))
        assert response.status_code == 403, role
        assert "Alleen een beheerder van de methodewijzer kan methoden toevoegen." in text_of(response)
        client.logout()
    assert not Method.objects.filter(organisation__isnull=False).exists()


def test_it_does_not_give_a_local_method_the_address_of_a_page(world, login):
    response = add(login, world.catalogue_admin, name="Nieuw")
    method = Method.objects.get(name="Nieuw")
    assert method.slug != "nieuw"
    page = login(world.catalogue_admin).get(response["Location"])
    assert page.status_code == 200 and "<h1>Nieuw</h1>" in page.content.decode()
