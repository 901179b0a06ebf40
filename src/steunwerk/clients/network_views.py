"""The client's network: who is around them, drawn as a map, and how it changed between evaluations."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from steunwerk.access import log
from steunwerk.access.scope import Section, editable, get_editable_or_404, unique_or_none, visible
from steunwerk.access.shortcuts import client_or_404
from steunwerk.clients.forms import NetworkMemberForm
from steunwerk.clients.models import Client, NetworkMember
from steunwerk.clients.network_map import compare, member_view, render_svg
from steunwerk.support.models import NetworkSnapshot, PlanStep
from steunwerk.vocab import LogAction


def _members(client):
    return list(client.network.all())


def _snapshots(request, client):
    return visible(NetworkSnapshot, request.actor).filter(trajectory__client=client).select_related("evaluation")


@login_required
def network(request, pk):
    write = request.method == "POST"
    client = client_or_404(request, pk, section=Section.FILE, write=write,
                           action=None if write else LogAction.READ, detail="netwerk")
    form = NetworkMemberForm(request.POST or None)
    if write:
        if not form.is_valid():
            messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
            return render(request, "clients/network.html", _context(request, client, form), status=400)
        with transaction.atomic():
            member = form.save(commit=False)
            member.client = client
            member.save()
            log.record(request.actor, LogAction.CREATE, client.pk, member, "netwerklid toegevoegd")
        messages.success(request, _("%(name)s toegevoegd aan het netwerk.") % {"name": member.name})
        return redirect("network", pk=client.pk)
    return render(request, "clients/network.html", _context(request, client, form))


def _context(request, client, form):
    members = _members(client)
    can_edit = editable(Client, request.actor).filter(pk=client.pk).exists()
    return {
        "client": client, "members": members, "form": form, "can_edit": can_edit,
        "svg": mark_safe(render_svg(client.name, members, _("Netwerkkaart van %(name)s") % {"name": client.name})),
        "snapshots": _snapshots(request, client),
    }


@login_required
def network_member_edit(request, pk, member_pk):
    write = request.method == "POST"
    client = client_or_404(request, pk, section=Section.FILE, write=write, action=None)
    member = get_editable_or_404(NetworkMember, request.actor, pk=member_pk, client=client) if write else \
        unique_or_none(visible(NetworkMember, request.actor).filter(pk=member_pk, client=client))
    if member is None:
        raise Http404
    form = NetworkMemberForm(request.POST or None, instance=member)
    # Only the steps of plans this actor may see: the client may have a trajectory with another team as well.
    context = {"client": client, "member": member, "form": form,
               "steps": visible(PlanStep, request.actor).filter(network_member=member).order_by("order", "id"),
               "can_edit": editable(NetworkMember, request.actor).filter(pk=member.pk).exists()}
    if write:
        if not form.is_valid():
            messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
            return render(request, "clients/network_member_form.html", context, status=400)
        with transaction.atomic():
            form.save()
            log.record(request.actor, LogAction.UPDATE, client.pk, member, "netwerklid: " + ", ".join(form.changed_data))
        messages.success(request, _("Netwerk bijgewerkt."))
        return redirect("network", pk=client.pk)
    log.record(request.actor, LogAction.READ, client.pk, member, "netwerklid")
    return render(request, "clients/network_member_form.html", context)


@login_required
def network_map(request, pk):
    """The map on its own (image/svg+xml), e.g. to save or print."""
    client = client_or_404(request, pk, section=Section.FILE, detail="netwerkkaart")
    svg = render_svg(client.name, _members(client), _("Netwerkkaart van %(name)s") % {"name": client.name})
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


@login_required
def network_compare(request, pk):
    """The network at an evaluation next to the network now."""
    client = client_or_404(request, pk, section=Section.FILE, detail="netwerk vergelijken")
    snapshots = list(_snapshots(request, client))
    chosen = request.GET.get("moment")
    snapshot = next((s for s in snapshots if str(s.pk) == chosen), snapshots[0] if snapshots else None)
    if chosen and (snapshot is None or str(snapshot.pk) != chosen):
        raise Http404
    members = _members(client)
    context = {"client": client, "snapshots": snapshots, "snapshot": snapshot}
    if snapshot:
        context.update({
            "svg_then": mark_safe(render_svg(client.name, snapshot.members,
                                             _("Netwerk op %(date)s") % {"date": snapshot.taken_on.strftime("%d-%m-%Y")})),
            "svg_now": mark_safe(render_svg(client.name, members, _("Netwerk nu"))),
            "changes": compare(snapshot.members, members),
        })
    return render(request, "clients/network_compare.html", context)


def snapshot_members(client):
    """The network as it is, in the form a snapshot keeps."""
    return [member_view(m) for m in client.network.all()]
