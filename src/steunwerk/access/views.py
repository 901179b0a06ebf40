from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from steunwerk.access import log
from steunwerk.access.models import AccessLogEntry
from steunwerk.access.scope import can_view_access_log
from steunwerk.access.shortcuts import client_or_404
from steunwerk.vocab import LogAction


@login_required
@require_safe
def access_log(request, pk):
    """Who looked at or changed this client's file: for the team lead, and to show the client."""
    client = client_or_404(request, pk, action=None)
    if not can_view_access_log(request.actor, client):
        return render(
            request, "403.html", {"reason": _("Alleen de teamleider kan het toegangslog inzien.")}, status=403
        )
    # Log first: the page is counted before it is read, so a row written in between would push one off the page.
    log.record(request.actor, LogAction.READ, client.pk, client, "toegangslog")
    entries = AccessLogEntry.objects.filter(client_id=client.pk).select_related("user")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "access/access_log.html", {"client": client, "page": page})
