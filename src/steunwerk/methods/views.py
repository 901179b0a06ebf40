from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from steunwerk.http import require_GET_or_POST
from steunwerk.methods import filters
from steunwerk.methods.access import can_edit_method, catalogue_admin_org_ids, methods_for
from steunwerk.methods.forms import MethodForm, SearchForm
from steunwerk.methods.models import Method
from steunwerk.vocab import (
    WORKING_ELEMENT_THEMES,
    Aim,
    EvidenceLevel,
    MethodDomain,
    MethodKind,
    ProblemLevel,
    TargetGroup,
    WnsBaken,
    WorkingElement,
)

LEGEND = {
    "target_groups": TargetGroup.choices,
    "problem_levels": ProblemLevel.choices,
    "aims": Aim.choices,
}


def _method_or_404(request, slug):
    for method in methods_for(request.actor):
        if method.slug == slug:
            return method
    raise Http404


@login_required
@require_safe
def method_list(request):
    """The methodewijzer: search in Dutch and filter on every classification."""
    methods = methods_for(request.actor)
    form = SearchForm(request.GET or None)
    if request.GET and not form.is_valid():
        return render(request, "methods/method_list.html", {"form": form, "methods": [], "legend": LEGEND}, status=400)
    found = filters.search(methods, form.cleaned_data if request.GET else {})
    return render(
        request,
        "methods/method_list.html",
        {
            "form": form,
            "methods": found,
            "total": len(methods),
            "legend": LEGEND,
            "can_add": bool(catalogue_admin_org_ids(request.actor)),
        },
    )


@login_required
@require_safe
def method_detail(request, slug):
    method = _method_or_404(request, slug)
    labels = {
        "target_groups": dict(TargetGroup.choices),
        "domains": dict(MethodDomain.choices),
        "bakens": dict(WnsBaken.choices),
        "elements": dict(WorkingElement.choices),
    }
    visible_slugs = {m.slug for m in methods_for(request.actor)}
    return render(
        request,
        "methods/method_detail.html",
        {
            "method": method,
            "target_groups": [labels["target_groups"][g] for g in method.target_groups if g in labels["target_groups"]],
            "domains": [labels["domains"][d] for d in method.domains if d in labels["domains"]],
            "bakens": [labels["bakens"][b] for b in method.wns_bakens if b in labels["bakens"]],
            "element_themes": [
                (theme, [labels["elements"][e] for e in codes if e in method.working_elements])
                for theme, codes in WORKING_ELEMENT_THEMES
            ],
            "related": [m for m in method.related.all() if m.slug in visible_slugs],
            "evidence_label": dict(EvidenceLevel.choices).get(method.evidence_level, ""),
            "can_edit": can_edit_method(request.actor, method),
        },
    )


def _table(methods, column_field, columns):
    rows = []
    for group, label in TargetGroup.choices:
        in_row = [
            m
            for m in methods
            if group in (m.target_groups_primary or m.target_groups) and m.kind != MethodKind.ORGANISATION_APPROACH
        ]
        cells = [[m for m in in_row if getattr(m, column_field) == value] for value, _l in columns]
        rows.append((label, cells))
    return rows


@login_required
@require_safe
def table_level(request):
    """Core table: target group × light / complex / both."""
    methods = methods_for(request.actor)
    return render(
        request,
        "methods/table.html",
        {
            "title": _("Tabel licht en complex"),
            "columns": ProblemLevel.choices,
            "certain_field": "problem_level_certain",
            "rows": _table(methods, "problem_level", ProblemLevel.choices),
            "other": "table_aim",
            "other_title": _("Tabel zelfredzaamheid en participatie"),
        },
    )


@login_required
@require_safe
def table_aim(request):
    """Core table: target group × self-reliance / participation / both."""
    methods = methods_for(request.actor)
    return render(
        request,
        "methods/table.html",
        {
            "title": _("Tabel zelfredzaamheid en participatie"),
            "columns": Aim.choices,
            "certain_field": "aim_certain",
            "rows": _table(methods, "aim", Aim.choices),
            "other": "table_level",
            "other_title": _("Tabel licht en complex"),
        },
    )


@login_required
@require_GET_or_POST
def method_edit(request, slug):
    method = _method_or_404(request, slug)
    if not can_edit_method(request.actor, method):
        return render(
            request,
            "403.html",
            {"reason": _("Alleen een beheerder van de methodewijzer kan methoden wijzigen.")},
            status=403,
        )
    method = get_object_or_404(Method, pk=method.pk)  # a fresh copy, never the shared index instance
    return _method_form(request, method)


@login_required
@require_GET_or_POST
def method_new(request):
    """A local method or intervention of the catalogue admin's own organisation."""
    admin_orgs = sorted(catalogue_admin_org_ids(request.actor))
    if not admin_orgs:
        return render(
            request,
            "403.html",
            {"reason": _("Alleen een beheerder van de methodewijzer kan methoden toevoegen.")},
            status=403,
        )
    return _method_form(request, Method(kind=MethodKind.LOCAL, organisation_id=admin_orgs[0]))


def _method_form(request, method):
    form = MethodForm(request.POST or None, instance=method)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "methods/method_form.html", {"form": form, "method": method}, status=400)
        with transaction.atomic():
            saved = form.save(commit=False)
            if not saved.slug:
                saved.slug = _unique_slug(saved.name)
            saved.save()
        messages.success(request, _("Methode opgeslagen. De vorige versie is bewaard."))
        return redirect("method", slug=saved.slug)
    return render(request, "methods/method_form.html", {"form": form, "method": method})


RESERVED_SLUGS = {"nieuw"}  # /methodewijzer/nieuw/ is the page to add a method, so no method may live there


def _unique_slug(name):
    base = slugify(name)[:70] or "methode"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or Method.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@login_required
@require_safe
def method_history(request, slug):
    method = _method_or_404(request, slug)
    versions = Method.history.filter(id=method.pk).select_related("history_user").order_by("-history_date")[:50]
    return render(request, "methods/method_history.html", {"method": method, "versions": versions})
