"""Meldingen (signals.views.triage_list): the meldpunt's list, scoped to who may see each signal, and logged."""

import re

from django.urls import reverse

from steunwerk.access.models import AccessLogEntry
from steunwerk.conftest import make_user
from steunwerk.signals.models import Signal
from steunwerk.vocab import LogAction, Role

URL = reverse("triage")


def shown(rows):
    """The signals a list shows, by id."""
    return [row.pk for row in rows]


def make_signal(org, **fields):
    values = {
        "organisation": org,
        "channel": Signal.Channel.PUBLIC,
        "reporter_type": "neighbour",
        "observation": "De buurvrouw komt al weken niet meer buiten.",
    }
    values.update(fields)
    return Signal.objects.create(**values)


def link(signal):
    return f'href="{reverse("signal", args=[signal.pk])}"'


def test_it_shows_the_coordinator_the_own_meldpunts_signals_only(world, login):
    own = make_signal(world.org, neighbourhood="Oost")
    other = make_signal(world.other_org, neighbourhood="West")
    response = login(world.meldpunt_coordinator).get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert link(own) in content and "Oost" in content
    assert link(other) not in content
    assert shown(response.context["rows"]) == [own.pk]


def test_it_shows_the_other_meldpunt_only_its_own(world, login):
    own = make_signal(world.org)
    other = make_signal(world.other_org)
    other_coordinator = make_user("coordinator_west", world.other_org, None, Role.MELDPUNT_COORDINATOR)
    response = login(other_coordinator).get(URL)
    assert shown(response.context["rows"]) == [other.pk]
    assert link(own) not in response.content.decode()


def test_it_shows_an_assigned_professional_only_the_signal_assigned_to_them(world, login):
    mine = make_signal(world.org, assigned_to=world.professional)
    make_signal(world.org, assigned_to=world.other_team_professional)
    make_signal(world.org)
    response = login(world.professional).get(URL)
    assert response.status_code == 200
    assert shown(response.context["rows"]) == [mine.pk]
    assert response.context["is_coordinator"] is False
    assert "Casussen in het netwerk" not in response.content.decode()


def test_it_shows_an_assigned_professional_of_the_meldpunt_organisation_their_signal(world, login):
    mine = make_signal(world.org, assigned_to=world.professional)
    make_signal(world.org)  # not theirs
    assert shown(login(world.professional).get(URL).context["rows"]) == [mine.pk]


def test_it_ignores_an_assignment_to_someone_of_another_organisation(world, login):
    make_signal(world.org, assigned_to=world.other_org_professional)
    assert shown(login(world.other_org_professional).get(URL).context["rows"]) == []


def test_it_shows_nothing_to_others(world, login):
    make_signal(world.org)
    for user in [world.professional, world.team_lead, world.org_admin, world.wmo_consultant, world.no_role]:
        response = login(user).get(URL)
        assert response.status_code == 200
        assert shown(response.context["rows"]) == []
        assert "Geen meldingen." in response.content.decode()


def test_it_hides_closed_signals_by_default(world, login):
    open_one = make_signal(world.org)
    closed = make_signal(world.org, status=Signal.Status.CLOSED)
    client = login(world.meldpunt_coordinator)
    assert shown(client.get(URL).context["rows"]) == [open_one.pk]
    assert shown(client.get(URL, {"status": "open"}).context["rows"]) == [open_one.pk]
    assert shown(client.get(URL, {"status": "closed"}).context["rows"]) == [closed.pk]
    assert set(shown(client.get(URL, {"status": "all"}).context["rows"])) == {open_one.pk, closed.pk}


def test_it_filters_on_status(world, login):
    make_signal(world.org)
    triaged = make_signal(world.org, status=Signal.Status.TRIAGED)
    assert shown(login(world.meldpunt_coordinator).get(URL, {"status": "triaged"}).context["rows"]) == [triaged.pk]


def test_it_shows_the_newest_first(world, login):
    first, second = make_signal(world.org), make_signal(world.org)
    assert shown(login(world.meldpunt_coordinator).get(URL).context["rows"]) == [second.pk, first.pk]


def test_it_puts_new_signals_first_then_the_most_urgent_then_the_unscored(world, login):
    unscored_triaged = make_signal(world.org, status=Signal.Status.TRIAGED)
    urgent = make_signal(world.org, status=Signal.Status.TRIAGED, total=9)
    mild = make_signal(world.org, status=Signal.Status.TRIAGED, total=2)
    new_scored = make_signal(world.org, total=3)
    new = make_signal(world.org)
    make_signal(world.org, status=Signal.Status.CLOSED, total=10)
    rows = login(world.meldpunt_coordinator).get(URL).context["rows"]
    assert shown(rows) == [new_scored.pk, new.pk, urgent.pk, mild.pk, unscored_triaged.pk]


def test_a_signal_moves_in_the_list_when_it_is_scored_or_closed(world, login):
    first, second = make_signal(world.org), make_signal(world.org)
    first.status, first.safety, first.health, first.wellbeing = Signal.Status.TRIAGED, 2, 2, 2
    first.extent, first.duration = "individual", "incidental"
    first.apply_score()
    first.save()
    second.status = Signal.Status.CLOSED
    second.save(update_fields=["status"])  # as closing a case does: the database computes the rank anew
    client = login(world.meldpunt_coordinator)
    assert shown(client.get(URL).context["rows"]) == [first.pk]
    assert shown(client.get(URL, {"status": "closed"}).context["rows"]) == [second.pk]


