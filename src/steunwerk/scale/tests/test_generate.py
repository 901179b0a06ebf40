import io

import pytest
from django.core.management import CommandError, call_command

from steunwerk.access.actor import Actor
from steunwerk.access.scope import visible
from steunwerk.clients.bsn import is_valid
from steunwerk.clients.models import Client
from steunwerk.scale.generate import generate
from steunwerk.support.models import LogbookEntry, PlanStep, Trajectory


def snapshot():
    system = Actor.system()
    clients = list(visible(Client, system).order_by("id").values_list("name", "bsn", "date_of_birth", "neighbourhood"))
    trajectories = list(visible(Trajectory, system).order_by("id").values_list("phase", "status", "started_on"))
    return clients, trajectories


def test_it_is_deterministic_for_a_seed(db):
    generate(30, seed=7)
    first = snapshot()
    Client.objects.all().delete()
    generate(30, seed=7)
    assert snapshot() == first


def test_it_differs_between_seeds(db):
    generate(20, seed=1)
    first = snapshot()
    Client.objects.all().delete()
    generate(20, seed=2)
    assert snapshot()[0] != first[0]


def test_it_marks_everyone_synthetic_with_valid_bsns_and_realistic_shape(db):
    counts = generate(40, seed=3)
    clients = list(Client.objects.all())
    assert len(clients) == 40 and all(c.synthetic for c in clients)
    assert all(is_valid(c.bsn) for c in clients)
    assert counts["trajectories"] == Trajectory.objects.count()
    per_client = {}
    for t in Trajectory.objects.all():
        per_client[t.client_id] = per_client.get(t.client_id, 0) + 1
    assert set(per_client.values()) <= {1, 2, 3}
    for t in Trajectory.objects.prefetch_related("goals"):
        assert 2 <= t.goals.count() <= 5
        assert 3 <= PlanStep.objects.filter(plan__goal__trajectory=t).count() <= 10
        assert 10 <= LogbookEntry.objects.filter(trajectory=t).count() <= 50
    assert len({t.phase for t in Trajectory.objects.all()}) >= 4  # spread over the phases


def test_the_fast_insert_writes_what_the_orm_reads_back(db):
    generate(5, seed=4)
    entry = LogbookEntry.objects.select_related("trajectory").first()
    assert entry.created_at is not None and entry.date >= entry.trajectory.started_on
    assert entry.organisation_id == entry.trajectory.organisation_id


def test_the_command_reports_counts_and_rejects_nonsense(db):
    out = io.StringIO()
    call_command("generate", "--clients", "10", "--quiet", stdout=out)
    assert "10 synthetische cliënten" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("generate", "--clients", "0")
