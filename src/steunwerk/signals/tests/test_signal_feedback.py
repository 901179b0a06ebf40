"""Terugkoppeling vastleggen (signals.views.signal_feedback): what the meldpunt tells the reporter, who reads it
on the public status page with the receipt code."""

from django.urls import reverse

from steunwerk.access.models import AccessLogEntry
from steunwerk.conftest import make_user
from steunwerk.signals.models import Signal, SignalFeedback
from steunwerk.vocab import LogAction, Role

MESSAGE = "Dank voor uw melding. Er is contact gelegd en er wordt hulp geboden."


def make_signal(org, **fields):
    values = {
        "organisation": org,
        "channel": Signal.Channel.PUBLIC,
        "reporter_type": "neighbour",
        "observation": "De buurvrouw komt al weken niet meer buiten.",
    }
    values.update(fields)
    return Signal.objects.create(**values)


def url(signal):
    return reverse("signal_feedback", args=[signal.pk])


def test_it_records_the_feedback(world, login):
    signal = make_signal(world.org)
    response = login(world.meldpunt_coordinator).post(url(signal), {"message": MESSAGE})
    assert response.status_code == 302 and response["Location"] == reverse("signal", args=[signal.pk])
    feedback = SignalFeedback.objects.get()
    assert (feedback.signal, feedback.message, feedback.written_by) == (signal, MESSAGE, world.meldpunt_coordinator)


def test_it_shows_the_feedback_on_the_signal_page(world, login):
    signal = make_signal(world.org)
    response = login(world.meldpunt_coordinator).post(url(signal), {"message": MESSAGE}, follow=True)
    content = response.content.decode()
    assert "Terugkoppeling vastgelegd. De melder ziet die met de ontvangstcode." in content
    assert f"(Meldpunt_Coordinator): {MESSAGE}" in content


def test_it_shows_the_feedback_to_the_reporter(world, login, client):
    signal = make_signal(world.org)
    login(world.meldpunt_coordinator).post(url(signal), {"message": MESSAGE})
    client.logout()
    content = client.get(reverse("report_status", args=[signal.receipt_code])).content.decode()
    assert MESSAGE in content
    assert "Er is nog geen terugkoppeling" not in content
    assert "meldpunt_coordinator" not in content.lower()


def test_it_asks_for_a_message(world, login):
    signal = make_signal(world.org)
    for message in ["", "   "]:
        response = login(world.meldpunt_coordinator).post(url(signal), {"message": message})
        assert response.status_code == 400
        assert "Niet opgeslagen: verbeter de gemarkeerde velden." in response.content.decode()
    assert not SignalFeedback.objects.exists()


def test_it_refuses_an_oversized_message(world, login):
    signal = make_signal(world.org)
    response = login(world.meldpunt_coordinator).post(url(signal), {"message": "x" * 2001})
    assert response.status_code == 400
    assert "niet meer dan 2000 tekens" in response.content.decode()
    assert not SignalFeedback.objects.exists()


def test_it_accepts_a_message_of_exactly_2000_characters(world, login):
    signal = make_signal(world.org)
    assert login(world.meldpunt_coordinator).post(url(signal), {"message": "x" * 2000}).status_code == 302
    assert len(SignalFeedback.objects.get().message) == 2000


def test_it_logs_the_feedback(world, login):
    signal = make_signal(world.org)
    login(world.meldpunt_coordinator).post(url(signal), {"message": MESSAGE})
    row = AccessLogEntry.objects.get(action=LogAction.CREATE)
    assert (row.user, row.object_type, row.object_id, row.detail) == (
        world.meldpunt_coordinator,
        "SignalFeedback",
        SignalFeedback.objects.get().pk,
        "terugkoppeling aan melder",
    )


def test_it_logs_nothing_for_a_refused_message(world, login):
    signal = make_signal(world.org)
    login(world.meldpunt_coordinator).post(url(signal), {"message": ""})
    assert not AccessLogEntry.objects.filter(action=LogAction.CREATE).exists()


def test_it_escapes_the_message_on_the_signal_page(world, login):
    signal = make_signal(world.org)
    client = login(world.meldpunt_coordinator)
    client.post(url(signal), {"message": "<script>alert(1)</script> hulp geregeld"})
    content = client.get(reverse("signal", args=[signal.pk])).content.decode()
    assert "<script>alert(1)" not in content and "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_it_lets_the_assigned_professional_write_feedback(world, login):
    signal = make_signal(world.org, assigned_to=world.professional)
    assert login(world.professional).post(url(signal), {"message": MESSAGE}).status_code == 302
    assert SignalFeedback.objects.get().written_by == world.professional


def test_it_hides_the_signal_from_others(world, login):
    signal = make_signal(world.org)
    other_coordinator = make_user("coordinator_west", world.other_org, None, Role.MELDPUNT_COORDINATOR)
    for user in [other_coordinator, world.professional, world.team_lead, world.no_role]:
        assert login(user).post(url(signal), {"message": MESSAGE}).status_code == 404
    assert not SignalFeedback.objects.exists()


def test_it_only_accepts_post(world, login):
    signal = make_signal(world.org)
    assert login(world.meldpunt_coordinator).get(url(signal)).status_code == 405
