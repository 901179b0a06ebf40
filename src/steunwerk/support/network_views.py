"""How the client's network changed: the network at an evaluation (a snapshot in the file) next to the network now."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from steunwerk.access.scope import Section
from steunwerk.access.shortcuts import client_or_404
from steunwerk.clients.network_map import compare, render_svg
from steunwerk.support.models import NetworkSnapshot


@login_required
@require_safe
def network_compare(request, pk):
    """The network at an evaluation next to the network now."""
    client = client_or_404(request, pk, section=Section.FILE, detail="netwerk vergelijken")
    snapshots = list(
        NetworkSnapshot.objects.visible_to(request.actor).filter(trajectory__client=client).select_related("evaluation")
    )
    chosen = request.GET.get("moment")
    snapshot = next((s for s in snapshots if str(s.pk) == chosen), snapshots[0] if snapshots else None)
    if chosen and (snapshot is None or str(snapshot.pk) != chosen):
        raise Http404
    members = list(client.network.all())
    context = {"client": client, "snapshots": snapshots, "snapshot": snapshot}
    if snapshot:
        context.update(
            {
                "svg_then": mark_safe(
                    render_svg(
                        client.name,
                        snapshot.members,
                        _("Netwerk op %(date)s") % {"date": snapshot.taken_on.strftime("%d-%m-%Y")},
                    )
                ),
                "svg_now": mark_safe(render_svg(client.name, members, _("Netwerk nu"))),
                "changes": compare(snapshot.members, members),
            }
        )
    return render(request, "clients/network_compare.html", context)
