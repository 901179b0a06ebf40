"""Every role × every view × own / other-team / other-organisation object: allowed or denied.

A view without a row here fails ``test_it_has_a_row_for_every_view``.
"""

import pytest
from django.urls import get_resolver, reverse

from steunwerk.access.models import Consent

ROLES = [
    "anonymous",
    "professional",
    "team_lead",
    "org_admin",
    "wmo_consultant",
    "other_team_professional",
    "other_org_professional",
    "catalogue_admin",
    "meldpunt_coordinator",
    "no_role",
]
TARGETS = ["own", "other_team", "other_org"]
CARE = {
    ("professional", "own"),
    ("team_lead", "own"),
    ("other_team_professional", "other_team"),
    ("other_org_professional", "other_org"),
}


def trajectory_id(w, target):
    return getattr(w, f"{target}_trajectory").pk


def client_id(w, target):
    return getattr(w, f"{target}_client").pk


def goal_id(w, target):
    return getattr(w, f"{target}_goal").pk


def consent_args(w, target):
    client = getattr(w, f"{target}_client")
    consent = Consent.objects.create(
        client=client,
        organisation=client.organisation,
        receiving_organisation=w.municipality,
        purpose="test",
        given_on="2026-01-01",
        recorded_by=w.professional,
    )
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
MEMBERS = CARE_ROLES | {"org_admin", "wmo_consultant", "catalogue_admin", "meldpunt_coordinator"}
PLAIN_VIEWS = {
    "caseload": MEMBERS | {"no_role"},  # everyone signed in; the list itself is scoped
    "client_new": CARE_ROLES,
    "dashboard": CARE_ROLES | {"org_admin"},  # counts only; an org admin sees the organisation's, suppressed
    "accounts": {"org_admin"},
    "methods": MEMBERS,  # the methodewijzer holds no client data, but fails closed without a role
    "table_level": MEMBERS,
    "table_aim": MEMBERS,
    "method_new": {"catalogue_admin"},
    "resources": MEMBERS,  # the sociale kaart describes services, not people, but fails closed without a role
    "partner_report": MEMBERS,
    "triage": MEMBERS | {"no_role"},  # everyone signed in; the list itself is scoped (see test_signal_view)
    "ping": MEMBERS | {"no_role"},  # trivial signed-in page for the benchmark's floor; shows nothing
}
# Public pages for reporters: no account needed.
PUBLIC_VIEWS = {"report_choose", "report", "report_status"}
# Views of one signal: only the meldpunt (coordinator of the receiving organisation) and whoever it is assigned to.
SIGNAL_VIEWS = {"signal": "get", "signal_triage": "post", "signal_decide": "post", "signal_feedback": "post"}
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
EXTRA_VIEWS = {}  # name: section, for view groups with their own tests further down


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
    from steunwerk.resources.urls import urlpatterns as resource_patterns

    names |= {p.name for p in resource_patterns}
    names -= set(EXTRA_VIEWS)  # rows kept in their own sections at the end of this file
    assert names - NOT_VIEWS - {None} == (
        set(OBJECT_VIEWS) | set(PLAIN_VIEWS) | set(METHOD_VIEWS) | set(API_VIEWS) | PUBLIC_VIEWS | set(SIGNAL_VIEWS)
    )


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
    "client_edit": set(),
    "consent_new": set(),
    "goal_new": set(),
    "goal_edit": set(),
    "access_log": set(),
    "trajectory_phase": set(),
    "monitoring_new": set(),
    "options_choose": set(),
    "consent_withdraw": set(),
    "trajectory_methods": set(),
    "attach_method": set(),
    "trajectory_situation": set(),
    "network": {"other_org_professional"},
    "network_map": {"other_org_professional"},
    "network_compare": {"other_org_professional"},
    "network_member": {"other_org_professional"},
}


def test_it_has_a_consent_row_for_every_object_view():
    assert set(CONSENT_READS) == set(OBJECT_VIEWS)


