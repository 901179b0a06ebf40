"""The client's network: who is around them, drawn as a map. How it changed between evaluations is
support.network_views (the snapshots are taken at an evaluation)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from steunwerk.access import log
from steunwerk.access.scope import Section
from steunwerk.access.shortcuts import client_or_404
from steunwerk.clients.forms import NetworkMemberForm
from steunwerk.clients.models import Client, NetworkMember
from steunwerk.clients.network_map import render_svg
from steunwerk.http import require_GET_or_POST
from steunwerk.vocab import LogAction


def _members(client):
    return list(client.network.all())


@login_required
@require_GET_or_POST
def network(request, pk):
    write = request.method == "POST"
    client = client_or_404(
        request, pk, section=Section.FILE, write=write, action=None if write else LogAction.READ, detail="netwerk"
    )
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
    can_edit = Client.objects.editable_by(request.actor).filter(pk=client.pk).exists()
    return {
        "client": client,
        "members": members,
        "form": form,
        "can_edit": can_edit,
        "svg": mark_safe(render_svg(client.name, members, _("Netwerkkaart van %(name)s") % {"name": client.name})),
        # Is there a moment to compare with: a network snapshot (taken at an evaluation, in the file) of one of the
        # client's trajectories this actor may read the file of?
        "can_compare": client.trajectories.visible_to(request.actor, Section.FILE)
        .filter(network_snapshots__isnull=False)
        .exists(),
    }


@login_required
@require_GET_or_POST
def network_member_edit(request, pk, member_pk):
    write = request.method == "POST"
    client = client_or_404(request, pk, section=Section.FILE, write=write, action=None)
    members = client.network.editable_by(request.actor) if write else client.network.visible_to(request.actor)
    member = get_object_or_404(members, pk=member_pk)
    form = NetworkMemberForm(request.POST or None, instance=member)
    # Only the steps of plans this actor may see: the client may have a trajectory with another team as well.
    context = {
        "client": client,
        "member": member,
        "form": form,
        "steps": member.plan_steps.visible_to(request.actor),
        "can_edit": NetworkMember.objects.editable_by(request.actor).filter(pk=member.pk).exists(),
    }
    if write:
        if not form.is_valid():
            messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
            return render(request, "clients/network_member_form.html", context, status=400)
        with transaction.atomic():
            form.save()
            log.record(
                request.actor, LogAction.UPDATE, client.pk, member, "netwerklid: " + ", ".join(form.changed_data)
            )
        messages.success(request, _("Netwerk bijgewerkt."))
        return redirect("network", pk=client.pk)
    log.record(request.actor, LogAction.READ, client.pk, member, "netwerklid")
    return render(request, "clients/network_member_form.html", context)


@login_required
@require_safe
def network_map(request, pk):
    """The map on its own (image/svg+xml), e.g. to save or print."""
    client = client_or_404(request, pk, section=Section.FILE, detail="netwerkkaart")
    svg = render_svg(client.name, _members(client), _("Netwerkkaart van %(name)s") % {"name": client.name})
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
