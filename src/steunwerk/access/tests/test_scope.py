"""The access layer (access/scope.py, signals/access.py): who sees and who changes which rows. It must fail
closed."""

from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404

from steunwerk.access.actor import Actor
from steunwerk.access.models import AccessLogEntry, Consent
from steunwerk.access.scope import Section, can_view_access_log, editable, visible
from steunwerk.accounts.models import Membership, Organisation
from steunwerk.clients.models import Client, NetworkMember
from steunwerk.support.models import (
    Evaluation,
    Goal,
    ImportantWish,
    LogbookEntry,
    MonitoringCheck,
    NetworkSnapshot,
    Option,
    PhaseChange,
    PlanVersion,
    ProfileEntry,
    QualityEntry,
    Trajectory,
)
from steunwerk.vocab import OrganisationKind, Phase, Place, Role

SCOPED_MODELS = [m for m in apps.get_models() if getattr(m, "access_scope", None) is not None]
# Rows of a client's file (through a trajectory or a client). Signalling rows follow their own rule (see the end).
FILE_MODELS = [m for m in SCOPED_MODELS if m.access_scope.signal is None]
SIGNAL_MODELS = [m for m in SCOPED_MODELS if m.access_scope.signal is not None]

ROLES = [
    "professional",
    "team_lead",
    "org_admin",
    "wmo_consultant",
    "other_team_professional",
    "other_org_professional",
    "no_role",
]
# Which of the three fixture files (own team, other team, other organisation) each role works in.
HOLDS = {
    "professional": {"own"},
    "team_lead": {"own"},
    "org_admin": set(),
    "wmo_consultant": set(),
    "other_team_professional": {"other_team"},
    "other_org_professional": {"other_org"},
    "no_role": set(),
}


def actor(world, role):
    return Actor.for_user(world.user(role))


def ids(queryset):
    return set(queryset.values_list("pk", flat=True))


def per_target(world, attr):
    return {t: getattr(world, f"{t}_{attr}").pk for t in ("own", "other_team", "other_org")}


def give_consent(world, receiver, client=None):
    client = client or world.own_client
    return Consent.objects.create(
        client=client,
        organisation=client.organisation,
        receiving_organisation=receiver,
        purpose="Wmo-aanvraag",
        given_on=date(2026, 1, 1),
        explained_to_client=True,
        recorded_by=world.professional,
    )


# One row of every model that declares access_scope, in the own team's file. A new scoped model needs a line here
# (test_it_has_a_row_for_every_scoped_model), so the fail-closed tests below can never pass on an empty table.
def _rows(world):
    t, goal, user = world.own_trajectory, world.own_goal, world.professional
    welfare = Organisation.objects.create(name="Welzijn Oost", kind=OrganisationKind.WELFARE)
    consent = Consent.objects.create(
        client=world.own_client,
        organisation=world.org,
        receiving_organisation=welfare,
        purpose="oud",
        given_on=date(2025, 1, 1),
        explained_to_client=True,
        recorded_by=user,
    )
    consent.withdraw()  # a row that exists, without giving anybody access
    wish = ImportantWish.objects.create(trajectory=t, rank=1, text="Zelf koken", recorded_by=user)
    return {
        "access.Consent": consent,
        "clients.Client": world.own_client,
        "support.Trajectory": t,
        "support.PhaseChange": PhaseChange.objects.create(
            trajectory=t, from_phase=Phase.MEETING, to_phase=Phase.INFORMATION, changed_by=user
        ),
        "support.MonitoringCheck": MonitoringCheck.objects.create(
            trajectory=t, phase=Phase.MEETING, relationship="ok", activities="ok", connection="ok", checked_by=user
        ),
        "support.ProfileEntry": ProfileEntry.objects.create(
            trajectory=t, domain="housing", aspect="current", text="Woont alleen", recorded_by=user
        ),
        "support.ImportantWish": wish,
        "support.QualityEntry": QualityEntry.objects.create(
            trajectory=t, dimension="emotional", aspect="wishes", text="Rust", recorded_by=user
        ),
        "support.Goal": goal,
        "support.Option": Option.objects.create(goal=goal, text="Kookcursus"),
        "support.ActionPlan": goal.plan,
        "support.PlanStep": goal.plan.steps.first(),
        "support.PlanVersion": PlanVersion.objects.create(plan=goal.plan, number=1, snapshot={}, saved_by=user),
        "support.LogbookEntry": LogbookEntry.objects.create(
            trajectory=t, place=Place.HOME, notes="Kennismaking", author=user
        ),
        "support.Evaluation": Evaluation.objects.create(trajectory=t, went_well="Goed", author=user),
        "clients.NetworkMember": NetworkMember.objects.create(
            client=world.own_client, name="Buurman Henk", relation="neighbour"
        ),
        "support.NetworkSnapshot": NetworkSnapshot.objects.create(trajectory=t, members=[]),
        **_signal_rows(world),
    }


