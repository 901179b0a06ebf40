"""Who sees the sociale kaart: it describes public services, not people, so every member of an organisation
in this deployment sees all of it; without a membership, nothing (fail closed)."""

from django.core.exceptions import PermissionDenied

from steunwerk.resources.models import Service


def services_for(actor):
    if not (actor.is_system or actor.role_by_org):
        raise PermissionDenied
    return Service.objects.select_related("provider")


def offered_services(actor):
    """Services that may be offered to a client: never defunct, inactive or temporarily closed ones."""
    if not (actor.is_system or actor.role_by_org):
        return Service.objects.none()
    return Service.objects.filter(status=Service.Status.ACTIVE).select_related("provider").order_by("name")