@pytest.mark.parametrize("role", ["wmo_consultant", "other_org_professional", "org_admin"])
@pytest.mark.parametrize("name", sorted(OBJECT_VIEWS))
def test_view_with_consent(client, world, name, role):
    for org in (world.municipality, world.other_org):
        Consent.objects.create(
            client=world.own_client,
            organisation=world.org,
            receiving_organisation=org,
            purpose="Wmo-aanvraag",
            given_on="2026-01-01",
            explained_to_client=True,
            recorded_by=world.professional,
        )
    method, args, _rule = OBJECT_VIEWS[name]
    response = request(client, world, role, method, reverse(name, args=args(world, "own")))
    if role in CONSENT_READS[name]:
        assert response.status_code == 200
    else:
        assert response.status_code in (403, 404)


@pytest.mark.parametrize("name", ["trajectory", "profile", "client"])
def test_withdrawn_consent_closes_the_file_again(client, world, name):
    consent = Consent.objects.create(
        client=world.own_client,
        organisation=world.org,
        receiving_organisation=world.other_org,
        purpose="overdracht",
        given_on="2026-01-01",
        recorded_by=world.professional,
    )
    method, args, _rule = OBJECT_VIEWS[name]
    url = reverse(name, args=args(world, "own"))
    client.force_login(world.other_org_professional)
    assert client.get(url).status_code == 200
    consent.withdraw()
    assert client.get(url).status_code == 404


def make_signal(w, target):
    from steunwerk.signals.models import Signal

    org = w.org if target == "own" else w.other_org
    return Signal.objects.create(
        organisation=org,
        channel="public",
        reporter_type="neighbour",
        observation="De buurvrouw komt al weken niet meer buiten.",
    )


@pytest.mark.parametrize("name", sorted(PUBLIC_VIEWS))
def test_public_view_needs_no_account(client, world, name):
    org = world.org  # has a meldpunt coordinator, so it runs a meldpunt
    args = {"report_choose": [], "report": [org.pk], "report_status": [make_signal(world, "own").receipt_code]}[name]
    response = client.get(reverse(name, args=args))
    assert response.status_code in (200, 302)
    if name == "report_status":
        assert "buurvrouw" not in response.content.decode()  # never the report's content


@pytest.mark.parametrize("target", ["own", "other_org"])
@pytest.mark.parametrize("role", ROLES + ["assigned"])
@pytest.mark.parametrize("name", sorted(SIGNAL_VIEWS))
def test_signal_view(client, world, name, role, target):
    signal = make_signal(world, target)
    if role == "assigned":
        signal.assigned_to = world.other_team_professional
        signal.save()
        client.force_login(world.other_team_professional)
    elif role != "anonymous":
        client.force_login(world.user(role))
    url = reverse(name, args=[signal.pk])
    response = client.post(url, {}) if SIGNAL_VIEWS[name] == "post" else client.get(url)
    if role == "anonymous":
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
    elif (role, target) in {("meldpunt_coordinator", "own"), ("assigned", "own")}:
        # An assignee outside the meldpunt's organisation (or who left it) has no access.
        assert response.status_code in (200, 400)
    else:
        assert response.status_code == 404


# One service of the sociale kaart: every member of any organisation reads every organisation's kaart.
RESOURCE_VIEWS = {"resource": MEMBERS}
EXTRA_VIEWS.update(dict.fromkeys(RESOURCE_VIEWS, "sociale kaart"))


def make_resource(w, target):
    from steunwerk.resources.models import Provider, Service

    owner = {"own": w.org, "other_org": w.other_org}[target]
    provider = Provider.objects.create(owner=owner, name="Buurthuis", description="Een buurthuis.")
    return Service.objects.create(owner=owner, provider=provider, name="Koffie-inloop")