def _signal_rows(world):
    """A signal at the own organisation's meldpunt that became a network case, with feedback, an agreement and a
    meldformulier. Nobody is assigned, so only the meldpunt coordinator sees it."""
    from steunwerk.signals.models import CaseAction, IntakeForm, NetworkCase, NetworkMeeting, Signal, SignalFeedback

    signal = Signal.objects.create(
        organisation=world.org,
        channel="phone",
        reporter_type="neighbour",
        observation="De post stapelt zich op.",
        person_consulted=True,
        status="network_case",
    )
    case = NetworkCase.objects.create(organisation=world.org, signal=signal, code="SN-2026-0001")
    meeting = NetworkMeeting.objects.create(organisation=world.org, kind="core", date=date(2026, 9, 1))
    return {
        "signals.Signal": signal,
        "signals.SignalFeedback": SignalFeedback.objects.create(
            signal=signal, message="Dank u wel.", written_by=world.meldpunt_coordinator
        ),
        "signals.NetworkCase": case,
        "signals.CaseAction": CaseAction.objects.create(
            case=case, description="Huisbezoek", responsible=world.org, due_on=date(2026, 9, 15)
        ),
        "signals.IntakeForm": IntakeForm.objects.create(case=case, meeting=meeting, signals_named="Post stapelt op"),
    }


@pytest.fixture
def rows(world):
    return _rows(world)


def test_it_finds_the_scoped_models():
    labels = {m._meta.label for m in SCOPED_MODELS}
    assert {"clients.Client", "access.Consent", "support.Trajectory", "support.LogbookEntry"} <= labels


def test_it_has_a_row_for_every_scoped_model(rows):
    assert {m._meta.label for m in SCOPED_MODELS} == set(rows)


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda m: m._meta.label)
def test_it_shows_a_user_without_membership_nothing(world, rows, model):
    assert visible(model, Actor.system()).filter(pk=rows[model._meta.label].pk).exists()  # the row is there
    nobody = Actor.for_user(world.no_role)
    assert not visible(model, nobody).exists()
    assert not editable(model, nobody).exists()


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda m: m._meta.label)
def test_it_shows_anonymous_and_inactive_users_nothing(world, rows, model):
    world.professional.is_active = False
    world.professional.save()
    for somebody in (Actor.for_user(AnonymousUser()), Actor.for_user(None), Actor.for_user(world.professional)):
        assert not visible(model, somebody).exists()
        assert not editable(model, somebody).exists()


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda m: m._meta.label)
def test_it_shows_an_org_admin_no_client_file(world, rows, model):
    assert not visible(model, actor(world, "org_admin")).exists()


@pytest.mark.parametrize("model", FILE_MODELS, ids=lambda m: m._meta.label)
def test_it_shows_the_own_team_every_row(world, rows, model):
    row = rows[model._meta.label]
    for role in ("professional", "team_lead"):
        assert visible(model, actor(world, role)).filter(pk=row.pk).exists()
    assert not visible(model, actor(world, "other_team_professional")).filter(pk=row.pk).exists()
    assert not visible(model, actor(world, "other_org_professional")).filter(pk=row.pk).exists()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("attr, model", [("trajectory", Trajectory), ("client", Client), ("goal", Goal)])
def test_it_scopes_visible_and_editable_by_role(world, role, attr, model):
    expected = {pk for t, pk in per_target(world, attr).items() if t in HOLDS[role]}
    assert ids(visible(model, actor(world, role))) == expected
    assert ids(editable(model, actor(world, role))) == expected


def test_it_lets_the_system_see_and_change_everything(world):
    system = Actor.system()
    assert ids(visible(Trajectory, system)) == set(per_target(world, "trajectory").values())
    assert ids(editable(Client, system)) == set(per_target(world, "client").values())


def test_it_gives_a_team_lead_of_two_teams_both(world):
    Membership.objects.create(user=world.team_lead, organisation=world.org, team=world.other_team, role=Role.TEAM_LEAD)
    lead = actor(world, "team_lead")
    expected = {world.own_trajectory.pk, world.other_team_trajectory.pk}
    assert ids(visible(Trajectory, lead)) == expected
    assert ids(editable(Trajectory, lead)) == expected


@pytest.mark.parametrize("model", FILE_MODELS, ids=lambda m: m._meta.label)
def test_it_gives_a_wmo_consultant_with_consent_plan_and_identity_but_not_the_file(world, rows, model):
    give_consent(world, world.municipality)
    row = rows[model._meta.label]
    consultant = actor(world, "wmo_consultant")
    seen = visible(model, consultant).filter(pk=row.pk).exists()
    if model.access_scope.section in (Section.IDENTITY, Section.PLAN):
        assert seen
    else:
        assert model.access_scope.section == Section.FILE
        assert not seen
    assert not editable(model, consultant).exists()


