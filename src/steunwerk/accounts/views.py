from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from steunwerk.accounts.forms import NewAccountForm
from steunwerk.accounts.models import Membership, Organisation
from steunwerk.http import require_GET_or_POST


def _admin_organisation(request):
    org_ids = request.actor.admin_org_ids
    return Organisation.objects.filter(pk__in=org_ids).first() if org_ids else None


@login_required
@require_GET_or_POST
def accounts(request):
    """Organisation admin: the accounts of their organisation. Admins manage accounts, not client files."""
    organisation = _admin_organisation(request)
    if organisation is None:
        return render(
            request, "403.html", {"reason": _("Alleen een organisatiebeheerder beheert accounts.")}, status=403
        )
    memberships = (
        Membership.objects.filter(organisation=organisation).select_related("user", "team").order_by("user__username")
    )
    form = NewAccountForm(request.POST or None, organisation=organisation)
    if request.method == "POST":
        if not form.is_valid():
            return render(
                request,
                "accounts/accounts.html",
                {"organisation": organisation, "memberships": memberships, "form": form},
                status=400,
            )
        with transaction.atomic():
            user = form.save(commit=False)
            user.set_password(form.cleaned_data["password"])
            user.save()
            Membership.objects.create(
                user=user, organisation=organisation, team=form.cleaned_data["team"], role=form.cleaned_data["role"]
            )
        messages.success(request, _("Account %(name)s aangemaakt.") % {"name": user.username})
        return redirect("accounts")
    return render(
        request, "accounts/accounts.html", {"organisation": organisation, "memberships": memberships, "form": form}
    )