@pytest.mark.parametrize("target", ["own", "other_org"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(RESOURCE_VIEWS))
def test_resource_view(client, world, name, role, target):
    response = request(client, world, role, "get", reverse(name, args=[make_resource(world, target).pk]))
    if role == "anonymous":
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
    elif role in RESOURCE_VIEWS[name]:
        assert response.status_code == 200
    else:
        assert response.status_code in (403, 404)


# The signalling network (signals/urls_network.py at /meldpunt/): cases by ID code, meldformulieren, meetings and the
# yearly report. Its own small world: a meldpunt with a core, a shell and a management partner, an organisation in
# no network, and a second meldpunt (signals/tests/network_fixtures.py).
NETWORK_ROLES = [
    "anonymous",
    "coordinator",
    "core_professional",
    "shell_professional",
    "unrelated_professional",
    "org_admin",
]


def _network_action(n):
    from steunwerk.signals.models import CaseAction

    return [
        CaseAction.objects.create(case=n.case, description="Bellen", responsible=n.core_org, due_on="2026-01-01").pk
    ]


def _network_intake(n):
    from steunwerk.signals.models import IntakeForm

    return [IntakeForm.objects.create(case=n.case, meeting=n.meeting, signals_named="Post stapelt zich op").pk]


def _network_meeting(kind, of="org"):
    def args(n):
        from steunwerk.signals.tests.network_fixtures import make_meeting

        return [make_meeting(getattr(n, of), kind=kind).pk]

    return args


COORDINATOR = {"coordinator"}
CASE_READERS = {"coordinator", "core_professional"}
# name: (method, args builder or None, roles allowed); the coordinator is of the first meldpunt, the other roles
# are partners of it (or of nothing).
NETWORK_VIEWS = {
    "cases": ("get", None, CASE_READERS),
    "case": ("get", lambda n: [n.case.pk], CASE_READERS),
    "case_action_new": ("post", lambda n: [n.case.pk], COORDINATOR),
    "case_action_done": ("post", _network_action, COORDINATOR),
    "intake_new": ("get", lambda n: [n.case.pk], COORDINATOR),
    "intake": ("get", _network_intake, CASE_READERS),
    "meetings": ("get", None, {"coordinator", "core_professional", "shell_professional"}),
    "meeting_new": ("get", None, COORDINATOR),
    "meeting": ("get", lambda n: [n.meeting.pk], CASE_READERS),
    "meeting_agreement_new": ("post", lambda n: [n.meeting.pk], COORDINATOR),
    "meeting_close": ("post", lambda n: [n.meeting.pk], COORDINATOR),
    "signals_report": ("get", None, {"coordinator", "shell_professional"}),  # shell: small numbers suppressed
}
EXTRA_VIEWS.update(dict.fromkeys(NETWORK_VIEWS, "signaleringsnetwerk"))
# The same views on other objects: a shell meeting, and the second meldpunt's case and meeting.
NETWORK_OTHER_ROWS = {
    "shell meeting": ("meeting", "get", _network_meeting("shell"), {"coordinator", "shell_professional"}),
    "management meeting": ("meeting", "get", _network_meeting("management"), COORDINATOR),
    "other meldpunt's case": ("case", "get", lambda n: [n.other_case.pk], set()),
    "other meldpunt's case, edit": ("case", "post", lambda n: [n.other_case.pk], set()),
    "other meldpunt's meeting": ("meeting", "get", _network_meeting("core", of="other_network"), set()),
    "other meldpunt's meeting, close": ("meeting_close", "post", _network_meeting("core", of="other_network"), set()),
    "other meldpunt's intake form": ("intake_new", "get", lambda n: [n.other_case.pk], set()),
}


@pytest.fixture
def network(db):
    from steunwerk.signals.tests.network_fixtures import make_network

    return make_network()


def test_it_has_a_row_for_every_network_view():
    from steunwerk.signals.urls_network import urlpatterns

    assert {p.name for p in urlpatterns} == set(NETWORK_VIEWS)


def _network_request(client, network, role, method, url, allowed_roles):
    if role != "anonymous":
        client.force_login(network.user(role))
    response = getattr(client, method)(url)
    if role == "anonymous":
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
    elif role in allowed_roles:
        assert response.status_code in (200, 302, 400), response.status_code
    else:
        assert response.status_code in (403, 404), response.status_code


@pytest.mark.parametrize("role", NETWORK_ROLES)
@pytest.mark.parametrize("name", sorted(NETWORK_VIEWS))
def test_network_view(client, network, name, role):
    method, args, allowed_roles = NETWORK_VIEWS[name]
    url = reverse(name, args=args(network)) if args else reverse(name)
    _network_request(client, network, role, method, url, allowed_roles)


@pytest.mark.parametrize("role", NETWORK_ROLES)
@pytest.mark.parametrize("row", sorted(NETWORK_OTHER_ROWS))
def test_network_view_on_other_objects(client, network, row, role):
    name, method, args, allowed_roles = NETWORK_OTHER_ROWS[row]
    _network_request(client, network, role, method, reverse(name, args=args(network)), allowed_roles)
