"""Toestemming plan-stappen (NetworkMemberForm through clients.network_views): whether a person in the network may
see their own tasks in the plan. The client decides; giving it records the date, unticking withdraws it, and
both are in the access log."""

import re
from datetime import date, timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from steunwerk.access.models import AccessLogEntry, Consent
from steunwerk.clients.models import NetworkMember
from steunwerk.support.export import export_trajectory
from steunwerk.vocab import Involvement, Load, LogAction, Relation

CONSENT_LABEL = "De cliënt geeft toestemming dat deze persoon de eigen taken in het plan ziet"


def member_url(member):
    return reverse("network_member", args=[member.client_id, member.pk])


def network_url(client):
    return reverse("network", args=[client.pk])


def text_of(response):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def form_data(member=None, shares=False, **changes):
    data = {
        "name": member.name if member else "Buurman Henk",
        "relation": member.relation if member else Relation.NEIGHBOUR,
        "load": member.load if member else Load.ABLE,
        "involvement": member.involvement if member else Involvement.YES,
        "note": "",
        "gives_back": "",
    }
    if shares:
        data["shares_plan_steps"] = "on"
    data.update(changes)
    return data


def fresh(member):
    return NetworkMember.objects.get(pk=member.pk)


def consent_checkbox(response):
    return re.search(r'<input type="checkbox" name="shares_plan_steps"[^>]*>', response.content.decode()).group(0)


@pytest.fixture
def henk(world):
    return NetworkMember.objects.create(
        client=world.own_client, name="Buurman Henk", relation=Relation.NEIGHBOUR, involvement=Involvement.YES
    )


def test_a_new_member_does_not_share_plan_steps(henk):
    assert (henk.plan_consent_on, henk.plan_consent_withdrawn_at, henk.shares_plan_steps) == (None, None, False)


def test_it_offers_the_consent_unticked_until_given(world, login, henk):
    response = login(world.professional).get(member_url(henk))
    assert CONSENT_LABEL in text_of(response)
    assert "checked" not in consent_checkbox(response)


def test_giving_consent_records_todays_date(world, login, henk):
    response = login(world.professional).post(member_url(henk), form_data(henk, shares=True))
    assert response.status_code == 302
    saved = fresh(henk)
    assert (saved.plan_consent_on, saved.plan_consent_withdrawn_at, saved.shares_plan_steps) == (
        timezone.localdate(),
        None,
        True,
    )


def test_consent_can_be_given_when_adding_someone(world, login):
    login(world.professional).post(network_url(world.own_client), form_data(shares=True))
    member = NetworkMember.objects.get()
    assert (member.plan_consent_on, member.shares_plan_steps) == (timezone.localdate(), True)


def test_the_network_table_says_since_when(world, login, henk):
    henk.plan_consent_on = date(2026, 6, 22)
    henk.save()
    page = text_of(login(world.professional).get(network_url(world.own_client)))
    assert "Ja, cliënt wil deze persoon erbij ja, sinds 22-06-2026" in page


def test_the_form_shows_a_given_consent_ticked(world, login, henk):
    henk.plan_consent_on = date(2026, 6, 22)
    henk.save()
    assert "checked" in consent_checkbox(login(world.professional).get(member_url(henk)))


def test_unticking_withdraws_the_consent_and_keeps_when_it_was_given(world, login, henk):
    henk.plan_consent_on = date(2026, 6, 22)
    henk.save()
    before = timezone.now()
    login(world.professional).post(member_url(henk), form_data(henk, shares=False))
    saved = fresh(henk)
    assert saved.plan_consent_on == date(2026, 6, 22)
    assert saved.plan_consent_withdrawn_at is not None and saved.plan_consent_withdrawn_at >= before
    assert saved.shares_plan_steps is False
    assert "Ja, cliënt wil deze persoon erbij nee" in text_of(
        login(world.professional).get(network_url(world.own_client))
    )


def test_saving_other_changes_leaves_the_consent_as_it_was(world, login, henk):
    henk.plan_consent_on = date(2026, 6, 22)
    henk.save()
    login(world.professional).post(member_url(henk), form_data(henk, shares=True, load=Load.UNDER_PRESSURE))
    saved = fresh(henk)
    assert (saved.load, saved.plan_consent_on, saved.plan_consent_withdrawn_at) == (
        Load.UNDER_PRESSURE,
        date(2026, 6, 22),
        None,
    )


