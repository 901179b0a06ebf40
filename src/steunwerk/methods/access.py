"""Who sees which methods: the national catalogue plus their own organisation's local methods."""

from django.core.exceptions import PermissionDenied

from steunwerk.methods.catalogue import Index
from steunwerk.methods.models import Method
from steunwerk.vocab import Role


def organisation_ids(actor):
    return set(actor.role_by_org)


def methods_for(actor):
    """Methods this actor may see. Fails closed: without a membership, nothing."""
    return methods_and_corpus_for(actor)[0]


def methods_and_corpus_for(actor):
    """Methods this actor may see, with the search corpus of the catalogue (for recommendations)."""
    methods, corpus = Index.current()
    if actor.is_system:
        return list(methods), corpus
    orgs = organisation_ids(actor)
    if not orgs:
        raise PermissionDenied
    return [m for m in methods if m.organisation_id is None or m.organisation_id in orgs], corpus


def usable_methods(actor):
    """Methods this actor may attach to a plan step, as a queryset for a form field."""
    return Method.objects.for_organisation(organisation_ids(actor)).order_by("name")


def catalogue_admin_org_ids(actor):
    user = actor.user
    if user is None:
        return set()
    return {m.organisation_id for m in user.memberships.all() if m.role == Role.CATALOGUE_ADMIN}


def can_edit_method(actor, method):
    admin_orgs = catalogue_admin_org_ids(actor)
    return bool(admin_orgs) and (method.organisation_id is None or method.organisation_id in admin_orgs)
