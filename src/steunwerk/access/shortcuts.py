"""View helpers: fetch client data through the access layer and write the access log in one go."""
from django.http import Http404

from steunwerk.access import log
from steunwerk.access.scope import Section, client_q, trajectory_q, unique_or_none
from steunwerk.vocab import LogAction


def trajectory_or_404(request, pk, section=Section.PLAN, write=False, action=LogAction.READ, detail="",
                      related=("client", "team", "lead")):
    """The trajectory if this actor may read (or change) this section of it; logs the access. ``related``: what is
    read along with it (a page that shows only the client's name leaves the client out: the trajectory keeps a
    copy of the name)."""
    from steunwerk.support.models import Trajectory

    trajectory = unique_or_none(
        Trajectory.objects.filter(trajectory_q(request.actor, section, write), pk=pk).select_related(*related))
    if trajectory is None:
        raise Http404
    if action:
        log.record(request.actor, action, trajectory.client_id, trajectory, detail)
    return trajectory


def client_or_404(request, pk, section=Section.IDENTITY, write=False, action=LogAction.READ, detail=""):
    from steunwerk.clients.models import Client

    client = unique_or_none(Client.objects.filter(client_q(request.actor, section, write), pk=pk))
    if client is None:
        raise Http404
    if action:
        log.record(request.actor, action, client.pk, client, detail)
    return client


def client_and_trajectories_or_404(request, pk, detail=""):
    """The client and the trajectories of theirs this actor may see, logged as one read of the client.

    Whoever may see one of a client's trajectories may see the client (a team holding it, or an organisation the
    client gave consent), so the trajectories are asked for first and bring the client along: one simple query
    where a separate visibility check of the client would be a second, heavier one. A client with no trajectory
    the actor sees goes through client_or_404 as before."""
    from steunwerk.support.models import Trajectory

    # Only what the dossier lists of each trajectory; one or a few rows, so they are sorted here (an ORDER BY costs
    # Django more to compile than it saves).
    rows = (Trajectory.objects.filter(trajectory_q(request.actor, Section.PLAN), client_id=pk).order_by()
            .select_related("client", "team").only("started_on", "phase", "status", "team__name", "client"))
    trajectories = sorted(rows, key=lambda t: (t.started_on, t.pk), reverse=True)
    if not trajectories:
        return client_or_404(request, pk, detail=detail), []
    client = trajectories[0].client
    log.record(request.actor, LogAction.READ, client.pk, client, detail)
    return client, trajectories
