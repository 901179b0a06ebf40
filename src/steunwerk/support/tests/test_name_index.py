"""The trigram index of client names on SQLite (support.name_index): the caseload's name search finds exactly what
it finds without the index, and the index follows every change to a trajectory."""
import pytest
from django.db import connection
from django.urls import reverse

from steunwerk.access.actor import Actor
from steunwerk.access.scope import visible
from steunwerk.conftest import make_trajectory
from steunwerk.support import name_index
from steunwerk.support.models import Trajectory

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the index is SQLite's; PostgreSQL has its own")

URL = reverse("caseload")


def indexed_ids(text):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {name_index.TABLE} WHERE {name_index.TABLE} MATCH %s", [f'"{text}"'])
        return sorted(row[0] for row in cursor.fetchall())


def shown(response):
    return sorted(t.client_name for t in response.context["page"])


@pytest.fixture
def people(world):
    for name in ("Anna Opmans", "Joost OPMANS", "Fatima O\"Brien", "Émile Ödegaard", "Piet Jansen"):
        make_trajectory(world.org, world.team, name, world.professional)


@pytest.mark.parametrize("q, expected", [
    ("Opmans", ["Anna Opmans", "Joost OPMANS"]),
    ("opm", ["Anna Opmans", "Joost OPMANS"]),
    ('O"Brien', ['Fatima O"Brien']),
    ("ödegaard", []),  # LIKE ignores the case of a to z only; so does the search with the index
    ("Ödegaard", ["Émile Ödegaard"]),
    ("wi", ["Bram de Wit"]),  # shorter than a trigram: searched without the index
    ("Bram de Wit", ["Bram de Wit"]),
    ("Kees", []),  # another team's client
])
def test_the_name_search_finds_what_it_finds_without_the_index(world, login, people, q, expected, monkeypatch):
    http = login(world.professional)
    with_index = http.get(URL, {"q": q})
    monkeypatch.setattr(name_index, "SHORTEST", 1000)  # the index left out
    without_index = http.get(URL, {"q": q})
    assert with_index.status_code == without_index.status_code == 200
    assert shown(with_index) == shown(without_index) == expected


def test_it_only_narrows_what_the_access_layer_gives(world):
    mine = visible(Trajectory, Actor.for_user(world.professional))
    assert indexed_ids("Kees van Dam") == [world.other_team_trajectory.pk]  # the other team's client is indexed
    narrowed = name_index.narrow(mine, "Kees van Dam")
    assert name_index.TABLE in str(narrowed.query)  # the index was used
    assert list(narrowed) == []  # and found nobody this professional may see
    assert list(name_index.narrow(mine, "de Wit")) == [world.own_trajectory]


def test_without_its_triggers_the_index_is_not_used(world, login):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {name_index.TABLE}_insert")
    make_trajectory(world.org, world.team, "Noor Zandstra", world.professional)  # not in the index
    assert indexed_ids("Zandstra") == []
    response = login(world.professional).get(URL, {"q": "Zandstra"})
    assert shown(response) == ["Noor Zandstra"]


def test_ensure_reports_a_failure_and_only_tolerates_a_missing_tokenizer(world, monkeypatch):
    from django.db import OperationalError

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {name_index.TABLE}_update")

    def locked(using="default"):
        raise OperationalError("database is locked")

    monkeypatch.setattr(name_index, "install", locked)
    with pytest.raises(OperationalError):
        name_index.ensure()

    def old_sqlite(using="default"):
        raise OperationalError("no such tokenizer: trigram")

    monkeypatch.setattr(name_index, "install", old_sqlite)
    with pytest.warns(UserWarning, match="zoeken werkt"):
        assert name_index.ensure() is False


def test_the_index_follows_new_renamed_and_deleted_trajectories(world):
    client, trajectory = make_trajectory(world.org, world.team, "Sanne Veldkamp", world.professional)
    assert indexed_ids("Veldkamp") == [trajectory.pk]
    client.name = "Sanne Hoogland"
    client.save()  # the trajectory's copy of the name follows, and the index follows that
    assert indexed_ids("Veldkamp") == [] and indexed_ids("Hoogland") == [trajectory.pk]
    Trajectory.objects.filter(pk=trajectory.pk).delete()
    assert indexed_ids("Hoogland") == []


def test_ensure_puts_a_missing_index_back_and_fills_it(world):
    assert name_index.is_installed() and not name_index.ensure()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {name_index.TABLE}_insert")
    _client, trajectory = make_trajectory(world.org, world.team, "Noor Zandstra", world.professional)
    assert indexed_ids("Zandstra") == []  # added while the trigger was gone
    assert not name_index.is_installed()
    assert name_index.ensure()
    assert name_index.is_installed()
    assert indexed_ids("Zandstra") == [trajectory.pk]
    assert indexed_ids("Bram de Wit") == [world.own_trajectory.pk]
