"""View helpers: fetch client data through the access layer and write the access log in one go."""

from django.apps import apps
from django.shortcuts import get_object_or_404

from steunwerk.access import log
from steunwerk.access.scope import TRAJECTORY, Section
from steunwerk.vocab import LogAction

CLIENT = "clients.Client"


def trajectory_or_404(
    request, pk, section=Section.PLAN, write=False, action=LogAction.READ, detail="", related=("client", "team", "lead")
):
    """The trajectory if this actor may read (or change) this section of it; logs the access. ``related``: what is
    read along with it (a page that shows only the client's name leaves the client out: the trajectory keeps a
    copy of the name)."""
    trajectories = apps.get_model(TRAJECTORY).objects
    # Changing a trajectory is for the team holding it, which reads every section of it.
    scoped = trajectories.editable_by(request.actor) if write else trajectories.visible_to(request.actor, section)
    trajectory = get_object_or_404(scoped.select_related(*related), pk=pk)
    if action:
        log.record(request.actor, action, trajectory.client_id, trajectory, detail)
    return trajectory


def client_or_404(request, pk, section=Section.IDENTITY, write=False, action=LogAction.READ, detail=""):
    clients = apps.get_model(CLIENT).objects
    scoped = clients.editable_by(request.actor) if write else clients.visible_to(request.actor, section)
    client = get_object_or_404(scoped, pk=pk)
    if action:
        log.record(request.actor, action, client.pk, client, detail)
    return client


def client_and_trajectories_or_404(request, pk, detail=""):
    """The client and the trajectories of theirs this actor may see, logged as one read of the client.

    Whoever may see one of a client's trajectories may see the client (a team holding it, or an organisation the
    client gave consent), so the trajectories are asked for first and bring the client along: one simple query
    where a separate visibility check of the client would be a second, heavier one. A client with no trajectory
    the actor sees goes through client_or_404 as before."""
    trajectories = list(
        apps.get_model(TRAJECTORY)
        .objects.visible_to(request.actor)
        .filter(client_id=pk)
        .select_related("client", "team")
        .only("started_on", "phase", "status", "team__name", "client")
    )
    if not trajectories:
        return client_or_404(request, pk, detail=detail), []
    client = trajectories[0].client
    log.record(request.actor, LogAction.READ, client.pk, client, detail)
    return client, trajectories
