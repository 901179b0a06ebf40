"""The caseload and the dossier cost the same number of queries however many clients there are (no N+1)."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from steunwerk.access.models import Consent
from steunwerk.accounts.models import Organisation
from steunwerk.conftest import make_trajectory
from steunwerk.support.models import Trajectory
from steunwerk.vocab import OrganisationKind


def add_clients(world, n, start):
    for i in range(start, start + n):
        make_trajectory(
            world.org,
            world.team,
            f"Cliënt {i:02d}",
            world.professional,
            neighbourhood="Centrum",
            date_of_birth=date(1980, 1, 1),
        )


def queries(client, url, **params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


def test_it_lists_30_and_60_clients_with_the_same_queries(world, login, django_assert_num_queries):
    client = login(world.professional)
    url = reverse("caseload")
    add_clients(world, 2, 0)  # plus Bram: 3
    client.get(url)  # warm up caches (content types, sessions)
    few, response = queries(client, url)
    assert len(response.context["page"]) == 3
    add_clients(world, 27, 2)  # 30
    n, response = queries(client, url)
    assert len(response.context["page"]) == 25 and response.context["page"].total == 30
    assert few == n - 1  # a page that holds the whole list needs no count
    add_clients(world, 30, 29)  # 60
    with django_assert_num_queries(n):
        response = client.get(url)
    assert len(response.context["page"]) == 25 and response.context["page"].total == 60


def test_it_searches_30_and_60_clients_with_the_same_queries(world, login, django_assert_num_queries):
    client = login(world.professional)
    url = reverse("caseload")
    add_clients(world, 3, 0)
    client.get(url, {"q": "Cliënt"})
    few, response = queries(client, url, q="Cliënt")
    assert len(response.context["page"]) == 3 and response.context["page"].total == 3
    add_clients(world, 27, 3)
    n, response = queries(client, url, q="Cliënt")
    assert len(response.context["page"]) == 25 and response.context["page"].total == 30
    assert few == n - 1  # a page that holds the whole list needs no count
    add_clients(world, 30, 30)
    with django_assert_num_queries(n):
        response = client.get(url, {"q": "Cliënt"})
    assert len(response.context["page"]) == 25 and response.context["page"].total == 60


def test_it_shows_the_dossier_with_3_and_30_clients_with_the_same_queries(world, login, django_assert_num_queries):
    client = login(world.professional)
    url = reverse("client", args=[world.own_client.pk])
    add_clients(world, 2, 0)
    client.get(url)
    n, _response = queries(client, url)
    add_clients(world, 27, 2)
    with django_assert_num_queries(n):
        client.get(url)


def test_it_shows_a_dossier_with_many_trajectories_and_consents_with_the_same_queries(
    world, login, django_assert_num_queries
):
    client = login(world.professional)
    url = reverse("client", args=[world.own_client.pk])
    client.get(url)
    n, _response = queries(client, url)
    for i in range(5):
        Trajectory.objects.create(client=world.own_client, team=world.team, lead=world.team_lead)
        receiver = Organisation.objects.create(name=f"Welzijn {i}", kind=OrganisationKind.WELFARE)
        Consent.objects.create(
            client=world.own_client,
            organisation=world.org,
            receiving_organisation=receiver,
            purpose="delen",
            given_on=date(2026, 1, 1),
            explained_to_client=True,
            recorded_by=world.professional,
        )
    with django_assert_num_queries(n):
        response = client.get(url)
    assert response.content.decode().count("Welzijn ") == 5


def test_the_caseload_reads_only_what_it_shows(world, login):
    client = login(world.professional)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("caseload")).status_code == 200
    listing = [q["sql"] for q in ctx.captured_queries if "ORDER BY" in q["sql"] and "support_trajectory" in q["sql"]]
    assert listing
    for sql in listing:
        assert '"bsn"' not in sql and '"request"' not in sql and '"password"' not in sql
