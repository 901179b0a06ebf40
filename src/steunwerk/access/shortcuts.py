"""View helpers: fetch client data through the access layer and write the access log in one go."""
from django.http import Http404

from steunwerk.access import log
from steunwerk.access.scope import Section, client_q, trajectory_q
from steunwerk.vocab import LogAction


def trajectory_or_404(request, pk, section=Section.PLAN, write=False, action=LogAction.READ, detail=""):
    """The trajectory if this actor may read (or change) this section of it; logs the access."""
    from steunwerk.support.models import Trajectory

    trajectory = (
        Trajectory.objects.filter(trajectory_q(request.actor, section, write), pk=pk)
        .select_related("client", "team", "team__organisation", "lead").first()
    )
    if trajectory is None:
        raise Http404
    if action:
        log.record(request.actor, action, trajectory.client_id, trajectory, detail)
    return trajectory


def client_or_404(request, pk, section=Section.IDENTITY, write=False, action=LogAction.READ, detail=""):
    from steunwerk.clients.models import Client

    client = Client.objects.filter(client_q(request.actor, section, write), pk=pk).first()
    if client is None:
        raise Http404
    if action:
        log.record(request.actor, action, client.pk, client, detail)
    return client
