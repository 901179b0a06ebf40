"""Synthetic data at municipal scale, through the real models with bulk inserts, deterministic per seed.

Every generated person is marked synthetic. Nothing here is a real person; names and addresses come from
Faker's Dutch locale.
"""

import random
import sys
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from faker import Faker

from steunwerk.accounts.models import Membership, Organisation, Team, User
from steunwerk.clients.models import Client, NetworkMember
from steunwerk.scale import statistics
from steunwerk.signals.models import Signal
from steunwerk.support.models import ActionPlan, Evaluation, Goal, LogbookEntry, PlanStep, Trajectory
from steunwerk.vocab import (
    Limitation,
    Load,
    OrganisationKind,
    Phase,
    Place,
    Relation,
    ReporterType,
    Role,
    StepActor,
    SupportKind,
)

ORGANISATIONS = [
    ("Synthetisch Wijkteam Noord", OrganisationKind.NEIGHBOURHOOD_TEAM, 4),
    ("Synthetisch Wijkteam Zuid", OrganisationKind.NEIGHBOURHOOD_TEAM, 4),
    ("Synthetische Cliëntondersteuning", OrganisationKind.CLIENT_SUPPORT, 3),
    ("Synthetisch Welzijn", OrganisationKind.WELFARE, 2),
]
NEIGHBOURHOODS = [
    "Centrum",
    "Noord",
    "Oost",
    "Zuid",
    "West",
    "Kruiskamp",
    "Schothorst",
    "Vathorst",
    "Nieuwland",
    "Soesterkwartier",
    "Liendert",
    "Hoogland",
]
BASE_DATE = date(2026, 1, 1)
CHUNK = 1000
# Enum .values builds a new list on every access; these are read millions of times.
PHASES, PLACES, LIMITATIONS = list(Phase.values), list(Place.values), list(Limitation.values)
RELATIONS, SUPPORT, LOADS, REPORTERS = (
    list(Relation.values),
    list(SupportKind.values),
    list(Load.values),
    list(ReporterType.values),
)
STEP_ACTORS = [
    StepActor.SELF.value,
    StepActor.NETWORK.value,
    StepActor.GENERAL_PROVISION.value,
    StepActor.PROFESSIONAL.value,
    StepActor.WMO.value,
]
STEP_TEXTS = [
    "Zelf boodschappen doen",
    "Wekelijks bellen met de buurvrouw",
    "Naar het buurthuis voor de inloop",
    "Hulp bij de administratie",
    "Huishoudelijke hulp",
    "Samen sporten met een vrijwilliger",
    "Budgetcoaching",
    "Dagbesteding twee dagen per week",
    "Afspraken in een agenda zetten",
]
GOAL_TEXTS = [
    "Mijn huis is op orde",
    "Ik heb overzicht over mijn geld",
    "Ik heb meer contact met anderen",
    "Ik heb een zinvolle dagbesteding",
    "Ik kan langer thuis blijven wonen",
    "Ik voel me veiliger thuis",
]
LOG_TEXTS = [
    "Huisbezoek; het gaat redelijk.",
    "Samen de post doorgenomen.",
    "Telefonisch contact over de afspraken.",
    "Gesprek met de mantelzorger erbij.",
    "Evaluatie van de eerste weken voorbereid.",
]


def valid_bsn(rng):
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=False))
        last = total % 11
        if last < 10 and (digits[0] or digits[1]):
            return "".join(map(str, digits)) + str(last)


def _setup_organisations():
    teams, users = [], {}
    password = make_password(None)  # unusable: synthetic staff cannot sign in unless a password is set
    for name, kind, n_teams in ORGANISATIONS:
        org, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
        for i in range(1, n_teams + 1):
            team, _ = Team.objects.get_or_create(organisation=org, name=f"Team {i}")
            username = f"synth-{org.pk}-{i}"
            user, created = User.objects.get_or_create(
                username=username, defaults={"password": password, "first_name": "Synthetisch"}
            )
            Membership.objects.get_or_create(user=user, organisation=org, team=team, role=Role.PROFESSIONAL)
            teams.append(team)
            users[team.pk] = user
        coordinator, _ = User.objects.get_or_create(
            username=f"synth-{org.pk}-meldpunt", defaults={"password": password, "first_name": "Synthetisch"}
        )
        Membership.objects.get_or_create(user=coordinator, organisation=org, role=Role.MELDPUNT_COORDINATOR)
        admin, _ = User.objects.get_or_create(
            username=f"synth-{org.pk}-beheer", defaults={"password": password, "first_name": "Synthetisch"}
        )
        Membership.objects.get_or_create(user=admin, organisation=org, role=Role.ORG_ADMIN)
    return teams, users


