"""The shipped catalogue: loaded by a data migration, complete, consistent with the reference lists."""

import pytest

from steunwerk.methods.catalogue import Index, load, read_catalogue
from steunwerk.methods.models import Method
from steunwerk.methods.tests.helpers import BY_SLUG, CATALOGUE, METHOD_SLUGS, ORGANISATION_APPROACHES, local_method
from steunwerk.vocab import (
    Aim,
    EvidenceLevel,
    MethodDomain,
    MethodKind,
    ProblemLevel,
    TargetGroup,
    WnsBaken,
    WorkingElement,
)

pytestmark = pytest.mark.django_db


def test_it_ships_29_methods_and_3_organisation_approaches_with_unique_slugs():
    assert len(CATALOGUE) == 32
    assert len(BY_SLUG) == 32
    assert len(METHOD_SLUGS) == 29
    assert {e["slug"] for e in CATALOGUE if e["kind"] == MethodKind.ORGANISATION_APPROACH} == ORGANISATION_APPROACHES


def test_it_has_the_whole_catalogue_in_the_database_after_migrating():
    national = Method.objects.filter(organisation__isnull=True)
    assert set(national.values_list("slug", flat=True)) == set(BY_SLUG)
    assert national.filter(kind=MethodKind.METHOD).count() == 29
    assert (
        set(national.filter(kind=MethodKind.ORGANISATION_APPROACH).values_list("slug", flat=True))
        == ORGANISATION_APPROACHES
    )


@pytest.mark.parametrize("slug", sorted(BY_SLUG))
def test_it_stores_each_method_as_the_catalogue_file_describes_it(slug):
    entry, method = BY_SLUG[slug], Method.objects.get(slug=slug)
    assert method.name == entry["name"]
    assert method.target_groups == entry["target_groups"]
    assert method.target_groups_primary == entry["target_groups_primary"]
    assert method.problem_level == (entry["problem_level"] or "")
    assert method.aim == (entry["aim"] or "")
    assert (method.target_groups_certain, method.problem_level_certain, method.aim_certain) == (
        entry["target_groups_certain"],
        entry["problem_level_certain"],
        entry["aim_certain"],
    )
    assert method.in_esi_databank is entry["in_esi_databank"]  # None stays "not stated", never becomes "no"
    assert method.domains == entry["domains"] and method.working_elements == entry["working_elements"]
    assert sorted(m.slug for m in method.related.all()) == sorted(entry["related"])


@pytest.mark.parametrize("slug", sorted(BY_SLUG))
def test_it_classifies_each_method_only_with_known_codes(slug):
    entry = BY_SLUG[slug]
    assert entry["target_groups"] and set(entry["target_groups"]) <= set(TargetGroup.values)
    assert set(entry["target_groups_primary"]) <= set(entry["target_groups"])
    assert entry["problem_level"] in [*ProblemLevel.values, None]
    assert entry["aim"] in [*Aim.values, None]
    assert set(entry["domains"]) <= set(MethodDomain.values)
    assert set(entry["working_elements"]) <= set(WorkingElement.values)
    assert set(entry["wns_bakens"]) <= set(WnsBaken.values)
    assert entry["evidence_level"] in EvidenceLevel.values
    assert set(entry["related"]) <= set(BY_SLUG) - {slug}


def test_it_gives_every_method_for_one_client_a_place_in_both_core_tables():
    for slug in METHOD_SLUGS:
        assert BY_SLUG[slug]["problem_level"] and BY_SLUG[slug]["aim"], slug


def test_it_knows_which_placements_are_uncertain():
    assert Method.objects.get(slug="zorg-en-ondersteuningsplan").is_uncertain  # aim certain, level not
    assert Method.objects.get(slug="vriendendiensten").is_uncertain
    fact = Method.objects.get(slug="fact")
    fact.aim_certain = True
    assert not fact.is_uncertain


def test_it_reloads_the_catalogue_without_duplicates_and_restores_changed_entries():
    Method.objects.filter(slug="fact").update(name="Iets anders", target_groups=["ouderdom"])
    Method.objects.get(slug="fact").related.clear()
    created, updated = load(Method, read_catalogue())
    assert (created, updated) == (0, 32)
    assert Method.objects.filter(organisation__isnull=True).count() == 32
    fact = Method.objects.get(slug="fact")
    assert fact.name == "FACT" and fact.target_groups == ["psychisch"]
    assert sorted(m.slug for m in fact.related.all()) == sorted(BY_SLUG["fact"]["related"])


def test_it_leaves_local_methods_alone_when_reloading(world):
    local = local_method(world.org)
    load(Method, read_catalogue())
    local.refresh_from_db()
    assert local.organisation == world.org and local.name == "Buurtmaatjes Oost"


def test_it_rebuilds_the_search_index_when_a_method_changes(world):
    assert "Iets nieuws" not in [m.name for m in Index.methods()]
    fact = Method.objects.get(slug="fact")
    fact.name = "Iets nieuws"
    fact.save()
    assert "Iets nieuws" in [m.name for m in Index.methods()]
    local = local_method(world.org)
    assert local.pk in [m.pk for m in Index.methods()]
