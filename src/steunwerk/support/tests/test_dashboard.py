"""Overzicht: counts per phase, team, complexity, plan-step actor and year; org-wide for an organisation admin with
small numbers hidden; never anyone's name; counted once in a short while per set of teams (the cache)."""

import re
from datetime import date
from html import unescape

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from steunwerk.access.actor import Actor
from steunwerk.access.models import AccessLogEntry
from steunwerk.clients.models import Client
from steunwerk.support.access import countable_teams
from steunwerk.support.models import ActionPlan, Goal, PlanStep, Trajectory
from steunwerk.vocab import Phase, StepActor

URL = "/overzicht/"


@pytest.fixture(autouse=True)
def count_on_every_visit(settings):
    """These tests change data between visits; the cache has its own tests at the end."""
    settings.OVERVIEW_CACHE_SECONDS = 0


PHASES = "Lopende trajecten per team en fase"
SITUATION = "Lopende trajecten naar complexiteit en waarop ze gericht zijn"
LADDER = "Stappen in de plannen van lopende trajecten: wie doet het"
ZEROS = ["0"] * 4


def year():
    return timezone.localdate().year


def add(team, n=1, steps=(), **fields):
    """n trajectories in this team (each with a client of its own), with a plan holding these step actors."""
    made = []
    for _i in range(n):
        client = Client.objects.create(organisation=team.organisation, name=f"Cliënt {Client.objects.count() + 1}")
        trajectory = Trajectory.objects.create(client=client, team=team, **fields)
        if steps:
            goal = Goal.objects.create(trajectory=trajectory, intended_result="Weer buiten komen")
            plan = ActionPlan.objects.create(goal=goal, evaluation_on=date(2100, 1, 1), updated_by=_someone())
            for actor in steps:  # one by one, as the plan form saves them
                PlanStep.objects.create(plan=plan, actor=actor, description="Stap")
        made.append(trajectory)
    return made


def _someone():
    from steunwerk.accounts.models import User

    return User.objects.get(username="professional")


def add_steps(goal, *actors):
    for actor in actors:
        PlanStep.objects.create(plan=goal.plan, actor=actor, description="Stap")


def _text(fragment):
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def table(response, caption):
    """The table with this caption as the reader sees it: (column headers, {row header: [cells]})."""
    for body in re.findall(r"<table[^>]*>(.*?)</table>", response.content.decode(), flags=re.S):
        if _text(re.search(r"<caption>(.*?)</caption>", body, flags=re.S).group(1)).startswith(caption):
            headers = [_text(h) for h in re.findall(r'<th scope="col">(.*?)</th>', body, flags=re.S)]
            rows = {}
            for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", body.split("<tbody>")[1], flags=re.S):
                rows[_text(re.search(r'<th scope="row">(.*?)</th>', tr, flags=re.S).group(1))] = [
                    _text(td) for td in re.findall(r"<td>(.*?)</td>", tr, flags=re.S)
                ]
            return headers, rows
    raise AssertionError(f"no table {caption!r}")


def test_it_counts_open_trajectories_per_phase_for_a_team_lead(world, login):
    add(world.team, 2, phase=Phase.GOALS)
    add(world.team, 1, phase=Phase.EXECUTION)
    add(world.team, 3, phase=Phase.GOALS, status=Trajectory.Status.CLOSED, closed_on=date(year(), 1, 2))
    add(world.other_team, 4, phase=Phase.GOALS)  # another team of the same organisation
    response = login(world.team_lead).get(URL)
    assert response.status_code == 200
    headers, rows = table(response, PHASES)
    assert headers == [
        "Team",
        "1. Ontmoeting en kennismaking",
        "2. Informatie verzamelen, ordenen en analyseren",
        "3. Doelen stellen",
        "4. Plan maken",
        "5. Plan uitvoeren",
        "6. Monitoren, evalueren en bijstellen",
        "Totaal",
    ]
    # Exact numbers: a team lead can open each of these files anyway.
    assert rows == {"Team A": ["1", "0", "2", "0", "1", "0", "4"], "Totaal": ["1", "0", "2", "0", "1", "0", "4"]}
    assert "kleine aantallen" not in response.content.decode()


def test_it_counts_open_trajectories_per_complexity_and_aim(world, login):
    add(world.team, 2, complexity="complex", aim="participatie")
    add(world.team, 1, complexity="licht", aim="beide")
    add(world.team, 1, complexity="licht", status=Trajectory.Status.CLOSED)
    headers, rows = table(login(world.professional).get(URL), SITUATION)
    assert headers == [
        "Complexiteit",
        "Zelfredzaamheid",
        "Participatie",
        "Zowel zelfredzaamheid als participatie",
        "Niet ingevuld",
        "Totaal",
    ]
    assert rows == {
        "Licht": ["0", "0", "1", "0", "1"],
        "Complex": ["0", "2", "0", "0", "2"],
        "Niet ingevuld": ["0", "0", "0", "1", "1"],
        "Totaal": ["0", "2", "1", "1", "4"],
    }


