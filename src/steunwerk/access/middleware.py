from django.utils.functional import SimpleLazyObject

from steunwerk.access.scope import Actor


class ActorMiddleware:
    """Attaches ``request.actor``: the signed-in user with their memberships, loaded once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.actor = SimpleLazyObject(lambda: Actor.for_user(request.user))
        return self.get_response(request)