def test_the_database_keeps_the_rank_whatever_changes_the_signal(world, login):
    """queue_rank is computed by the database (a generated column): a queryset update moves a signal as well."""
    first, second = make_signal(world.org), make_signal(world.org)
    Signal.objects.filter(pk=first.pk).update(status=Signal.Status.TRIAGED, total=9)
    Signal.objects.filter(pk=second.pk).update(status=Signal.Status.CLOSED)
    assert dict(Signal.objects.filter(pk__in=[first.pk, second.pk]).values_list("pk", "queue_rank")) == {
        first.pk: 20 + 1,
        second.pk: 40 + 11,
    }
    client = login(world.meldpunt_coordinator)
    assert shown(client.get(URL).context["rows"]) == [first.pk]
    assert shown(client.get(URL, {"status": "closed"}).context["rows"]) == [second.pk]


def test_it_shows_score_band_and_override(world, login):
    make_signal(world.org, total=6, band="consult", band_override="professional", override_reason="Kind in huis")
    content = login(world.meldpunt_coordinator).get(URL).content.decode()
    assert "6 — Teamconsultatie nodig (5 of 6)" in content
    assert "(oordeel: Professionele hulp (7 tot en met 9))" in content


def test_it_shows_a_total_of_zero_as_zero(world, login):
    make_signal(
        world.org, total=0, band="none", safety=0, health=0, wellbeing=0, extent="individual", duration="incidental"
    )
    content = login(world.meldpunt_coordinator).get(URL).content.decode()
    assert "0 — Geen actie (minder dan 5)" in content


def test_it_marks_unscored_signals(world, login):
    make_signal(world.org)
    assert "nog niet ingeschat" in login(world.meldpunt_coordinator).get(URL).content.decode()


def test_it_never_shows_the_observation_or_the_name_in_the_list(world, login):
    make_signal(world.org, subject_name="Truus Jansen", subject_address="Lindelaan 12")
    content = login(world.meldpunt_coordinator).get(URL).content.decode()
    assert "buurvrouw" not in content and "Truus" not in content and "Lindelaan" not in content


def test_it_logs_one_row_per_listed_signal(world, login):
    own = [make_signal(world.org) for _ in range(3)]
    make_signal(world.other_org)
    make_signal(world.org, status=Signal.Status.CLOSED)
    login(world.meldpunt_coordinator).get(URL)
    rows = AccessLogEntry.objects.filter(action=LogAction.READ)
    assert sorted(r.object_id for r in rows) == sorted(s.pk for s in own)
    for row in rows:
        assert (row.user, row.object_type, row.detail, row.client_id, row.organisation_id) == (
            world.meldpunt_coordinator,
            "Signal",
            "meldingenlijst",
            None,
            world.org.pk,
        )
        assert row.role == Role.MELDPUNT_COORDINATOR


def test_it_logs_nothing_for_an_empty_list(world, login):
    make_signal(world.org)
    login(world.professional).get(URL)
    assert not AccessLogEntry.objects.exists()


def test_it_pages_and_logs_only_the_page_shown(world, login):
    signals = [make_signal(world.org) for _ in range(31)]
    client = login(world.meldpunt_coordinator)
    response = client.get(URL)
    assert len(response.context["rows"]) == 30
    assert "?status=open&amp;page=2" in response.content.decode()
    assert AccessLogEntry.objects.count() == 30
    assert shown(client.get(URL, {"page": 2}).context["rows"]) == [signals[0].pk]
    assert AccessLogEntry.objects.count() == 31


def test_it_needs_an_account(world, client):
    response = client.get(URL)
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_it_costs_the_same_queries_for_many_signals_and_reads_no_observation(world, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(world.meldpunt_coordinator)
    make_signal(world.org)
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for i in range(12):
        make_signal(
            world.org, observation=f"Waarneming {i}", subject_name=f"Persoon {i}", assigned_to=world.professional
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert response.status_code == 200 and response.content.decode().count("<tr>") >= 12
    assert len(many.captured_queries) == len(few.captured_queries)
    listing = [q["sql"] for q in many.captured_queries if "signals_signal" in q["sql"] and "ORDER BY" in q["sql"]]
    assert listing and not any("observation" in sql or "subject_name" in sql for sql in listing)


def test_each_row_names_the_reporter_kind_status_and_assignee(world, login):
    make_signal(world.org, assigned_to=world.professional)
    make_signal(world.org)
    html = re.sub(r">\s+<", "><", login(world.meldpunt_coordinator).get(URL).content.decode())  # one cell a line
    rows = html.split("<tbody>")[1].split("<tr>")[1:]
    reporter = Signal(reporter_type="neighbour").get_reporter_type_display()
    assert all(f"<td>{reporter}</td>" in row for row in rows)
    assert sum(f"<td>{world.professional.get_full_name()}</td>" in row for row in rows) == 1
    assert sum("<td>—</td></tr>" in row for row in rows) == 1
    assert all(f"<td>{Signal.Status.NEW.label}</td>" in row for row in rows)