def test_it_counts_the_plan_steps_of_open_trajectories_per_actor_with_shares(world, login):
    add_steps(world.own_goal, StepActor.NETWORK, StepActor.NETWORK, StepActor.WMO)  # plus the fixture's own step
    add(world.team, steps=[StepActor.PROFESSIONAL], status=Trajectory.Status.CLOSED)  # closed: not counted
    add_steps(world.other_team_goal, StepActor.OTHER_LAW)  # another team: not counted
    headers, rows = table(login(world.team_lead).get(URL), LADDER)
    assert headers == ["Wie doet het", "Stappen", "Aandeel"]
    assert rows == {
        "Cliënt zelf (eigen kracht)": ["1", "25%"],
        "Iemand uit het netwerk": ["2", "50%"],
        "Algemene voorziening": ["0", "0%"],
        "Professional": ["0", "0%"],
        "Wmo-aanvraag (maatwerkvoorziening)": ["1", "25%"],
        "Andere wet (Wlz, Zvw, Jeugdwet, Participatiewet)": ["0", "0%"],
        "Totaal": ["4", "100%"],
    }


def test_it_counts_trajectories_started_and_closed_this_year(world, login):
    y = year()
    add(world.team, 1, started_on=date(y - 1, 3, 1), status=Trajectory.Status.CLOSED, closed_on=date(y, 1, 2))
    add(world.team, 1, started_on=date(y - 1, 3, 1), status=Trajectory.Status.CLOSED, closed_on=date(y - 1, 6, 1))
    add(world.team, 1, started_on=date(y - 1, 3, 1))
    add(world.team, 1, started_on=date(y, 1, 1))
    headers, rows = table(login(world.team_lead).get(URL), f"Trajecten gestart en afgesloten in {y}")
    assert headers == ["Team", f"Gestart in {y}", f"Afgesloten in {y}"]
    assert rows == {"Team A": ["2", "1"], "Totaal": ["2", "1"]}  # the fixture's trajectory starts today


def test_it_shows_an_organisation_admin_the_whole_organisation_with_small_numbers_hidden(world, login):
    add(world.other_team, 6, phase=Phase.MEETING)
    add(world.other_team, 5, phase=Phase.GOALS)
    add(world.other_org_team, 7, phase=Phase.GOALS)  # another organisation: never counted
    client = login(world.org_admin)
    response = client.get(URL)
    assert response.status_code == 200
    _headers, rows = table(response, PHASES)
    # Team A's single trajectory is "<5"; in its column and in the totals column the one other number would give
    # it away, so that is hidden too ("x"). The other organisation's team is not there.
    assert rows == {
        "Team A": ["<5", "0", "0", "0", "0", "0", "<5"],
        "Team B": ["x", "0", "5", "0", "0", "0", "x"],
        "Totaal": ["8", "0", "5", "0", "0", "0", "13"],
    }
    _headers, ladder = table(response, LADDER)
    assert ladder["Cliënt zelf (eigen kracht)"] == ["<5", "<5"]  # the share would give the number away
    page = _text(response.content.decode())
    assert "kleine aantallen (1 tot en met 4)" in page.lower()
    for name in ("Bram de Wit", "Kees van Dam", "Lotte Bakker", "Cliënt 1"):
        assert name not in page
    # Counting is not reading: the files stay closed to an organisation admin.
    assert client.get(reverse("client", args=[world.own_client.pk])).status_code == 404
    assert client.get(reverse("trajectory", args=[world.other_team_trajectory.pk])).status_code == 404


def test_it_never_counts_another_organisations_trajectories(world, login):
    add(world.team, 9)
    _headers, rows = table(login(world.other_org_professional).get(URL), PHASES)
    assert rows == {"Team W": ["1", "0", "0", "0", "0", "0", "1"], "Totaal": ["1", "0", "0", "0", "0", "0", "1"]}


def test_it_does_not_count_what_a_consent_shows(world, login, give_consent):
    give_consent(world.other_org)  # other_org_professional may now read the own client's file, not count it
    _headers, rows = table(login(world.other_org_professional).get(URL), PHASES)
    assert rows["Totaal"][-1] == "1"


@pytest.mark.parametrize("role", ["wmo_consultant", "catalogue_admin", "meldpunt_coordinator", "no_role"])
def test_it_refuses_roles_that_count_nothing(world, login, role):
    response = login(world.user(role)).get(URL)
    assert response.status_code == 403
    assert "Lopende trajecten" not in response.content.decode()


