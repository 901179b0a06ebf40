"""The case page (signals/case_views.case_detail) and its agreements (case_action_new, case_action_done)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from steunwerk.access.actor import Actor
from steunwerk.access.models import AccessLogEntry
from steunwerk.signals.cases import CaseError, next_code, open_case
from steunwerk.signals.models import CaseAction, NetworkCase, NetworkMeeting, Signal
from steunwerk.signals.tests.network_fixtures import make_signal, net  # noqa: F401
from steunwerk.support.tests.helpers import text_of


def url(case):
    return reverse("case", args=[case.pk])


def case_data(**overrides):
    return {
        "typology": "buitenstaanders",
        "problems": "Vervuilde woning, mijdt contact.",
        "steps_taken": "Huisbezoek door de ouderenadviseur.",
        "results": "",
        "outcome": "",
        **overrides,
    }


def action_data(net, **overrides):
    return {
        "description": "Huisarts vraagt naar medicatie",
        "responsible": net.core_org.pk,
        "due_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
        **overrides,
    }


def test_it_shows_the_case_by_code_without_the_persons_name(net, login):
    net.signal.subject_name = "Mevrouw Jansen"
    net.signal.save()
    page = text_of(login(net.core_professional).get(url(net.case)))
    assert f"Casus {net.case.code}" in page
    assert "Jansen" not in page
    assert "Casus bijwerken" not in page  # core partners read only


def test_it_saves_problems_steps_typology_and_outcome_for_the_coordinator(net, login):
    client = login(net.coordinator)
    response = client.post(url(net.case), case_data(outcome="handed_over"), follow=True)
    assert response.redirect_chain == [(url(net.case), 302)]
    case = NetworkCase.objects.get(pk=net.case.pk)
    assert (case.typology, case.problems, case.outcome, case.closed_on) == (
        "buitenstaanders",
        "Vervuilde woning, mijdt contact.",
        "handed_over",
        timezone.localdate(),
    )
    page = text_of(response)
    assert f"Casus {case.code} opgeslagen." in page
    assert "Geen vrijwilliger inzetten" in page  # level 3: explicitly no volunteer
    assert "Overgedragen" in page


def test_it_shows_the_specialised_volunteer_for_level_four(net, login):
    net.case.typology = "overlevers"
    net.case.save()
    page = text_of(login(net.core_professional).get(url(net.case)))
    assert "Overlevers" in page and "gespecialiseerde, getrainde vrijwilliger" in page
    assert "Geen vrijwilliger" not in page


def test_it_reopens_a_case_when_the_outcome_is_cleared(net, login):
    client = login(net.coordinator)
    client.post(url(net.case), case_data(outcome="stopped"))
    client.post(url(net.case), case_data(outcome=""))
    assert NetworkCase.objects.get(pk=net.case.pk).closed_on is None


def test_it_rejects_an_unknown_outcome_and_saves_nothing(net, login):
    response = login(net.coordinator).post(url(net.case), case_data(outcome="vanished"))
    assert response.status_code == 400
    assert "Niet opgeslagen" in text_of(response)
    assert NetworkCase.objects.get(pk=net.case.pk).problems == ""


def test_it_does_not_let_a_core_partner_change_the_case(net, login):
    assert login(net.core_professional).post(url(net.case), case_data()).status_code == 404
    assert NetworkCase.objects.get(pk=net.case.pk).typology == ""


def test_it_gives_another_organisation_404(net, login, client):
    for user in (net.other_coordinator, net.shell_professional, net.unrelated_professional, net.org_admin):
        client.force_login(user)
        assert client.get(url(net.case)).status_code == 404
    assert login(net.coordinator).get(url(net.other_case)).status_code == 404


def test_it_adds_an_agreement_and_marks_it_done(net, login):
    client = login(net.coordinator)
    response = client.post(reverse("case_action_new", args=[net.case.pk]), action_data(net), follow=True)
    assert "Afspraak toegevoegd." in text_of(response)
    action = CaseAction.objects.get()
    assert (action.case, action.responsible, action.meeting) == (net.case, net.core_org, None)
    response = client.post(
        reverse("case_action_done", args=[action.pk]), {"result": "Medicatie aangepast."}, follow=True
    )
    action.refresh_from_db()
    assert (action.done_on, action.result) == (timezone.localdate(), "Medicatie aangepast.")
    assert "Gedaan op" in text_of(response)


def test_it_refuses_to_mark_an_agreement_done_twice(net, login):
    action = CaseAction.objects.create(
        case=net.case,
        description="Bellen",
        responsible=net.core_org,
        due_on=timezone.localdate(),
        done_on=timezone.localdate(),
        result="Gedaan",
    )
    response = login(net.coordinator).post(reverse("case_action_done", args=[action.pk]), {"result": "Nog eens"})
    assert response.status_code == 400
    action.refresh_from_db()
    assert action.result == "Gedaan"


def test_it_rejects_an_agreement_with_a_partner_outside_the_network(net, login):
    response = login(net.coordinator).post(
        reverse("case_action_new", args=[net.case.pk]), action_data(net, responsible=net.unrelated_org.pk)
    )
    assert response.status_code == 400
    assert not CaseAction.objects.exists()


def test_it_rejects_an_agreement_without_a_date(net, login):
    response = login(net.coordinator).post(reverse("case_action_new", args=[net.case.pk]), action_data(net, due_on=""))
    assert response.status_code == 400
    assert not CaseAction.objects.exists()


def test_it_marks_an_overdue_agreement_in_words(net, login):
    CaseAction.objects.create(
        case=net.case,
        description="Huisbezoek plannen",
        responsible=net.core_org,
        due_on=timezone.localdate() - timedelta(days=2),
    )
    page = text_of(login(net.core_professional).get(url(net.case)))
    assert "Let op: 1 afspraak is over tijd." in page and "Over tijd" in page


def test_it_does_not_let_a_core_partner_mark_an_agreement_done(net, login):
    action = CaseAction.objects.create(
        case=net.case, description="Bellen", responsible=net.core_org, due_on=timezone.localdate()
    )
    assert login(net.core_professional).post(reverse("case_action_done", args=[action.pk])).status_code == 404
    assert CaseAction.objects.get().done_on is None


def test_it_plans_a_spoedberaad_for_an_urgent_case(net, login):
    net.case.urgent = True
    net.case.save()
    client = login(net.coordinator)
    assert "Spoedberaad plannen" in text_of(client.get(url(net.case)))
    response = client.post(
        reverse("meeting_new"),
        {
            "kind": "urgent",
            "case": net.case.pk,
            "organisation": net.org.pk,
            "date": timezone.localdate().isoformat(),
            "agenda": "",
        },
    )
    meeting = NetworkMeeting.objects.get(kind="urgent")
    assert response.status_code == 302
    assert list(meeting.cases.all()) == [net.case]
    assert set(meeting.invited.all()) == {net.core_org}


def test_it_refuses_a_spoedberaad_for_a_case_that_is_not_urgent(net, login):
    response = login(net.coordinator).post(
        reverse("meeting_new"), {"kind": "urgent", "case": net.case.pk, "date": timezone.localdate().isoformat()}
    )
    assert response.status_code == 400
    assert "niet als spoedeisend gemarkeerd" in text_of(response)
    assert not NetworkMeeting.objects.filter(kind="urgent").exists()


def test_it_writes_the_access_log(net, login):
    client = login(net.coordinator)
    client.get(url(net.case))
    client.post(url(net.case), case_data())
    rows = list(
        AccessLogEntry.objects.filter(object_type="NetworkCase", object_id=net.case.pk)
        .order_by("id")
        .values_list("action", "client_id")
    )
    assert rows[-2:] == [("read", None), ("update", None)]


# open_case: called by the meldpunt's decision view


def test_it_numbers_cases_per_meldpunt_and_year(net):
    year = timezone.localdate().year
    net.other_case.signal.delete()  # while codes are unique across meldpunten, the other one would take 0002
    assert net.case.code == f"SN-{year}-0001"
    second = open_case(make_signal(net.org), Actor.system())
    assert second.code == f"SN-{year}-0002"
    assert next_code(net.org.pk, year) == f"SN-{year}-0003"
    assert next_code(net.org.pk, year + 1) == f"SN-{year + 1}-0001"


def test_it_never_reuses_a_code_within_one_meldpunt(net):
    own = [net.case.code] + [open_case(make_signal(net.org), Actor.system()).code for _ in range(3)]
    assert len(set(own)) == 4


def test_it_marks_the_signal_and_logs_the_new_case(net):
    signal = make_signal(net.org)
    case = open_case(signal, Actor.system())
    assert Signal.objects.get(pk=signal.pk).status == Signal.Status.NETWORK_CASE
    assert AccessLogEntry.objects.filter(object_type="NetworkCase", object_id=case.pk, action="create").exists()


def test_it_returns_the_existing_case_when_asked_twice(net):
    assert open_case(net.signal, Actor.system()) == net.case
    assert NetworkCase.objects.filter(signal=net.signal).count() == 1


def test_it_refuses_a_case_when_the_person_was_not_consulted(net):
    with pytest.raises(CaseError, match="geraadpleegd"):
        open_case(make_signal(net.org, person_consulted=False), Actor.system())
    assert NetworkCase.objects.count() == 2  # the fixture's two cases only


def test_it_gives_two_meldpunten_each_their_own_first_number(net):
    year = timezone.localdate().year
    assert net.other_case.code == f"SN-{year}-0001"


def test_it_takes_the_next_number_when_a_colleague_took_this_one_a_moment_ago(net, monkeypatch):
    from steunwerk.signals import cases

    net.other_case.signal.delete()  # see test_it_numbers_cases_per_meldpunt_and_year
    real, calls = cases.next_code, []

    def racing(organisation_id, year, floor=1):
        calls.append(floor)
        return net.case.code if len(calls) == 1 else real(organisation_id, year, floor)

    monkeypatch.setattr(cases, "next_code", racing)
    case = open_case(make_signal(net.org), Actor.system())
    assert case.code == f"SN-{timezone.localdate().year}-0002" and len(calls) == 2
    assert NetworkCase.objects.filter(code=case.code).count() == 1
