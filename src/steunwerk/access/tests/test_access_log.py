"""Het toegangslog (access.views.access_log) and the append-only AccessLogEntry."""

import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.deletion import ProtectedError
from django.urls import reverse

from steunwerk.access import log
from steunwerk.access.actor import Actor
from steunwerk.access.models import AccessLogEntry, Consent
from steunwerk.accounts.models import Membership
from steunwerk.clients.models import Client
from steunwerk.conftest import make_user
from steunwerk.vocab import LogAction, Role


def url(client):
    return reverse("access_log", args=[client.pk])


def test_it_shows_the_team_lead_who_read_the_file(world, login, client):
    client.force_login(world.professional)
    client.get(reverse("client", args=[world.own_client.pk]))
    response = login(world.team_lead).get(url(world.own_client))
    assert response.status_code == 200
    content = re.sub(r">\s+<", "><", response.content.decode())  # each cell on a line of its own
    assert "Toegangslog van Bram de Wit" in content
    assert "<td>Professional</td><td>Professional</td><td>Inzage</td><td>dossier</td>" in content


def test_it_shows_only_this_clients_entries(world, login):
    system = Actor.system()
    log.record(system, LogAction.EXPORT, world.own_client.pk, detail="export van Bram")
    log.record(system, LogAction.READ, world.other_team_client.pk, detail="dossier van Kees")
    content = login(world.team_lead).get(url(world.own_client)).content.decode()
    assert "export van Bram" in content and "Export" in content
    assert "dossier van Kees" not in content


def test_it_logs_that_the_log_was_read(world, login):
    login(world.team_lead).get(url(world.own_client))
    row = AccessLogEntry.objects.get()
    assert (row.action, row.user, row.client_id, row.detail, row.role) == (
        LogAction.READ,
        world.team_lead,
        world.own_client.pk,
        "toegangslog",
        Role.TEAM_LEAD,
    )


def test_it_refuses_a_professional_with_a_dutch_reason(world, login):
    response = login(world.professional).get(url(world.own_client))
    assert response.status_code == 403
    assert "Alleen de teamleider kan het toegangslog inzien." in response.content.decode()
    assert not AccessLogEntry.objects.exists()


def test_it_refuses_a_consented_reader(world, login):
    Consent.objects.create(
        client=world.own_client,
        organisation=world.org,
        receiving_organisation=world.municipality,
        purpose="Wmo-aanvraag",
        given_on=date(2026, 1, 1),
        explained_to_client=True,
        recorded_by=world.professional,
    )
    assert login(world.wmo_consultant).get(url(world.own_client)).status_code == 403


def test_it_is_not_found_for_another_teams_lead(world, login):
    other_lead = make_user("other_team_lead", world.org, world.other_team, Role.TEAM_LEAD)
    client = login(other_lead)
    assert client.get(url(world.own_client)).status_code == 404
    assert client.get(url(world.other_team_client)).status_code == 200  # their own team's client is fine


def test_it_is_not_found_for_another_organisations_lead(world, login):
    other_lead = make_user("other_org_lead", world.other_org, world.other_org_team, Role.TEAM_LEAD)
    response = login(other_lead).get(url(world.own_client))
    assert response.status_code == 404
    assert "Bram de Wit" not in response.content.decode()


@pytest.mark.parametrize("role", ["org_admin", "no_role", "other_team_professional", "other_org_professional"])
def test_it_is_not_found_for_others(world, login, role):
    assert login(world.user(role)).get(url(world.own_client)).status_code == 404


def test_it_shows_the_latest_entry_next_to_its_own_read(world, login):
    # The page used to be counted before the read of the log itself was written: that row then pushed the
    # newest real entry off the page, so a team lead saw only their own visit.
    log.record(Actor.for_user(world.professional), LogAction.EXPORT, world.own_client.pk, detail="export")
    response = login(world.team_lead).get(url(world.own_client))
    assert [e.detail for e in response.context["page"]] == ["toegangslog", "export"]


def test_it_pages_per_fifty_newest_first(world, login):
    system = Actor.system()
    for i in range(60):
        log.record(system, LogAction.READ, world.own_client.pk, detail=f"regel {i:02d}")
    client = login(world.team_lead)
    first = client.get(url(world.own_client))
    assert len(first.context["page"]) == 50
    first = first.content.decode()
    assert "regel 59" in first and "regel 00" not in first
    assert "?page=2" in first and "Ouder" in first
    second = client.get(url(world.own_client), {"page": "2"}).content.decode()
    assert "regel 00" in second and "regel 59" not in second
    assert "Nieuwer" in second


def test_it_sends_anonymous_visitors_to_the_login_page(client, world):
    response = client.get(url(world.own_client))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.fixture
def entry(world):
    log.record(Actor.for_user(world.professional), LogAction.READ, world.own_client.pk, world.own_client, "dossier")
    return AccessLogEntry.objects.get()


def unchanged(entry):
    row = AccessLogEntry.objects.get(pk=entry.pk)
    return (row.detail, row.action, row.client_id) == ("dossier", LogAction.READ, entry.client_id)