def test_it_classifies_the_file_sections_as_the_book_does():
    file = {m._meta.label for m in SCOPED_MODELS if m.access_scope.section == Section.FILE}
    assert {
        "support.ProfileEntry",
        "support.QualityEntry",
        "support.ImportantWish",
        "support.LogbookEntry",
        "support.Evaluation",
        "support.MonitoringCheck",
    } <= file
    plan = {m._meta.label for m in SCOPED_MODELS if m.access_scope.section == Section.PLAN}
    assert {"support.Trajectory", "support.Goal", "support.ActionPlan", "support.PlanStep"} <= plan


@pytest.mark.parametrize("model", FILE_MODELS, ids=lambda m: m._meta.label)
def test_it_gives_another_organisations_professional_with_consent_the_whole_file_read_only(world, rows, model):
    give_consent(world, world.other_org)
    row = rows[model._meta.label]
    reader = actor(world, "other_org_professional")
    assert visible(model, reader).filter(pk=row.pk).exists()
    assert not editable(model, reader).filter(pk=row.pk).exists()


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=lambda m: m._meta.label)
def test_it_never_makes_a_row_editable_through_consent(world, rows, model):
    give_consent(world, world.other_org)
    give_consent(world, world.municipality)
    for role in ("wmo_consultant", "other_org_professional", "org_admin", "no_role"):
        assert not editable(model, actor(world, role)).filter(pk=rows[model._meta.label].pk).exists()


def test_it_opens_only_the_consented_client(world):
    give_consent(world, world.municipality)
    consultant = actor(world, "wmo_consultant")
    assert ids(visible(Trajectory, consultant)) == {world.own_trajectory.pk}
    assert ids(visible(Client, consultant)) == {world.own_client.pk}


def test_it_gives_consent_only_to_the_organisation_named(world):
    give_consent(world, world.municipality)
    assert not visible(Client, actor(world, "other_org_professional")).filter(pk=world.own_client.pk).exists()


def test_it_closes_again_when_consent_is_withdrawn(world):
    consent = give_consent(world, world.municipality)
    consent.withdraw()
    assert not visible(Trajectory, actor(world, "wmo_consultant")).exists()
    assert not visible(Goal, actor(world, "wmo_consultant")).exists()


@pytest.mark.parametrize(
    "model", [Organisation, AccessLogEntry, apps.get_model("clients", "HistoricalClient")], ids=lambda m: m._meta.label
)
def test_it_refuses_a_model_without_access_scope(world, model):
    with pytest.raises(TypeError, match="declares no access_scope"):
        visible(model, actor(world, "professional"))
    with pytest.raises(TypeError):
        editable(model, Actor.system())


def test_it_raises_404_for_rows_out_of_scope(world):
    professional = actor(world, "professional")
    trajectories = Trajectory.objects
    assert get_object_or_404(trajectories.visible_to(professional), pk=world.own_trajectory.pk) == world.own_trajectory
    for other in (world.other_team_trajectory, world.other_org_trajectory):
        with pytest.raises(Http404):
            get_object_or_404(trajectories.visible_to(professional), pk=other.pk)
    give_consent(world, world.other_org)
    reader = actor(world, "other_org_professional")
    assert get_object_or_404(trajectories.visible_to(reader), pk=world.own_trajectory.pk) == world.own_trajectory
    with pytest.raises(Http404):
        get_object_or_404(trajectories.editable_by(reader), pk=world.own_trajectory.pk)


@pytest.mark.parametrize(
    "role, allowed",
    [
        ("team_lead", True),
        ("professional", False),
        ("org_admin", False),
        ("other_team_professional", False),
        ("wmo_consultant", False),
    ],
)
def test_it_lets_only_the_team_lead_see_the_access_log(world, role, allowed):
    give_consent(world, world.municipality)
    assert can_view_access_log(actor(world, role), world.own_client) is allowed


# Signalling rows: the meldpunt's coordinators and whoever the signal is assigned to; network cases (and their
# agreements and meldformulieren) also read-only for the professionals of the network's core partners. A client's
# consent never opens them.


def test_it_finds_the_signalling_models():
    assert {m._meta.label for m in SIGNAL_MODELS} == {
        "signals.Signal",
        "signals.SignalFeedback",
        "signals.NetworkCase",
        "signals.CaseAction",
        "signals.IntakeForm",
    }


