from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from steunwerk.access import log
from steunwerk.access.scope import Section, can_read_client_section
from steunwerk.access.shortcuts import client_and_trajectories_or_404, client_or_404
from steunwerk.accounts.models import Team
from steunwerk.clients.forms import ClientForm, ConsentForm, NewClientForm
from steunwerk.http import require_GET_or_POST
from steunwerk.vocab import LogAction


@login_required
@require_GET_or_POST
def client_new(request):
    teams = Team.objects.filter(pk__in=request.actor.care_team_ids)
    if not teams.exists():
        return render(
            request,
            "403.html",
            {"reason": _("Alleen professionals van een team kunnen cliënten aanmelden.")},
            status=403,
        )
    form = NewClientForm(request.POST or None, teams=teams)
    if request.method == "POST":
        if not form.is_valid():
            messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
            return render(request, "clients/client_form.html", {"form": form, "new": True}, status=400)
        with transaction.atomic():
            client = form.save(commit=False)
            team = form.cleaned_data["team"]
            client.organisation_id = team.organisation_id
            client.save()
            trajectory = client.trajectories.create(team=team, lead=request.user, request=form.cleaned_data["request"])
            log.record(request.actor, LogAction.CREATE, client.pk, trajectory, "cliënt en traject aangemaakt")
        messages.success(request, _("Cliënt aangemaakt. Het traject begint bij ontmoeting en kennismaking."))
        return redirect("trajectory", pk=trajectory.pk)
    return render(request, "clients/client_form.html", {"form": form, "new": True})


@login_required
@require_safe
def client_detail(request, pk):
    client, trajectories = client_and_trajectories_or_404(request, pk, detail="dossier")
    can_edit_client = any(t.team_id in request.actor.care_team_ids for t in trajectories)
    if can_edit_client:
        # A team holding one of the client's trajectories reads every section of the file, so every consent.
        consents = client.consents.all()
    else:
        # A receiving organisation sees its own consent, not to whom else the client gave one.
        consents = client.consents.visible_to(request.actor).filter(
            receiving_organisation_id__in=list(request.actor.role_by_org)
        )
    consents = consents.select_related("receiving_organisation")
    return render(
        request,
        "clients/client_detail.html",
        {
            "client": client,
            "trajectories": trajectories,
            "consents": consents,
            "can_edit": can_edit_client,
            # A team holding one of the client's trajectories reads the whole file; others are asked of the access layer.
            "network_access": can_edit_client or can_read_client_section(request.actor, client, Section.FILE),
        },
    )


@login_required
@require_GET_or_POST
def client_edit(request, pk):
    client = client_or_404(request, pk, write=True, action=None)
    form = ClientForm(request.POST or None, instance=client)
    if request.method == "POST":
        if not form.is_valid():
            messages.error(request, _("Niet opgeslagen: verbeter de gemarkeerde velden."))
            log.record(request.actor, LogAction.READ, client.pk, client, "cliëntgegevens na ongeldige invoer")
            return render(request, "clients/client_form.html", {"form": form, "client": client}, status=400)
        with transaction.atomic():
            form.save()
            log.record(
                request.actor, LogAction.UPDATE, client.pk, client, "cliëntgegevens: " + ", ".join(form.changed_data)
            )
        messages.success(request, _("Gegevens opgeslagen."))
        return redirect("client", pk=client.pk)
    log.record(request.actor, LogAction.READ, client.pk, client, "cliëntgegevens bewerken")
    return render(request, "clients/client_form.html", {"form": form, "client": client})


@login_required
@require_GET_or_POST
def consent_new(request, pk):
    client = client_or_404(request, pk, write=True, action=None)
    form = ConsentForm(request.POST or None, holder=client.organisation)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "clients/consent_form.html", {"form": form, "client": client}, status=400)
        consent = form.save(commit=False)
        consent.client, consent.organisation, consent.recorded_by = client, client.organisation, request.user
        with transaction.atomic():
            consent.save()
            log.record(
                request.actor,
                LogAction.CREATE,
                client.pk,
                consent,
                f"toestemming voor {consent.receiving_organisation.name}",
            )
        messages.success(request, _("Toestemming vastgelegd."))
        return redirect("client", pk=client.pk)
    return render(request, "clients/consent_form.html", {"form": form, "client": client})


@login_required
@require_POST
def consent_withdraw(request, pk, consent_pk):
    client = client_or_404(request, pk, write=True, action=None)
    consent = get_object_or_404(client.consents.editable_by(request.actor), pk=consent_pk, withdrawn_at__isnull=True)
    with transaction.atomic():
        consent.withdraw()
        log.record(
            request.actor,
            LogAction.UPDATE,
            client.pk,
            consent,
            f"toestemming ingetrokken voor {consent.receiving_organisation.name}",
        )
    messages.success(request, _("Toestemming ingetrokken. De andere organisatie kan het dossier niet meer inzien."))
    return redirect("client", pk=client.pk)
