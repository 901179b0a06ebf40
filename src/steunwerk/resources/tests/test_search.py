"""Dutch search in the sociale kaart: stemming, compounds, accents; filters on wijk, domain and target group."""

import pytest

from steunwerk.resources.models import Service
from steunwerk.resources.search import search, wijken, with_details


@pytest.fixture
def services(kaart):
    return list(with_details(Service.objects.order_by("name", "id")))


@pytest.fixture
def active(services):
    return [s for s in services if s.is_offered]


def names(found):
    return [s.name for s in found]


@pytest.mark.parametrize(
    "query, first",
    [
        ("vrijwilligers", "Vrijwilligerswerk zoeken"),  # plural finds the name's compound and "vrijwilliger"
        ("vrijwilliger", "Vrijwilligerswerk zoeken"),
        ("volleyballen", "Recreatief volleybal"),  # the verb finds the noun
        ("volleybal", "Recreatief volleybal"),
        ("repareren", "Repair Café Kruiskamp"),
        ("administratie", "Humanitas Thuisadministratie"),  # part of a compound
        ("wandelen", "Wandelgroep Vathorst"),
        ("maaltijden", "Samen eten in De Kei"),
        ("mantelzorgers", "Steunpunt Mantelzorg"),
        ("Buurthuis", "Koffie-inloop De Kei"),  # the provider's name counts too
        ("cafe", "Repair Café Kruiskamp"),  # accents do not matter
        ("psychische klachten", "Inloop Het Klokhuis"),
    ],
)
def test_it_finds_in_dutch(active, query, first):
    assert names(search(active, q=query))[0] == first


def test_it_finds_every_service_that_mentions_volunteers(active):
    found = names(search(active, q="vrijwilligers"))
    assert {
        "Vrijwilligerswerk zoeken",
        "Humanitas Thuisadministratie",
        "Koffie-inloop De Kei",
        "Samen eten in De Kei",
        "Repair Café Kruiskamp",
        "Inloop Het Klokhuis",
    } == set(found)


def test_it_ranks_a_match_in_the_name_above_one_in_the_description(active):
    found = names(search(active, q="inloop"))
    assert found[:2] == ["Inloop Het Klokhuis", "Koffie-inloop De Kei"]


def test_it_ranks_services_that_match_more_words_first(active):
    assert names(search(active, q="samen eten kruiskamp"))[0] == "Samen eten in De Kei"


def test_it_finds_nothing_for_an_unrelated_word(active):
    assert search(active, q="ruimtevaart") == []


def test_it_ignores_stopwords_and_returns_everything_for_an_empty_query(active):
    assert names(search(active, q="")) == names(active)
    assert names(search(active, q="de het een")) == names(active)


def test_it_filters_on_the_wijk_without_regard_to_case(active):
    assert names(search(active, wijk="kruiskamp")) == [
        "Koffie-inloop De Kei",
        "Meer Bewegen voor Ouderen",
        "Repair Café Kruiskamp",
        "Samen eten in De Kei",
    ]
    assert names(search(active, wijk="KRUISKAMP", q="eten")) == ["Samen eten in De Kei"]
    assert search(active, wijk="Nergenshuizen") == []


def test_it_filters_on_domain_and_target_group(active):
    assert names(search(active, domain="financien")) == ["Humanitas Thuisadministratie"]
    assert names(search(active, target_group="psychisch")) == ["Inloop Het Klokhuis", "Vrijwilligerswerk zoeken"]
    assert names(search(active, domain="gezondheid", target_group="ouderdom")) == ["Meer Bewegen voor Ouderen"]
    assert names(search(active, domain="sociaal_netwerk", target_group="psychisch", q="vrijwilligers")) == [
        "Vrijwilligerswerk zoeken",
        "Inloop Het Klokhuis",
    ]


def test_it_searches_inactive_and_defunct_services_only_when_given_them(services, active):
    assert names(search(services, q="taalcafe")) == ["Taalcafé De Brug"]
    assert search(active, q="taalcafe") == []


def test_it_offers_the_wijken_in_the_data(services, active):
    assert wijken(active) == ["Binnenstad", "Kruiskamp", "Liendert", "Schothorst", "Soesterkwartier", "Vathorst"]


def test_it_loads_the_details_in_a_fixed_number_of_queries(kaart, django_assert_num_queries):
    with django_assert_num_queries(7):
        services = list(with_details(Service.objects.all()))
        for service in services:
            shown = (
                service.wijken,
                service.opening_times,
                service.accessibility,
                service.provider.name,
                service.owner.name,
            )
            assert all(value is not None for value in shown)
