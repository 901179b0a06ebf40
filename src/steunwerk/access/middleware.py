from django.utils.functional import SimpleLazyObject

from steunwerk.access.actor import Actor


class NoStoreMiddleware:
    """Pages for signed-in users may hold client data: browsers on shared workstations must not keep them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response


class ActorMiddleware:
    """Attaches ``request.actor``: the signed-in user with their memberships, loaded once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.actor = SimpleLazyObject(lambda: Actor.for_user(request.user))
        return self.get_response(request)