def test_it_refuses_to_save_a_changed_entry(entry):
    entry.detail = "niets gezien"
    with pytest.raises(PermissionDenied, match="kan niet gewijzigd worden"):
        entry.save()
    assert unchanged(entry)


def test_it_refuses_to_delete_an_entry(entry):
    with pytest.raises(PermissionDenied, match="kan niet verwijderd worden"):
        entry.delete()
    assert unchanged(entry)


def test_it_refuses_a_queryset_update(entry):
    with pytest.raises(PermissionDenied):
        AccessLogEntry.objects.filter(pk=entry.pk).update(detail="niets gezien")
    with pytest.raises(PermissionDenied):
        AccessLogEntry.objects.update(detail="niets gezien")
    assert unchanged(entry)


def test_it_refuses_a_bulk_update(entry):
    entry.detail = "niets gezien"
    with pytest.raises(PermissionDenied), transaction.atomic():
        AccessLogEntry.objects.bulk_update([entry], ["detail"])
    assert unchanged(entry)


def test_it_refuses_a_queryset_delete(entry):
    with pytest.raises(PermissionDenied):
        AccessLogEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(PermissionDenied):
        AccessLogEntry.objects.all().delete()
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


def test_it_still_adds_new_entries(entry):
    log.record(Actor.system(), LogAction.EXPORT, entry.client_id, detail="export")
    log.record_many(Actor.system(), LogAction.SEARCH, [entry.client_id, entry.client_id], detail="zoeken op naam")
    assert AccessLogEntry.objects.count() == 3  # one search row per client, not per hit


def test_it_keeps_the_log_when_the_client_is_deleted(world, entry):
    Client.objects.filter(pk=world.own_client.pk).delete()
    assert unchanged(entry)


def test_it_keeps_the_user_who_read_the_file(world, entry):
    with pytest.raises(ProtectedError):
        world.professional.delete()
    assert AccessLogEntry.objects.get(pk=entry.pk).user == world.professional


def test_a_long_list_is_logged_whole_within_the_databases_limit_on_parameters(world, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from steunwerk.vocab import LogAction

    monkeypatch.setattr(connection.features, "max_query_params", 35)  # 3 rows of 10 values per statement
    before = AccessLogEntry.objects.count()
    with CaptureQueriesContext(connection) as ctx:
        log.record_many(Actor.for_user(world.professional), LogAction.READ, list(range(1, 8)), detail="lijst")
    assert AccessLogEntry.objects.count() == before + 7
    assert sorted(AccessLogEntry.objects.filter(detail="lijst").values_list("client_id", flat=True)) == list(
        range(1, 8)
    )
    assert len([q for q in ctx.captured_queries if q["sql"].startswith("INSERT")]) == 3


# Which organisation a row names: the object's own, else the actor's only one, else none.


def test_it_logs_the_organisation_the_object_belongs_to(world):
    reader = make_user("reads_two", world.other_org, world.other_org_team, Role.PROFESSIONAL)
    Membership.objects.create(user=reader, organisation=world.municipality, role=Role.WMO_CONSULTANT)
    log.record(Actor.for_user(reader), LogAction.READ, world.own_client.pk, world.own_trajectory, "traject")
    assert AccessLogEntry.objects.get().organisation_id == world.org.pk  # the trajectory's, not one of the reader's


def test_without_an_object_it_logs_the_actor_s_only_organisation(world):
    log.record_many(Actor.for_user(world.professional), LogAction.SEARCH, [], detail="zoeken op naam")
    assert AccessLogEntry.objects.get().organisation_id == world.org.pk


def test_without_an_object_an_actor_with_several_organisations_is_logged_without_one(world):
    Membership.objects.create(user=world.professional, organisation=world.municipality, role=Role.WMO_CONSULTANT)
    log.record_many(Actor.for_user(world.professional), LogAction.SEARCH, [], detail="zoeken op naam")
    log.record(Actor.system(), LogAction.EXPORT, world.own_client.pk, detail="export")
    assert list(AccessLogEntry.objects.values_list("organisation_id", flat=True)) == [None, None]


def test_a_list_logs_each_client_with_the_organisation_of_its_row(world, login):
    Consent.objects.create(
        client=world.own_client,
        organisation=world.org,
        receiving_organisation=world.other_org,
        purpose="delen",
        given_on=date(2026, 1, 1),
        recorded_by=world.professional,
    )
    login(world.other_org_professional).get(reverse("caseload"))
    logged = dict(AccessLogEntry.objects.values_list("client_id", "organisation_id"))
    assert logged == {world.own_client.pk: world.org.pk, world.other_org_client.pk: world.other_org.pk}


def test_a_signal_is_logged_with_its_meldpunt(world, login):
    from steunwerk.signals.models import Signal

    signal = Signal.objects.create(
        organisation=world.org, channel="phone", reporter_type="neighbour", observation="De post stapelt zich op."
    )
    login(world.meldpunt_coordinator).get(reverse("triage"))
    assert list(AccessLogEntry.objects.values_list("object_id", "organisation_id")) == [(signal.pk, world.org.pk)]
