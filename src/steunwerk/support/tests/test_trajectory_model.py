"""Trajectory.client_name, the one derived field of a trajectory: taken from the client when the trajectory is made,
kept in step by renaming the client (Client.save), never written back by a trajectory's own save, and a caller that
assigns it is stopped loudly instead of seeing the assignment dropped."""

import pytest

from steunwerk.clients.models import Client
from steunwerk.support.models import Trajectory


def stored_name(trajectory):
    return Trajectory.objects.values_list("client_name", flat=True).get(pk=trajectory.pk)


def test_a_new_trajectory_takes_the_client_s_name(world):
    client = Client.objects.create(organisation=world.org, name="Anna Opmans")
    assert Trajectory.objects.create(client=client, team=world.team).client_name == "Anna Opmans"


def test_a_new_trajectory_with_another_name_is_refused(world):
    client = Client.objects.create(organisation=world.org, name="Anna Opmans")
    with pytest.raises(Trajectory.DerivedFieldAssigned):
        Trajectory.objects.create(client=client, team=world.team, client_name="Iemand anders")
    assert Trajectory.objects.create(client=client, team=world.team, client_name="Anna Opmans").pk  # the same: fine


def test_renaming_the_client_renames_their_trajectories(world):
    world.own_client.name = "Bram de Wit-Jansen"
    world.own_client.save()
    assert stored_name(world.own_trajectory) == "Bram de Wit-Jansen"


def test_saving_a_trajectory_never_writes_back_an_old_name(world):
    """The client was renamed after this trajectory was loaded (another request, or a form open for a while)."""
    stale = Trajectory.objects.get(pk=world.own_trajectory.pk)
    renamed = Client.objects.get(pk=world.own_client.pk)
    renamed.name = "Bram de Wit-Jansen"
    renamed.save()
    stale.complexity = "complex"
    stale.save()  # a full save, as a model form does
    fresh = Trajectory.objects.get(pk=world.own_trajectory.pk)
    assert (fresh.complexity, fresh.client_name) == ("complex", "Bram de Wit-Jansen")


@pytest.mark.parametrize("update_fields", [None, ["client_name"], ["client_name", "phase"]])
def test_assigning_the_name_is_refused_not_dropped(world, update_fields):
    trajectory = Trajectory.objects.get(pk=world.own_trajectory.pk)
    trajectory.client_name = "Iemand anders"
    with pytest.raises(Trajectory.DerivedFieldAssigned):
        trajectory.save(update_fields=update_fields)
    assert stored_name(trajectory) == "Bram de Wit"


def test_the_name_is_never_in_the_fields_a_save_writes(world):
    trajectory = Trajectory.objects.get(pk=world.own_trajectory.pk)
    with pytest.raises(Trajectory.DerivedFieldAssigned):
        trajectory.save(update_fields=["client_name"])  # even unchanged: only Client.save changes it


def test_a_trajectory_read_again_after_a_rename_saves_normally(world):
    trajectory = Trajectory.objects.get(pk=world.own_trajectory.pk)
    world.own_client.name = "Bram de Wit-Jansen"
    world.own_client.save()
    trajectory.refresh_from_db()
    trajectory.phase = "goals"
    trajectory.save()
    assert stored_name(trajectory) == "Bram de Wit-Jansen"


def test_a_trajectory_read_without_its_name_saves_what_it_read(world):
    trajectory = Trajectory.objects.only("id", "phase", "client_id", "team_id", "organisation_id").get(
        pk=world.own_trajectory.pk
    )
    trajectory.phase = "goals"
    trajectory.save()
    fresh = Trajectory.objects.get(pk=world.own_trajectory.pk)
    assert (fresh.phase, fresh.client_name) == ("goals", "Bram de Wit")
