"""The address a sign-in comes from, for the lockout per address (django-axes' ``AXES_CLIENT_IP_CALLABLE``).

Without proxies (``settings.TRUSTED_PROXY_COUNT`` 0) it is the connecting address: X-Forwarded-For can be written by
anyone. Behind N reverse proxies each proxy appends the address it was connected from, so the client is the N-th
entry from the right; whatever the client wrote itself stands further left and is ignored (the rule of Werkzeug's
ProxyFix ``x_for=N``).
"""

from django.conf import settings


def client_address(request):
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        entries = [e.strip() for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if e.strip()]
        if len(entries) >= proxies:
            return entries[-proxies]
    return request.META.get("REMOTE_ADDR")
