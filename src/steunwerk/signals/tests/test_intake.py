"""The meldformulier (signals/case_views.intake_new, intake_detail): read by core partners before the meeting,
deleted automatically when the meeting is closed."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from steunwerk.access.models import AccessLogEntry
from steunwerk.signals.models import IntakeForm, NetworkMeeting
from steunwerk.signals.tests.network_fixtures import make_meeting, net  # noqa: F401
from steunwerk.support.tests.helpers import text_of

SIGNALS = "Post stapelt zich op; buren horen 's nachts roepen."
INFO = "Woont alleen sinds het overlijden van haar man; dochter woont in het buitenland."


def new_url(net):
    return reverse("intake_new", args=[net.case.pk])


def data(net, **overrides):
    return {"meeting": net.meeting.pk, "signals_named": SIGNALS, "further_information": INFO, **overrides}


def write_form(net, login):
    login(net.coordinator).post(new_url(net), data(net))
    return IntakeForm.objects.get()


def test_it_lets_the_coordinator_write_it_for_a_coming_meeting(net, login):
    response = login(net.coordinator).post(new_url(net), data(net), follow=True)
    intake = IntakeForm.objects.get()
    assert response.redirect_chain == [(reverse("intake", args=[intake.pk]), 302)]
    assert (intake.case, intake.meeting, intake.signals_named) == (net.case, net.meeting, SIGNALS)
    assert net.case in net.meeting.cases.all()  # and the case is on the meeting
    assert "Meldformulier opgeslagen." in text_of(response)


def test_it_lets_a_core_partner_read_it_before_the_meeting(net, login):
    intake = write_form(net, login)
    response = login(net.core_professional).get(reverse("intake", args=[intake.pk]))
    assert response.status_code == 200
    page = text_of(response)
    assert SIGNALS in page and INFO in page and net.case.code in page
    row = AccessLogEntry.objects.filter(object_type="IntakeForm", user=net.core_professional).get()
    assert (row.action, row.client_id) == ("read", None)


def test_it_is_gone_after_the_meeting_is_closed(net, login, client):
    intake = write_form(net, login)
    NetworkMeeting.objects.filter(pk=net.meeting.pk).update(date=timezone.localdate())
    login(net.coordinator).post(reverse("meeting_close", args=[net.meeting.pk]))
    intake.refresh_from_db()
    assert (intake.signals_named, intake.further_information) == ("", "")
    assert intake.deleted_at is not None
    deletion = AccessLogEntry.objects.get(action="delete", object_type="IntakeForm", object_id=intake.pk)
    assert (deletion.detail, deletion.user, deletion.client_id) == (
        "meldformulier verwijderd na overleg",
        net.coordinator,
        None,
    )
    client.force_login(net.core_professional)
    page = text_of(client.get(reverse("intake", args=[intake.pk])))
    assert SIGNALS not in page and INFO not in page
    assert f"verwijderd na het overleg op {timezone.localdate():%d-%m-%Y}" in page


def test_it_refuses_a_meeting_that_was_already_held(net, login):
    held = make_meeting(net.org, days=-1, held=True)
    response = login(net.coordinator).post(new_url(net), data(net, meeting=held.pk))
    assert response.status_code == 400
    assert not IntakeForm.objects.exists()


def test_it_refuses_a_second_form_for_the_same_meeting(net, login):
    write_form(net, login)
    response = login(net.coordinator).post(new_url(net), data(net))
    assert response.status_code == 400
    assert "al een meldformulier" in text_of(response)
    assert IntakeForm.objects.count() == 1


def test_it_asks_for_the_signals_that_were_seen(net, login):
    response = login(net.coordinator).post(new_url(net), data(net, signals_named="  "))
    assert response.status_code == 400
    assert "Noem de signalen" in text_of(response)
    assert not IntakeForm.objects.exists()


def test_it_says_when_there_is_no_coming_meeting(net, login):
    NetworkMeeting.objects.filter(pk=net.meeting.pk).update(date=timezone.localdate() - timedelta(days=1))
    page = text_of(login(net.coordinator).get(new_url(net)))
    assert "Er is geen komend overleg van de kernpartners." in page


def test_it_does_not_offer_another_meldpunts_meeting(net, login):
    theirs = make_meeting(net.other_network)
    response = login(net.coordinator).post(new_url(net), data(net, meeting=theirs.pk))
    assert response.status_code == 400
    assert not IntakeForm.objects.exists()


def test_it_lets_only_the_coordinator_write_one(net, login, client):
    for user in (net.core_professional, net.shell_professional, net.other_coordinator, net.org_admin):
        client.force_login(user)
        assert client.post(new_url(net), data(net)).status_code == 404
    assert not IntakeForm.objects.exists()


def test_it_gives_another_organisation_404(net, login, client):
    intake = write_form(net, login)
    for user in (
        net.shell_professional,
        net.unrelated_professional,
        net.other_coordinator,
        net.org_admin,
        net.colleague,
    ):
        client.force_login(user)
        assert client.get(reverse("intake", args=[intake.pk])).status_code == 404
