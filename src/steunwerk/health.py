"""A trivial signed-in page, for health checks and as the floor the benchmark compares every scenario with."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_safe


@login_required
@require_safe
def ping(request):
    """A trivial signed-in page: the floor the benchmark compares every scenario with."""
    return HttpResponse("ok", content_type="text/plain")
