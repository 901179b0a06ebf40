"""The two core tables: target group × problem level, target group × aim."""

import pytest
from django.urls import reverse

from steunwerk.methods.models import Method
from steunwerk.methods.tests.helpers import BY_SLUG, CATALOGUE, local_method, text_of
from steunwerk.methods.tests.helpers import table_cells as cells
from steunwerk.vocab import Aim, ProblemLevel, TargetGroup

TABLES = {
    "table_level": ("problem_level", "problem_level_certain", ProblemLevel),
    "table_aim": ("aim", "aim_certain", Aim),
}


def expected_cells(column_field, certain_field, columns):
    """Where the catalogue file puts each method for one client: its primary target groups × its column."""
    group_labels, column_labels = dict(TargetGroup.choices), dict(columns.choices)
    expected = {(str(g), str(c)): [] for g in group_labels.values() for c in column_labels.values()}
    for entry in CATALOGUE:
        if entry["kind"] != "method":
            continue
        for group in entry["target_groups_primary"] or entry["target_groups"]:
            key = (str(group_labels[group]), str(column_labels[entry[column_field]]))
            expected[key].append((entry["slug"], not entry[certain_field]))
    return expected


@pytest.mark.parametrize("name", sorted(TABLES))
def test_it_lists_each_method_in_its_cell_with_uncertain_placements_marked(world, login, name):
    response = login(world.professional).get(reverse(name))
    assert response.status_code == 200
    actual = cells(response)
    expected = expected_cells(*TABLES[name])
    assert {k: sorted(v) for k, v in actual.items()} == {k: sorted(v) for k, v in expected.items()}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_it_puts_every_method_for_one_client_in_the_table_and_no_organisation_approach(world, login, name):
    listed = {slug for cell in cells(login(world.professional).get(reverse(name))).values() for slug, _u in cell}
    assert listed == {e["slug"] for e in CATALOGUE if e["kind"] == "method"}


def test_it_puts_the_psychiatric_methods_for_complex_problems_in_one_cell_without_a_question_mark(world, login):
    table = cells(login(world.professional).get(reverse("table_level")))
    assert sorted(table[("Psychische beperking", "Complexe problematiek")]) == [
        ("critical-time-intervention", False),
        ("fact", False),
        ("interpersoonlijke-sociaal-psychiatrische-begeleiding", False),
    ]
    assert table[("Ouderdomsbeperking", "Complexe problematiek")] == []
    assert ("ontmoetingscentra-dementie", True) in table[("Ouderdomsbeperking", "Lichte problematiek")]


def test_it_marks_fact_uncertain_in_the_aim_table(world, login):
    table = cells(login(world.professional).get(reverse("table_aim")))
    assert ("fact", True) in table[("Psychische beperking", "Zelfredzaamheid")]
    assert ("zorg-en-ondersteuningsplan", False) in table[
        ("Ouderdomsbeperking", "Zowel zelfredzaamheid als participatie")
    ]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_it_links_each_method_to_its_page(world, login, name):
    html = login(world.professional).get(reverse(name)).content.decode()
    for slug in ("fact", "vriendendiensten", "ontmoetingscentra-dementie"):
        assert f'<a href="{reverse("method", args=[slug])}">{BY_SLUG[slug]["name"]}</a>' in html
    for slug in {s for s, _u in sum(cells(login(world.professional).get(reverse(name))).values(), [])}:
        assert login(world.professional).get(reverse("method", args=[slug])).status_code == 200


@pytest.mark.parametrize("name, other", [("table_level", "table_aim"), ("table_aim", "table_level")])
def test_it_shows_the_legend_and_links_to_the_other_table(world, login, name, other):
    response = login(world.professional).get(reverse(name))
    page = text_of(response)
    assert "Leeswijzer" in page
    assert "? = plaatsing onzeker: de bron laat niet eenduidig zien waar de methode hoort." in page
    assert "de grens is niet scherp" in page
    assert f'href="{reverse(other)}"' in response.content.decode()


@pytest.mark.parametrize("name, columns", [("table_level", ProblemLevel), ("table_aim", Aim)])
def test_it_has_a_row_per_target_group_and_a_column_per_value(world, login, name, columns):
    keys = cells(login(world.professional).get(reverse(name)))
    assert {row for row, _c in keys} == {str(label) for label in TargetGroup.labels}
    assert {column for _r, column in keys} == {str(label) for label in columns.labels}


def test_it_shows_a_local_method_only_to_its_own_organisation(world, login, client):
    local = local_method(world.org, target_groups=["verstandelijk"], problem_level="complex")
    other = local_method(
        world.other_org, name="Taalcafé West", target_groups=["verstandelijk"], problem_level="complex"
    )
    table = cells(login(world.professional).get(reverse("table_level")))
    assert (local.slug, True) in table[("Verstandelijke beperking", "Complexe problematiek")]
    assert other.slug not in {s for cell in table.values() for s, _u in cell}
    client.logout()
    table = cells(login(world.other_org_professional).get(reverse("table_level")))
    assert local.slug not in {s for cell in table.values() for s, _u in cell}


def test_it_follows_an_edit_of_the_placement(world, login):
    Method.objects.filter(slug="vriendendiensten").update(problem_level="complex", problem_level_certain=True)
    fact = Method.objects.get(slug="fact")
    fact.save()  # a save through the model marks the catalogue as changed
    table = cells(login(world.professional).get(reverse("table_level")))
    assert ("vriendendiensten", False) in table[("Psychische beperking", "Complexe problematiek")]
    assert "vriendendiensten" not in [s for s, _u in table[("Psychische beperking", "Lichte problematiek")]]