def test_saving_again_without_consent_does_not_move_the_withdrawal(world, login, henk):
    withdrawn = timezone.now() - timedelta(days=30)
    henk.plan_consent_on, henk.plan_consent_withdrawn_at = date(2026, 6, 22), withdrawn
    henk.save()
    login(world.professional).post(member_url(henk), form_data(henk, shares=False, note="Verhuisd"))
    saved = fresh(henk)
    assert (saved.note, saved.plan_consent_withdrawn_at, saved.shares_plan_steps) == ("Verhuisd", withdrawn, False)


def test_consent_can_be_given_again_after_a_withdrawal(world, login, henk):
    henk.plan_consent_on, henk.plan_consent_withdrawn_at = date(2026, 6, 22), timezone.now() - timedelta(days=30)
    henk.save()
    login(world.professional).post(member_url(henk), form_data(henk, shares=True))
    saved = fresh(henk)
    assert (saved.plan_consent_on, saved.plan_consent_withdrawn_at, saved.shares_plan_steps) == (
        timezone.localdate(),
        None,
        True,
    )


def test_giving_and_withdrawing_are_in_the_access_log(world, login, henk):
    client = login(world.professional)
    client.post(member_url(henk), form_data(henk, shares=True))
    client.post(member_url(henk), form_data(henk, shares=False))
    rows = list(
        AccessLogEntry.objects.filter(action=LogAction.UPDATE)
        .order_by("id")
        .values_list("client_id", "object_type", "object_id", "detail")
    )
    assert rows == [(world.own_client.pk, "NetworkMember", henk.pk, "netwerklid: shares_plan_steps")] * 2
    assert [r.user for r in AccessLogEntry.objects.filter(action=LogAction.UPDATE)] == [world.professional] * 2


def test_an_unchanged_consent_is_not_logged_as_changed(world, login, henk):
    login(world.professional).post(member_url(henk), form_data(henk, shares=False, note="Belt op dinsdag"))
    assert AccessLogEntry.objects.get(action=LogAction.UPDATE).detail == "netwerklid: note"


def test_a_refused_form_does_not_change_the_consent(world, login, henk):
    response = login(world.professional).post(member_url(henk), form_data(henk, shares=True, load="exhausted"))
    assert response.status_code == 400
    saved = fresh(henk)
    assert (saved.plan_consent_on, saved.shares_plan_steps) == (None, False)
    assert not AccessLogEntry.objects.filter(action=LogAction.UPDATE).exists()


def test_the_export_says_whether_someone_sees_their_own_steps(world, login, henk):
    NetworkMember.objects.create(client=world.own_client, name="Moeder", relation=Relation.FAMILY)
    login(world.professional).post(member_url(henk), form_data(henk, shares=True))
    network = {m["name"]: m["sees_own_plan_steps"] for m in export_trajectory(world.own_trajectory)["network"]}
    assert network == {"Buurman Henk": True, "Moeder": False}


@pytest.mark.parametrize("target", ["other_team_client", "other_org_client"])
def test_another_team_or_organisation_cannot_give_or_withdraw(world, login, target):
    other = NetworkMember.objects.create(client=getattr(world, target), name="Zus", relation=Relation.FAMILY)
    client = login(world.professional)
    assert client.get(member_url(other)).status_code == 404
    assert client.post(member_url(other), form_data(other, shares=True)).status_code == 404
    assert fresh(other).plan_consent_on is None


def test_another_organisation_with_the_clients_consent_cannot_change_it(world, login, henk):
    henk.plan_consent_on = date(2026, 6, 22)
    henk.save()
    Consent.objects.create(
        client=world.own_client,
        organisation=world.org,
        receiving_organisation=world.other_org,
        purpose="Overdracht",
        given_on=date(2026, 1, 1),
        explained_to_client=True,
        recorded_by=world.professional,
    )
    assert login(world.other_org_professional).post(member_url(henk), form_data(henk, shares=False)).status_code == 404
    assert fresh(henk).shares_plan_steps is True
