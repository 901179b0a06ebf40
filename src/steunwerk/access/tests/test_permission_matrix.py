"""Every role × every view × own / other-team / other-organisation object: allowed or denied.

A view without a row here fails ``test_it_has_a_row_for_every_view``.
"""
import pytest
from django.urls import get_resolver, reverse

from steunwerk.access.models import Consent

ROLES = ["anonymous", "professional", "team_lead", "org_admin", "wmo_consultant", "other_team_professional",
         "other_org_professional", "catalogue_admin", "no_role"]
TARGETS = ["own", "other_team", "other_org"]
CARE = {("professional", "own"), ("team_lead", "own"), ("other_team_professional", "other_team"),
        ("other_org_professional", "other_org")}


def trajectory_id(w, target):
    return getattr(w, f"{target}_trajectory").pk


def client_id(w, target):
    return getattr(w, f"{target}_client").pk


def goal_id(w, target):
    return getattr(w, f"{target}_goal").pk


def consent_args(w, target):
    client = getattr(w, f"{target}_client")
    consent = Consent.objects.create(client=client, organisation=client.organisation, receiving_organisation=w.municipality,
                                     purpose="test", given_on="2026-01-01", recorded_by=w.professional)
    # Recorded for the municipality, so it does not widen anybody's view in this matrix.
    return [client.pk, consent.pk]


def member_args(w, target):
    from steunwerk.clients.models import NetworkMember

    client = getattr(w, f"{target}_client")
    return [client.pk, NetworkMember.objects.create(client=client, name="Buurman", relation="neighbour").pk]


# name: (method, args builder or None, who is allowed: "care", "lead", a set of roles (for views without an object))
OBJECT_VIEWS = {
    "client": ("get", lambda w, t: [client_id(w, t)], "care"),
    "client_edit": ("get", lambda w, t: [client_id(w, t)], "care"),
    "consent_new": ("get", lambda w, t: [client_id(w, t)], "care"),
    "consent_withdraw": ("post", consent_args, "care"),
    "access_log": ("get", lambda w, t: [client_id(w, t)], "lead"),
    "trajectory": ("get", lambda w, t: [trajectory_id(w, t)], "care"),
    "trajectory_phase": ("post", lambda w, t: [trajectory_id(w, t)], "care"),
    "monitoring_new": ("post", lambda w, t: [trajectory_id(w, t)], "care"),
    "profile": ("get", lambda w, t: [trajectory_id(w, t)], "care"),
    "quality": ("get", lambda w, t: [trajectory_id(w, t)], "care"),
    "goal_new": ("get", lambda w, t: [trajectory_id(w, t)], "care"),
    "logbook": ("get", lambda w, t: [trajectory_id(w, t)], "care"),
    "evaluations": ("get", lambda w, t: [trajectory_id(w, t)], "care"),
    "trajectory_export": ("get", lambda w, t: [trajectory_id(w, t)], "care"),
    "plan_print": ("get", lambda w, t: [trajectory_id(w, t)], "care"),
    "goal_edit": ("get", lambda w, t: [goal_id(w, t)], "care"),
    "options": ("get", lambda w, t: [goal_id(w, t)], "care"),
    "options_choose": ("post", lambda w, t: [goal_id(w, t)], "care"),
    "plan_edit": ("get", lambda w, t: [goal_id(w, t)], "care"),
    "plan_versions": ("get", lambda w, t: [goal_id(w, t)], "care"),
    "trajectory_methods": ("get", lambda w, t: [trajectory_id(w, t)], "care"),
    "trajectory_situation": ("post", lambda w, t: [trajectory_id(w, t)], "care"),
    "network": ("get", lambda w, t: [client_id(w, t)], "care"),
    "network_map": ("get", lambda w, t: [client_id(w, t)], "care"),
    "network_compare": ("get", lambda w, t: [client_id(w, t)], "care"),
    "network_member": ("get", member_args, "care"),
    "attach_method": ("post", lambda w, t: [trajectory_id(w, t)], "care"),
}
CARE_ROLES = {"professional", "team_lead", "other_team_professional", "other_org_professional"}
MEMBERS = CARE_ROLES | {"org_admin", "wmo_consultant", "catalogue_admin"}
PLAIN_VIEWS = {
    "caseload": MEMBERS | {"no_role"},  # everyone signed in; the list itself is scoped
    "client_new": CARE_ROLES,
    "accounts": {"org_admin"},
    "methods": MEMBERS,  # the methodewijzer holds no client data, but fails closed without a role
    "table_level": MEMBERS,
    "table_aim": MEMBERS,
    "method_new": {"catalogue_admin"},
}
# Views of one method of the national catalogue.
METHOD_VIEWS = {
    "method": MEMBERS,
    "method_history": MEMBERS,
    "method_edit": {"catalogue_admin"},
}
# REST endpoints: same rules; anonymous gets 401/403 instead of a redirect to the sign-in page.
API_VIEWS = {
    "api_schema": ("get", None, MEMBERS),
    "api_methods": ("get", None, MEMBERS),
    "api_method": ("get", ["fact"], MEMBERS),
    "api_methods_recommend": ("post", None, MEMBERS),
}
NOT_VIEWS = {"home", "login", "logout"}


