"""Shared fixtures: a small world with every role, and clients in the own team, another team and another
organisation, so each test can say who may see what."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.core.cache import cache

from steunwerk.accounts.models import Membership, Organisation, Team, User
from steunwerk.clients.models import Client
from steunwerk.support.models import ActionPlan, Goal, PlanStep, Trajectory
from steunwerk.vocab import OrganisationKind, Role, StepActor

PASSWORD = "correct-horse-battery"


@dataclass
class World:
    org: Organisation
    other_org: Organisation
    municipality: Organisation
    team: Team
    other_team: Team
    other_org_team: Team
    professional: User
    team_lead: User
    org_admin: User
    wmo_consultant: User
    other_team_professional: User
    other_org_professional: User
    no_role: User
    catalogue_admin: User
    meldpunt_coordinator: User
    own_client: Client
    own_trajectory: Trajectory
    other_team_client: Client
    other_team_trajectory: Trajectory
    other_org_client: Client
    other_org_trajectory: Trajectory
    own_goal: Goal
    other_team_goal: Goal
    other_org_goal: Goal

    def user(self, role_name):
        return getattr(self, role_name)


def make_user(username, org=None, team=None, role=None):
    user = User.objects.create_user(username=username, password=PASSWORD, first_name=username.title())
    if role:
        Membership.objects.create(user=user, organisation=org, team=team, role=role)
    return user


def make_trajectory(org, team, name, lead=None, **client_fields):
    client = Client.objects.create(organisation=org, name=name, **client_fields)
    return client, Trajectory.objects.create(client=client, team=team, lead=lead)


def make_goal_with_plan(trajectory, user):
    goal = Goal.objects.create(trajectory=trajectory, intended_result="Huishouden op orde", priority=1)
    plan = ActionPlan.objects.create(
        goal=goal, drawn_up_on=date(2026, 6, 1), evaluation_on=date(2026, 9, 1), updated_by=user
    )
    PlanStep.objects.create(plan=plan, order=1, actor=StepActor.SELF, description="Zelf de was doen")
    return goal


@pytest.fixture
def world(db):
    org = Organisation.objects.create(name="Wijkteam Oost", kind=OrganisationKind.NEIGHBOURHOOD_TEAM)
    other_org = Organisation.objects.create(name="MEE West", kind=OrganisationKind.CLIENT_SUPPORT)
    municipality = Organisation.objects.create(name="Gemeente Oost", kind=OrganisationKind.MUNICIPALITY)
    team = Team.objects.create(organisation=org, name="Team A")
    other_team = Team.objects.create(organisation=org, name="Team B")
    other_org_team = Team.objects.create(organisation=other_org, name="Team W")
    professional = make_user("professional", org, team, Role.PROFESSIONAL)
    own_client, own_trajectory = make_trajectory(
        org, team, "Bram de Wit", professional, bsn="111222333", date_of_birth=date(1999, 5, 14)
    )
    other_team_professional = make_user("other_team_professional", org, other_team, Role.PROFESSIONAL)
    other_org_professional = make_user("other_org_professional", other_org, other_org_team, Role.PROFESSIONAL)
    other_team_client, other_team_trajectory = make_trajectory(org, other_team, "Kees van Dam", other_team_professional)
    other_org_client, other_org_trajectory = make_trajectory(
        other_org, other_org_team, "Lotte Bakker", other_org_professional
    )
    return World(
        org=org,
        other_org=other_org,
        municipality=municipality,
        team=team,
        other_team=other_team,
        other_org_team=other_org_team,
        professional=professional,
        team_lead=make_user("team_lead", org, team, Role.TEAM_LEAD),
        org_admin=make_user("org_admin", org, None, Role.ORG_ADMIN),
        wmo_consultant=make_user("wmo_consultant", municipality, None, Role.WMO_CONSULTANT),
        other_team_professional=other_team_professional,
        other_org_professional=other_org_professional,
        no_role=make_user("no_role"),
        catalogue_admin=make_user("catalogue_admin", org, None, Role.CATALOGUE_ADMIN),
        meldpunt_coordinator=make_user("meldpunt_coordinator", org, None, Role.MELDPUNT_COORDINATOR),
        own_client=own_client,
        own_trajectory=own_trajectory,
        other_team_client=other_team_client,
        other_team_trajectory=other_team_trajectory,
        other_org_client=other_org_client,
        other_org_trajectory=other_org_trajectory,
        own_goal=make_goal_with_plan(own_trajectory, professional),
        other_team_goal=make_goal_with_plan(other_team_trajectory, other_team_professional),
        other_org_goal=make_goal_with_plan(other_org_trajectory, other_org_professional),
    )


@pytest.fixture
def login(client):
    """login(user) signs the Django test client in as that user and returns it."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture(autouse=True)
def empty_cache():
    """Test databases reuse ids, so what one test left in a cache (the Overzicht's counts) must not reach the next."""
    cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