def generate(clients, seed=1, progress=None):
    rng = random.Random(seed)
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    teams, users = _setup_organisations()
    counts = dict.fromkeys(["clients", "trajectories", "goals", "steps", "log", "network", "evaluations", "signals"], 0)
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=OFF")
    done = 0
    while done < clients:
        n = min(CHUNK, clients - done)
        with transaction.atomic():
            _chunk(n, rng, fake, teams, users, counts)
        done += n
        if progress:
            progress(done, clients)
    finish_load()
    return counts


class Ids:
    """Hands out primary keys per model, so rows can be inserted in one statement and still refer to each other."""

    def __init__(self):
        self.next = {}

    def __call__(self, model):
        if model not in self.next:
            last = model._default_manager.order_by("-pk").values_list("pk", flat=True).first() or 0
            self.next[model] = last + 1
        value = self.next[model]
        self.next[model] = value + 1
        return value


def _chunk(n, rng, fake, teams, users, counts):
    ids = Ids()
    clients, trajectories, goals, plans, steps, logs, evaluations, network, signals = ([] for _ in range(9))
    for _ in range(n):
        team = rng.choice(teams)
        client_id, org_id, lead_id = ids(Client), team.organisation_id, users[team.pk].pk
        neighbourhood, name = rng.choice(NEIGHBOURHOODS), fake.name()
        clients.append(
            {
                "id": client_id,
                "organisation_id": org_id,
                "name": name,
                "date_of_birth": BASE_DATE - timedelta(days=rng.randint(18 * 365, 95 * 365)),
                "bsn": valid_bsn(rng),
                "street_address": fake.street_address(),
                "postcode": fake.postcode(),
                "city": fake.city(),
                "neighbourhood": neighbourhood,
                "limitations": rng.sample(LIMITATIONS, rng.randint(1, 2)),
                "synthetic": True,
            }
        )
        for _ in range(rng.randint(0, 6)):
            network.append(
                {
                    "id": ids(NetworkMember),
                    "organisation_id": org_id,
                    "client_id": client_id,
                    "name": fake.first_name(),
                    "relation": rng.choice(RELATIONS),
                    "support": [rng.choice(SUPPORT)],
                    "load": rng.choice(LOADS),
                }
            )
        if rng.random() < 0.1:
            signal_id = ids(Signal)
            signals.append(
                {
                    "id": signal_id,
                    "organisation_id": org_id,
                    "channel": "public",
                    "reporter_type": rng.choice(REPORTERS),
                    "neighbourhood": neighbourhood,
                    "receipt_code": f"G{signal_id:09d}",  # unique by id; real codes never contain 0 or 1
                    "observation": "Gegenereerde melding: buren maken zich zorgen.",
                }
            )
        for _ in range(rng.randint(1, 3)):
            t_id = ids(Trajectory)
            started = BASE_DATE - timedelta(days=rng.randint(0, 900))
            closed = rng.random() < 0.3
            trajectories.append(
                {
                    "id": t_id,
                    "organisation_id": org_id,
                    "client_id": client_id,
                    "client_name": name,
                    "team_id": team.pk,
                    "lead_id": lead_id,
                    "phase": rng.choice(PHASES),
                    "status": "closed" if closed else "open",
                    "started_on": started,
                    "closed_on": started + timedelta(days=rng.randint(30, 400)) if closed else None,
                    "request": "Gegenereerd traject.",
                }
            )
            own_plans = []
            for priority in range(1, rng.randint(2, 5) + 1):
                goal_id, plan_id = ids(Goal), ids(ActionPlan)
                goals.append(
                    {
                        "id": goal_id,
                        "organisation_id": org_id,
                        "trajectory_id": t_id,
                        "priority": priority,
                        "intended_result": rng.choice(GOAL_TEXTS),
                    }
                )
                plans.append(
                    {
                        "id": plan_id,
                        "organisation_id": org_id,
                        "goal_id": goal_id,
                        "drawn_up_on": started,
                        "evaluation_on": started + timedelta(days=90),
                        "updated_by_id": lead_id,
                    }
                )
                own_plans.append(plan_id)
            for order in range(1, rng.randint(3, 10) + 1):
                actor = rng.choice(STEP_ACTORS)
                steps.append(
                    {
                        "id": ids(PlanStep),
                        "organisation_id": org_id,
                        "plan_id": own_plans[order % len(own_plans)],
                        "order": order,
                        "description": rng.choice(STEP_TEXTS),
                        "actor": actor,
                    }
                )
            for _ in range(rng.randint(10, 50)):
                logs.append(
                    {
                        "id": ids(LogbookEntry),
                        "organisation_id": org_id,
                        "trajectory_id": t_id,
                        "date": started + timedelta(days=rng.randint(0, 300)),
                        "place": rng.choice(PLACES),
                        "notes": rng.choice(LOG_TEXTS),
                        "author_id": lead_id,
                    }
                )
            if rng.random() < 0.5:
                evaluations.append(
                    {
                        "id": ids(Evaluation),
                        "organisation_id": org_id,
                        "trajectory_id": t_id,
                        "author_id": lead_id,
                        "date": started + timedelta(days=90),
                        "went_well": "Gegenereerde evaluatie.",
                    }
                )
    # Parents before children, so foreign keys hold at every statement (PostgreSQL checks them immediately).
    for model, rows, key in (
        (Client, clients, "clients"),
        (Trajectory, trajectories, "trajectories"),
        (Goal, goals, "goals"),
        (ActionPlan, plans, None),
        (PlanStep, steps, "steps"),
        (LogbookEntry, logs, "log"),
        (Evaluation, evaluations, "evaluations"),
        (NetworkMember, network, "network"),
        (Signal, signals, "signals"),
    ):
        fast_insert(model, rows)
        if key:
            counts[key] += len(rows)


