"""Terugkoppeling op uw melding (signals.views.report_status): with the receipt code the reporter sees the feedback
written for them, and nothing about the person reported on."""

from django.urls import reverse

from steunwerk.signals.models import Signal, SignalFeedback


def make_signal(world, **fields):
    values = {
        "organisation": world.org,
        "channel": Signal.Channel.PUBLIC,
        "reporter_type": "neighbour",
        "observation": "Mevrouw Jansen komt al weken niet buiten.",
        "subject_name": "Truus Jansen",
        "subject_address": "Lindelaan 12",
        "neighbourhood": "Oost",
        "reporter_contact": "melder@example.org",
        "first_estimate": "Vermoedelijk vereenzaamd",
        "decision_note": "Huisbezoek door wijkverpleging",
    }
    values.update(fields)
    return Signal.objects.create(**values)


def url(code):
    return reverse("report_status", args=[code])


def test_it_shows_that_the_report_arrived_without_feedback_yet(client, world):
    signal = make_signal(world)
    response = client.get(url(signal.receipt_code))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Terugkoppeling op uw melding" in content
    assert f"Melding ontvangen op {signal.received_at:%d-%m-%Y}" in content
    assert "Er is nog geen terugkoppeling" in content


def test_it_shows_only_the_feedback_messages(client, world):
    signal = make_signal(
        world,
        status=Signal.Status.IN_PROGRESS,
        decision=Signal.Decision.INVESTIGATION,
        assigned_to=world.professional,
        safety=1,
        health=1,
        wellbeing=1,
        extent="over_75",
        duration="structural_long",
    )
    signal.apply_score()
    signal.save()
    SignalFeedback.objects.create(
        signal=signal,
        message="Dank voor uw melding.\nWe zijn in contact gekomen.",
        written_by=world.meldpunt_coordinator,
    )
    SignalFeedback.objects.create(
        signal=signal, message="Er is hulp op gang gekomen.", written_by=world.meldpunt_coordinator
    )
    content = client.get(url(signal.receipt_code)).content.decode()
    assert "Dank voor uw melding.<br>We zijn in contact gekomen." in content
    assert content.index("Dank voor uw melding") < content.index("Er is hulp op gang gekomen")
    for secret in [
        "Mevrouw Jansen",
        "Truus",
        "Jansen",
        "Lindelaan",
        "melder@example.org",
        "Vermoedelijk vereenzaamd",
        "Huisbezoek",
        "wijkverpleging",
        "Eerste stappen",
        "onderzoek",
        "Professionele hulp",
        "professional",
        "Coordinator",
        "Coördinator",
        "meldpunt_coordinator",
        "Wijkteam Oost",
    ]:
        assert secret not in content, secret


def test_it_does_not_show_feedback_of_another_report(client, world):
    mine, other = make_signal(world), make_signal(world)
    SignalFeedback.objects.create(
        signal=other, message="Bericht voor een andere melder.", written_by=world.meldpunt_coordinator
    )
    content = client.get(url(mine.receipt_code)).content.decode()
    assert "Bericht voor een andere melder" not in content


def test_it_escapes_the_feedback(client, world):
    signal = make_signal(world)
    SignalFeedback.objects.create(
        signal=signal, message="<script>alert(1)</script>", written_by=world.meldpunt_coordinator
    )
    content = client.get(url(signal.receipt_code)).content.decode()
    assert "<script>alert(1)" not in content and "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_it_accepts_the_code_in_lower_case(client, world):
    signal = make_signal(world)
    SignalFeedback.objects.create(
        signal=signal, message="Wij zijn langs geweest.", written_by=world.meldpunt_coordinator
    )
    response = client.get(url(signal.receipt_code.lower()))
    assert response.status_code == 200
    assert "Wij zijn langs geweest." in response.content.decode()


def test_it_needs_no_account(client, world):
    signal = make_signal(world)
    response = client.get(url(signal.receipt_code))
    assert response.status_code == 200 and "/inloggen/" not in response.get("Location", "")


def test_it_does_not_know_an_unknown_code(client, world):
    make_signal(world)
    assert client.get(url("ABCDEFGHJK")).status_code == 404
    assert client.get(url("X")).status_code == 404


def test_it_does_not_match_on_part_of_a_code(client, world):
    signal = make_signal(world)
    assert client.get(url(signal.receipt_code[:9])).status_code == 404