@pytest.mark.parametrize("model", SIGNAL_MODELS, ids=lambda m: m._meta.label)
def test_it_shows_signalling_rows_to_the_meldpunt_coordinator_only(world, rows, model):
    row = rows[model._meta.label]
    coordinator = actor(world, "meldpunt_coordinator")
    assert visible(model, coordinator).filter(pk=row.pk).exists()
    assert editable(model, coordinator).filter(pk=row.pk).exists()
    for role in ("professional", "team_lead", "other_team_professional", "other_org_professional", "wmo_consultant"):
        assert not visible(model, actor(world, role)).exists(), role


@pytest.mark.parametrize("model", SIGNAL_MODELS, ids=lambda m: m._meta.label)
def test_it_shows_signalling_rows_to_the_person_assigned(world, rows, model):
    rows["signals.Signal"].assigned_to = world.professional  # a professional of the meldpunt's own organisation
    rows["signals.Signal"].save()
    assignee = actor(world, "professional")
    assert visible(model, assignee).filter(pk=rows[model._meta.label].pk).exists()
    assert editable(model, assignee).filter(pk=rows[model._meta.label].pk).exists()


@pytest.mark.parametrize("model", SIGNAL_MODELS, ids=lambda m: m._meta.label)
def test_it_ignores_an_assignment_to_someone_outside_the_meldpunt_organisation(world, rows, model):
    rows["signals.Signal"].assigned_to = world.other_org_professional
    rows["signals.Signal"].save()
    outsider = actor(world, "other_org_professional")
    assert not visible(model, outsider).filter(pk=rows[model._meta.label].pk).exists()


@pytest.mark.parametrize("model", SIGNAL_MODELS, ids=lambda m: m._meta.label)
def test_it_lets_core_partners_read_cases_but_not_signals(world, rows, model):
    from steunwerk.signals.models import NetworkPartner

    NetworkPartner.objects.create(network=world.org, partner=world.other_org, role="core")
    partner = actor(world, "other_org_professional")
    seen = visible(model, partner).filter(pk=rows[model._meta.label].pk).exists()
    assert seen is (model.access_scope.section == Section.CASE)
    assert not editable(model, partner).exists()


@pytest.mark.parametrize("role", ["shell", "management"])
@pytest.mark.parametrize("model", SIGNAL_MODELS, ids=lambda m: m._meta.label)
def test_it_shows_shell_and_management_partners_no_signalling_rows(world, rows, model, role):
    from steunwerk.signals.models import NetworkPartner

    NetworkPartner.objects.create(network=world.org, partner=world.other_org, role=role)
    assert not visible(model, actor(world, "other_org_professional")).exists()


@pytest.mark.parametrize("model", SIGNAL_MODELS, ids=lambda m: m._meta.label)
def test_it_never_opens_signalling_rows_through_consent(world, rows, model):
    give_consent(world, world.other_org)
    give_consent(world, world.municipality)
    for role in ("wmo_consultant", "other_org_professional"):
        assert not visible(model, actor(world, role)).exists()


# The QuerySet API itself: the same rule on a model's manager, on a related manager and through the aliases.


def test_related_managers_scope_too(world):
    give_consent(world, world.municipality)
    consultant = actor(world, "wmo_consultant")
    assert list(world.own_client.trajectories.visible_to(consultant)) == [world.own_trajectory]
    assert list(world.own_trajectory.goals.visible_to(consultant)) == [world.own_goal]
    assert not world.own_trajectory.goals.editable_by(consultant).exists()
    assert not world.other_team_client.trajectories.visible_to(consultant).exists()
    assert list(world.own_trajectory.goals.editable_by(actor(world, "professional"))) == [world.own_goal]


def test_the_aliases_are_the_managers(world):
    professional = actor(world, "professional")
    assert ids(visible(Goal, professional)) == ids(Goal.objects.visible_to(professional)) == {world.own_goal.pk}
    assert ids(editable(Client, professional)) == ids(Client.objects.editable_by(professional))


def test_a_section_asked_for_narrows_the_declared_one_and_never_widens_it(world, rows):
    give_consent(world, world.municipality)
    consultant = actor(world, "wmo_consultant")
    assert Trajectory.objects.visible_to(consultant).exists()  # the plan, through the consent
    assert not Trajectory.objects.visible_to(consultant, Section.FILE).exists()  # not the file
    assert Client.objects.visible_to(consultant, Section.PLAN).exists()  # identity and plan open alike
    with pytest.raises(TypeError):
        LogbookEntry.objects.visible_to(consultant, Section.PLAN)  # a plan reader may not read the logbook
    from steunwerk.signals.models import NetworkCase, Signal

    with pytest.raises(TypeError):
        Signal.objects.visible_to(consultant, Section.CASE)  # a signal is not opened as a case
    with pytest.raises(TypeError):
        NetworkCase.objects.visible_to(consultant, Section.FILE)  # nor a case as a client's file