def finish_load():
    """After a bulk load: move PostgreSQL's sequences past the explicit ids, and refresh the planner's
    statistics (as autovacuum would later), so queries are planned for the data that is there now."""
    from django.core.management.color import no_style

    models = [Client, Trajectory, Goal, ActionPlan, PlanStep, LogbookEntry, Evaluation, NetworkMember, Signal]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
    if not connection.in_atomic_block:
        # On PostgreSQL VACUUM also marks the freshly written pages all-visible, which index-only scans (the
        # Overzicht's counts) need; autovacuum would get there later, a benchmark right after a load would not.
        statistics.refresh(connection.alias, full=True)


def fast_insert(model, rows):
    """Insert plain rows into a model's table in one executemany. For the two biggest tables (logbook, plan
    steps): building a model instance per row costs more than the insert itself. Columns and defaults come from
    the model's own field definitions, so the rows are exactly what the ORM would write."""
    if not rows:
        return
    from django.utils import timezone

    fields = [
        f for f in model._meta.concrete_fields if (not f.primary_key or f.attname in rows[0]) and not f.generated
    ]  # the database computes those
    now = timezone.now()
    defaults = {}
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            defaults[f.attname] = now
        elif f.has_default():
            defaults[f.attname] = f.get_default()
        elif f.null:
            defaults[f.attname] = None
        else:
            defaults[f.attname] = ""
    ops = connection.ops
    adapt = {}
    for f in fields:
        kind = f.get_internal_type()
        adapt[f.attname] = (
            ops.adapt_datefield_value
            if kind == "DateField"
            else ops.adapt_datetimefield_value
            if kind == "DateTimeField"
            else (lambda value, field=f: field.get_db_prep_save(value, connection))
            if kind == "JSONField"
            else None
        )
    defaults = {
        name: adapt[name](value) if adapt[name] and value is not None else value for name, value in defaults.items()
    }
    names = [f.attname for f in fields]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    values = []
    for row in rows:
        record = []
        for name in names:
            if name in row:
                value = row[name]
                if adapt[name] is not None and value is not None:
                    value = adapt[name](value)
            else:
                value = defaults[name]
            record.append(value)
        values.append(record)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows in one command: several times faster than even a pipelined executemany.
            with cursor.cursor.copy(
                f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
            ) as copy:
                for record in values:
                    copy.write_row(record)
        else:
            cursor.executemany(sql, values)


def print_progress(done, total, stream=sys.stderr):
    width = 40
    filled = int(width * done / total)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} cliënten")
    if done == total:
        stream.write("\n")
    stream.flush()
