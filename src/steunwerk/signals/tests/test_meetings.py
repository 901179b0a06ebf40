"""Network meetings (signals/meeting_views): invitations by partner role, attendance, cases, agreements, minutes,
closing; overdue agreements stand out."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from steunwerk.access.actor import Actor
from steunwerk.access.models import AccessLogEntry
from steunwerk.signals.access import meetings_for
from steunwerk.signals.models import CaseAction, IntakeForm, NetworkMeeting, NetworkPartner
from steunwerk.signals.tests.network_fixtures import make_meeting, net  # noqa: F401
from steunwerk.support.tests.helpers import text_of


def plan(client, net, kind, **overrides):
    return client.post(
        reverse("meeting_new"),
        {
            "kind": kind,
            "date": (timezone.localdate() + timedelta(days=10)).isoformat(),
            "agenda": "Opening; casussen; rondvraag",
            **overrides,
        },
    )


@pytest.mark.parametrize(
    "kind, invited", [("core", "core_org"), ("shell", "shell_org"), ("management", "management_org")]
)
def test_it_invites_the_partners_whose_role_fits_the_meeting(net, login, kind, invited):
    response = plan(login(net.coordinator), net, kind)
    meeting = NetworkMeeting.objects.latest("id")
    assert response.status_code == 302 and response["Location"] == reverse("meeting", args=[meeting.pk])
    assert (meeting.kind, meeting.organisation) == (kind, net.org)
    assert list(meeting.invited.all()) == [getattr(net, invited)]


def test_it_refuses_a_spoedberaad_without_a_case(net, login):
    response = plan(login(net.coordinator), net, "urgent")
    assert response.status_code == 400
    assert "Een spoedberaad hoort bij één casus" in text_of(response)


def test_it_refuses_a_meeting_without_a_date(net, login):
    before = NetworkMeeting.objects.count()
    assert plan(login(net.coordinator), net, "core", date="").status_code == 400
    assert NetworkMeeting.objects.count() == before


def test_it_lets_only_coordinators_plan(net, login, client):
    for user in (net.core_professional, net.shell_professional, net.org_admin, net.colleague):
        client.force_login(user)
        assert plan(client, net, "core").status_code == 403


def test_it_records_attendance_cases_and_minutes(net, login):
    client = login(net.coordinator)
    url = reverse("meeting", args=[net.meeting.pk])
    response = client.post(
        url,
        {
            "present": [net.core_org.pk],
            "cases": [net.case.pk],
            "agenda": "Casussen",
            "minutes": "SN-casus besproken; huisarts neemt contact op.",
        },
        follow=True,
    )
    meeting = NetworkMeeting.objects.get(pk=net.meeting.pk)
    assert list(meeting.present.all()) == [net.core_org]
    assert list(meeting.cases.all()) == [net.case]
    page = text_of(response)
    assert "Overleg opgeslagen." in page and "huisarts neemt contact op" in page and net.case.code in page


def test_it_refuses_attendance_of_an_organisation_that_was_not_invited(net, login):
    response = login(net.coordinator).post(
        reverse("meeting", args=[net.meeting.pk]), {"present": [net.shell_org.pk], "cases": [], "minutes": "x"}
    )
    assert response.status_code == 400
    assert not net.meeting.present.exists()
    assert NetworkMeeting.objects.get(pk=net.meeting.pk).minutes == ""


def test_it_refuses_another_networks_case_on_the_meeting(net, login):
    response = login(net.coordinator).post(
        reverse("meeting", args=[net.meeting.pk]), {"cases": [net.other_case.pk], "minutes": ""}
    )
    assert response.status_code == 400
    assert not net.meeting.cases.exists()


def test_it_records_an_agreement_with_a_responsible_partner_and_due_date(net, login):
    net.meeting.cases.add(net.case)
    client = login(net.coordinator)
    due = timezone.localdate() + timedelta(days=21)
    response = client.post(
        reverse("meeting_agreement_new", args=[net.meeting.pk]),
        {
            "case": net.case.pk,
            "description": "Wijkverpleging gaat op huisbezoek",
            "responsible": net.core_org.pk,
            "due_on": due.isoformat(),
        },
        follow=True,
    )
    action = CaseAction.objects.get()
    assert (action.case, action.meeting, action.responsible, action.due_on) == (
        net.case,
        net.meeting,
        net.core_org,
        due,
    )
    assert "Afspraak vastgelegd." in text_of(response)


def test_it_refuses_an_agreement_for_a_case_not_on_the_meeting(net, login):
    response = login(net.coordinator).post(
        reverse("meeting_agreement_new", args=[net.meeting.pk]),
        {
            "case": net.case.pk,
            "description": "Bellen",
            "responsible": net.core_org.pk,
            "due_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 400
    assert not CaseAction.objects.exists()


def test_it_shows_overdue_agreements_in_words(net, login):
    net.meeting.cases.add(net.case)
    CaseAction.objects.create(
        case=net.case,
        meeting=net.meeting,
        description="Dochter bellen",
        responsible=net.core_org,
        due_on=timezone.localdate() - timedelta(days=3),
    )
    client = login(net.core_professional)
    meeting_page = text_of(client.get(reverse("meeting", args=[net.meeting.pk])))
    assert "Let op: 1 afspraak is over tijd." in meeting_page
    list_page = text_of(client.get(reverse("meetings")))
    assert "Afspraken over tijd" in list_page and "Dochter bellen" in list_page and "Over tijd" in list_page


def test_it_shows_a_shell_partner_its_meeting_but_not_the_cases(net, login):
    shell_meeting = make_meeting(net.org, kind="shell", minutes="Jaarplanning besproken.")
    shell_meeting.cases.add(net.case)
    client = login(net.shell_professional)
    page = text_of(client.get(reverse("meeting", args=[shell_meeting.pk])))
    assert "Jaarplanning besproken." in page
    assert net.case.code not in page
    assert client.get(reverse("meeting", args=[net.meeting.pk])).status_code == 404  # not invited to the core one
    assert net.case.code not in text_of(client.get(reverse("meetings")))


def test_it_closes_the_meeting_and_wipes_every_intake_form(net, login):
    NetworkMeeting.objects.filter(pk=net.meeting.pk).update(date=timezone.localdate())
    forms = [
        IntakeForm.objects.create(case=net.case, meeting=net.meeting, signals_named=f"signaal {i}") for i in range(2)
    ]
    other = make_meeting(net.org)
    kept = IntakeForm.objects.create(case=net.case, meeting=other, signals_named="voor later")
    response = login(net.coordinator).post(reverse("meeting_close", args=[net.meeting.pk]), follow=True)
    assert "Overleg afgesloten; 2 meldformulieren verwijderd." in text_of(response)
    assert NetworkMeeting.objects.get(pk=net.meeting.pk).held
    for form in forms:
        form.refresh_from_db()
        assert form.signals_named == "" and form.deleted_at is not None
    kept.refresh_from_db()
    assert kept.signals_named == "voor later" and kept.deleted_at is None
    assert AccessLogEntry.objects.filter(action="delete", detail="meldformulier verwijderd na overleg").count() == 2


def test_it_refuses_to_close_a_meeting_before_its_date(net, login):
    IntakeForm.objects.create(case=net.case, meeting=net.meeting, signals_named="signaal")
    response = login(net.coordinator).post(reverse("meeting_close", args=[net.meeting.pk]))
    assert response.status_code == 400
    assert not NetworkMeeting.objects.get(pk=net.meeting.pk).held
    assert IntakeForm.objects.get().signals_named == "signaal"


def test_it_refuses_to_close_a_meeting_twice(net, login):
    NetworkMeeting.objects.filter(pk=net.meeting.pk).update(date=timezone.localdate(), held=True)
    assert login(net.coordinator).post(reverse("meeting_close", args=[net.meeting.pk])).status_code == 400


def test_it_gives_another_organisation_404(net, login, client):
    theirs = make_meeting(net.other_network)
    assert login(net.coordinator).get(reverse("meeting", args=[theirs.pk])).status_code == 404
    for user in (net.unrelated_professional, net.other_coordinator, net.org_admin, net.colleague):
        client.force_login(user)
        assert client.get(reverse("meeting", args=[net.meeting.pk])).status_code == 404
    client.force_login(net.core_professional)
    assert client.post(reverse("meeting_close", args=[net.meeting.pk])).status_code == 404
    assert client.post(reverse("meeting", args=[net.meeting.pk]), {"minutes": "x"}).status_code == 404


def test_it_stops_showing_meetings_to_an_organisation_that_left_the_network(net):
    from steunwerk.access.actor import Actor as A

    core = A.for_user(net.core_professional)
    assert meetings_for(core).filter(pk=net.meeting.pk).exists()
    NetworkPartner.objects.filter(partner=net.core_org).delete()
    assert not meetings_for(A.for_user(net.core_professional)).exists()
    assert meetings_for(Actor.system()).filter(pk=net.meeting.pk).exists()


def test_it_lists_coming_and_past_meetings(net, login):
    make_meeting(net.org, days=-30, held=True, agenda="oud")
    page = text_of(login(net.coordinator).get(reverse("meetings")))
    assert (
        page.index("Komende overleggen") < page.index(f"{net.meeting.date:%d-%m-%Y}") < page.index("Eerdere overleggen")
    )


def test_it_refuses_the_list_to_someone_outside_every_network(net, client):
    for user in (net.unrelated_professional, net.org_admin, net.colleague):
        client.force_login(user)
        assert client.get(reverse("meetings")).status_code == 403
