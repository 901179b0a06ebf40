"""The versions of a method: who changed it when."""

import re

from django.urls import reverse

from steunwerk.methods.models import Method
from steunwerk.methods.tests.helpers import form_data, local_method, strip, text_of


def url(slug):
    return reverse("method_history", args=[slug])


def rows(response):
    html = response.content.decode()
    body = re.search(r"<tbody>(.*?)</tbody>", html, flags=re.S).group(1)
    return [
        [strip(td) for td in re.findall(r"<td[^>]*>(.*?)</td>", tr, flags=re.S)]
        for tr in re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
    ]


def edit(login, user, slug, **changes):
    method = Method.objects.get(slug=slug)
    response = login(user).post(reverse("method_edit", args=[slug]), form_data(method, **changes))
    assert response.status_code == 302


def test_it_says_there_are_no_changes_since_the_catalogue_was_loaded(world, login):
    response = login(world.professional).get(url("fact"))
    assert response.status_code == 200
    assert rows(response) == [["Geen wijzigingen sinds de methodewijzer is geladen."]]
    assert "Versies van FACT" in text_of(response)


def test_it_lists_each_edit_newest_first_with_who_made_it(world, login, client):
    edit(login, world.catalogue_admin, "fact", name="FACT-team")
    edit(login, world.catalogue_admin, "fact", goal="Herstel in de wijk.")
    client.logout()
    response = login(world.professional).get(url("fact"))
    listed = rows(response)
    assert len(listed) == 2 == Method.history.filter(id=Method.objects.get(slug="fact").pk).count()
    assert [row[1:] for row in listed] == [["Catalogue_Admin", "Gewijzigd"], ["Catalogue_Admin", "Gewijzigd"]]
    assert all(re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", row[0]) for row in listed)
    versions = Method.history.filter(id=Method.objects.get(slug="fact").pk).order_by("-history_date")
    assert [v.goal for v in versions][0] == "Herstel in de wijk."
    assert [v.name for v in versions] == ["FACT-team", "FACT-team"]
    assert "FACT-team" in text_of(response)  # the heading follows the new name


def test_it_lists_the_creation_of_a_local_method(world, login, client):
    login(world.catalogue_admin).post(
        reverse("method_new"),
        {
            "name": "Buurtmaatjes Oost",
            "target_groups": ["psychisch"],
            "evidence_level": "onbekend",
            "in_esi_databank": "unknown",
        },
    )
    client.logout()
    listed = rows(login(world.professional).get(url("buurtmaatjes-oost")))
    assert [row[1:] for row in listed] == [["Catalogue_Admin", "Aangemaakt"]]


def test_it_does_not_show_the_versions_of_another_organisations_local_method(world, login):
    other = local_method(world.other_org, name="Taalcafé West")
    assert login(world.professional).get(url(other.slug)).status_code == 404


def test_it_answers_404_for_an_unknown_method(world, login):
    assert login(world.professional).get(url("bestaat-niet")).status_code == 404
