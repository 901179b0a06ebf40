from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from steunwerk.resources.access import services_for
from steunwerk.resources.forms import SearchForm
from steunwerk.resources.models import Service
from steunwerk.resources.search import search, wijken, with_details
from steunwerk.vocab import MethodDomain, TargetGroup


def _mark_checks(services):
    today = timezone.localdate()
    for service in services:
        service.check_due = service.needs_check(today)
    return services


def _labels(codes, choices):
    labels = dict(choices)
    return [labels[c] for c in codes if c in labels]


@login_required
@require_safe
def resource_list(request):
    """The sociale kaart: the provisions that may be offered (never inactive or defunct ones), searchable in
    Dutch and filtered by wijk, life domain and target group."""
    offered = list(
        with_details(services_for(request.actor).filter(status=Service.Status.ACTIVE).order_by("name", "id"))
    )
    form = SearchForm(request.GET or None, wijken=wijken(offered))
    context = {"form": form, "total": len(offered)}
    if request.GET and not form.is_valid():
        return render(request, "resources/resource_list.html", {**context, "services": []}, status=400)
    found = search(offered, **form.cleaned_data) if request.GET else offered
    return render(request, "resources/resource_list.html", {**context, "services": _mark_checks(found)})


@login_required
@require_safe
def resource_detail(request, pk):
    service = with_details(services_for(request.actor)).filter(pk=pk).first()
    if service is None:
        raise Http404
    _mark_checks([service])
    return render(
        request,
        "resources/resource_detail.html",
        {
            "service": service,
            "domains": _labels(service.domains, MethodDomain.choices),
            "target_groups": _labels(service.target_groups, TargetGroup.choices),
        },
    )
