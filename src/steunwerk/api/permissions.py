from rest_framework.permissions import BasePermission


class HasMembership(BasePermission):
    """Signed in and member of an organisation: the API fails closed like the rest of the access layer."""

    message = "U heeft geen rol in een organisatie."

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and user.memberships.exists())