def allowed(rule, role, target):
    if rule == "care":
        return (role, target) in CARE
    if rule == "lead":
        return (role, target) == ("team_lead", "own")
    raise AssertionError(rule)


def request(client, w, role, method, url):
    if role != "anonymous":
        client.force_login(w.user(role))
    return getattr(client, method)(url)


def test_it_has_a_row_for_every_view():
    names = {p.name for p in get_resolver().url_patterns if getattr(p, "name", None)}
    from steunwerk.api.urls import urlpatterns as api_patterns

    names |= {p.name for p in api_patterns}
    assert names - NOT_VIEWS - {None} == set(OBJECT_VIEWS) | set(PLAIN_VIEWS) | set(METHOD_VIEWS) | set(API_VIEWS)


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(OBJECT_VIEWS))
def test_object_view(client, world, name, role, target):
    method, args, rule = OBJECT_VIEWS[name]
    response = request(client, world, role, method, reverse(name, args=args(world, target)))
    if role == "anonymous":
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
    elif allowed(rule, role, target):
        assert response.status_code in (200, 302, 400), response.status_code
    else:
        assert response.status_code in (403, 404), response.status_code


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(PLAIN_VIEWS))
def test_plain_view(client, world, name, role):
    response = request(client, world, role, "get", reverse(name))
    if role == "anonymous":
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
    elif role in PLAIN_VIEWS[name]:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(METHOD_VIEWS))
def test_method_view(client, world, name, role):
    response = request(client, world, role, "get", reverse(name, args=["fact"]))
    if role == "anonymous":
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
    elif role in METHOD_VIEWS[name]:
        assert response.status_code == 200
    else:
        assert response.status_code in (403, 404)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(API_VIEWS))
def test_api_view(client, world, name, role):
    method, args, allowed_roles = API_VIEWS[name]
    if role != "anonymous":
        client.force_login(world.user(role))
    url = reverse(name, args=args) if args else reverse(name)
    response = client.post(url, {}, content_type="application/json") if method == "post" else client.get(url)
    if role in allowed_roles:
        assert response.status_code == 200
    else:
        assert response.status_code in (401, 403)


# With a recorded consent, another organisation reads (never changes); a municipal Wmo consultant reads only
# what an application needs: identity and plan, not the profile, the logbook or the evaluations.
CONSENT_READS = {
    "client": {"wmo_consultant", "other_org_professional"},
    "trajectory": {"wmo_consultant", "other_org_professional"},
    "plan_print": {"wmo_consultant", "other_org_professional"},
    "options": {"wmo_consultant", "other_org_professional"},
    "plan_versions": {"wmo_consultant", "other_org_professional"},
    "plan_edit": {"wmo_consultant", "other_org_professional"},  # GET shows the plan; saving is a write
    "profile": {"other_org_professional"},
    "quality": {"other_org_professional"},
    "logbook": {"other_org_professional"},
    "evaluations": {"other_org_professional"},
    "trajectory_export": {"other_org_professional"},
    "client_edit": set(), "consent_new": set(), "goal_new": set(), "goal_edit": set(), "access_log": set(),
    "trajectory_phase": set(), "monitoring_new": set(), "options_choose": set(), "consent_withdraw": set(),
    "trajectory_methods": set(), "attach_method": set(), "trajectory_situation": set(),
    "network": {"other_org_professional"}, "network_map": {"other_org_professional"},
    "network_compare": {"other_org_professional"}, "network_member": {"other_org_professional"},
}


def test_it_has_a_consent_row_for_every_object_view():
    assert set(CONSENT_READS) == set(OBJECT_VIEWS)


@pytest.mark.parametrize("role", ["wmo_consultant", "other_org_professional", "org_admin"])
@pytest.mark.parametrize("name", sorted(OBJECT_VIEWS))
def test_view_with_consent(client, world, name, role):
    for org in (world.municipality, world.other_org):
        Consent.objects.create(client=world.own_client, organisation=world.org, receiving_organisation=org,
                               purpose="Wmo-aanvraag", given_on="2026-01-01", explained_to_client=True,
                               recorded_by=world.professional)
    method, args, _rule = OBJECT_VIEWS[name]
    response = request(client, world, role, method, reverse(name, args=args(world, "own")))
    if role in CONSENT_READS[name]:
        assert response.status_code == 200
    else:
        assert response.status_code in (403, 404)


@pytest.mark.parametrize("name", ["trajectory", "profile", "client"])
def test_withdrawn_consent_closes_the_file_again(client, world, name):
    consent = Consent.objects.create(client=world.own_client, organisation=world.org, receiving_organisation=world.other_org,
                                     purpose="overdracht", given_on="2026-01-01", recorded_by=world.professional)
    method, args, _rule = OBJECT_VIEWS[name]
    url = reverse(name, args=args(world, "own"))
    client.force_login(world.other_org_professional)
    assert client.get(url).status_code == 200
    consent.withdraw()
    assert client.get(url).status_code == 404