def test_it_sends_an_anonymous_visitor_to_the_sign_in_page(client, world):
    response = client.get(URL)
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_it_links_the_page_only_for_who_may_open_it(world, login):
    assert f'href="{URL}"' in login(world.org_admin).get(reverse("caseload")).content.decode()
    assert f'href="{URL}"' in login(world.professional).get(reverse("caseload")).content.decode()
    assert f'href="{URL}"' not in login(world.wmo_consultant).get(reverse("caseload")).content.decode()


def test_it_writes_one_access_log_row_per_view(world, login):
    client = login(world.org_admin)
    before = AccessLogEntry.objects.count()
    client.get(URL)
    assert AccessLogEntry.objects.count() == before + 1
    row = AccessLogEntry.objects.latest("id")
    assert row.user == world.org_admin and row.client_id is None
    assert row.detail == "overzicht: aantallen over 2 team(s) (kleine aantallen afgeschermd)"


@pytest.mark.parametrize("role", ["team_lead", "org_admin"])
def test_it_costs_the_same_queries_for_3_and_30_trajectories(world, login, role):
    client = login(world.user(role))
    everything = [StepActor.SELF, StepActor.NETWORK, StepActor.WMO]
    add(world.team, 2, steps=everything, phase=Phase.GOALS)
    client.get(URL)  # warm up (content types, sessions)
    with CaptureQueriesContext(connection) as small:
        assert client.get(URL).status_code == 200
    add(world.team, 14, steps=everything, phase=Phase.EXECUTION, complexity="complex")
    add(world.other_team, 13, steps=everything, status=Trajectory.Status.CLOSED, closed_on=date(year(), 1, 2))
    with CaptureQueriesContext(connection) as large:
        response = client.get(URL)
    assert len(large.captured_queries) == len(small.captured_queries) <= 10
    assert table(response, PHASES)[1]["Totaal"][-1] == {"team_lead": "17", "org_admin": "18"}[role]


def test_countable_teams_follow_team_and_organisation_and_fail_closed(world):
    def teams(user):
        return set(countable_teams(Actor.for_user(user)).values_list("pk", flat=True))

    own, other_team, other_org = world.team.pk, world.other_team.pk, world.other_org_team.pk
    assert teams(world.professional) == teams(world.team_lead) == {own}
    assert teams(world.org_admin) == {own, other_team}
    assert teams(world.other_org_professional) == {other_org}
    for nobody in (world.wmo_consultant, world.catalogue_admin, world.meldpunt_coordinator, world.no_role, None):
        assert teams(nobody) == set()
    assert {own, other_team, other_org} <= set(countable_teams(Actor.system()).values_list("pk", flat=True))


def test_it_shows_counts_a_few_minutes_old_and_says_when_it_counted(world, login, settings):
    settings.OVERVIEW_CACHE_SECONDS = 120
    client = login(world.team_lead)
    first = client.get(URL)
    counted_at = first.context["overview"].counted_at
    assert f"Geteld om {timezone.localtime(counted_at):%H:%M}." in _text(first.content.decode())
    add(world.team, 3, phase=Phase.GOALS)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(URL)
    assert again.context["overview"].counted_at == counted_at  # from the cache: the three counts were not made
    assert table(again, PHASES) == table(first, PHASES)
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    cache.clear()  # as when the counts are older than OVERVIEW_CACHE_SECONDS
    fresh = client.get(URL)
    assert fresh.context["overview"].counted_at > counted_at
    assert table(fresh, PHASES)[1]["Totaal"][-1] == str(int(table(first, PHASES)[1]["Totaal"][-1]) + 3)


def test_it_counts_again_once_the_counts_are_older_than_the_setting(world, login, settings):
    import time

    settings.OVERVIEW_CACHE_SECONDS = 1
    client = login(world.team_lead)
    before = table(client.get(URL), PHASES)[1]["Totaal"][-1]
    add(world.team, 2)
    time.sleep(1.1)
    assert table(client.get(URL), PHASES)[1]["Totaal"][-1] == str(int(before) + 2)


def test_the_same_teams_share_their_counts_and_other_teams_have_their_own(world, login, settings):
    settings.OVERVIEW_CACHE_SECONDS = 120
    lead = login(world.team_lead).get(URL)
    professional = login(world.professional).get(URL)  # the same team: the same counts, counted once
    admin = login(world.org_admin).get(URL)  # two teams: counted for those
    assert professional.context["overview"].counted_at == lead.context["overview"].counted_at
    assert admin.context["overview"].counted_at > lead.context["overview"].counted_at
    assert "kleine aantallen (1 tot en met 4)" in _text(admin.content.decode()).lower()  # suppression per viewer
    assert "kleine aantallen" not in professional.content.decode()


def test_without_a_cache_time_it_counts_on_every_visit(world, login):
    client = login(world.team_lead)  # OVERVIEW_CACHE_SECONDS is 0 in this module
    before = client.get(URL).context["overview"].counted_at
    assert client.get(URL).context["overview"].counted_at > before
