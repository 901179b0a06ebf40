"""Which HTTP methods a view serves. A function view answers only the methods it is written for; anything else
gets 405 (Django's ``require_http_methods``), so PUT or DELETE is never treated as a GET."""

from django.views.decorators.http import require_http_methods

# A page with a form: shown with GET (and HEAD), saved with POST.
require_GET_or_POST = require_http_methods(["GET", "HEAD", "POST"])  # noqa: N816 (named like Django's require_GET)
