"""The client's network as an evaluation keeps it (``NetworkSnapshot``), to compare then and now."""

from steunwerk.clients.network_map import member_view


def snapshot_members(client):
    """The network as it is, in the form a snapshot keeps."""
    return [member_view(m) for m in client.network.all()]


def take_snapshot(trajectory, evaluation):
    """Keep the network as it is at this evaluation, so the map of then and now can be compared."""
    return trajectory.network_snapshots.create(
        evaluation=evaluation, taken_on=evaluation.date, members=snapshot_members(trajectory.client)
    )
