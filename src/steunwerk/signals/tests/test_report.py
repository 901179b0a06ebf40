"""Zorgen melden (signals.views.report): the public form, without an account, guarded against robots and floods."""

import re
import time
from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from steunwerk.signals.forms import FORM_SALT
from steunwerk.signals.models import PublicSubmission, Signal

OBSERVATION = "De buurvrouw komt al weken niet meer buiten en de brievenbus puilt uit."


class PastSigner(signing.TimestampSigner):
    """Signs as if it were ``seconds_ago`` seconds earlier: a form opened some time ago."""

    def __init__(self, seconds_ago):
        super().__init__(salt=FORM_SALT)
        self.seconds_ago = seconds_ago

    def timestamp(self):
        return signing.b62_encode(int(time.time() - self.seconds_ago))


def token(seconds_ago=60):
    return PastSigner(seconds_ago).sign("start")


def url(world):
    return reverse("report", args=[world.org.pk])


def data(**changes):
    values = {
        "reporter_type": "neighbour",
        "observation": OBSERVATION,
        "subject_name": "",
        "subject_address": "Lindelaan",
        "subject_age_band": "over_75",
        "neighbourhood": "Oost",
        "reporter_name": "",
        "reporter_contact": "",
        "website": "",
        "started": token(),
    }
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def test_it_shows_the_form_with_a_fresh_signed_token(client, world):
    response = client.get(url(world))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Zorgen melden bij" in content and "Wijkteam Oost" in content
    started = re.search(r'name="started" value="([^"]+)"', content).group(1)
    assert signing.TimestampSigner(salt=FORM_SALT).unsign(started, max_age=60) == "start"


def test_it_stores_a_report_and_shows_the_receipt_code(client, world):
    response = client.post(url(world), data())
    assert response.status_code == 200
    signal = Signal.objects.get()
    assert (signal.organisation, signal.channel, signal.submitted_by) == (world.org, Signal.Channel.PUBLIC, None)
    assert (signal.status, signal.observation, signal.subject_age_band) == (Signal.Status.NEW, OBSERVATION, "over_75")
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{10}", signal.receipt_code)
    content = response.content.decode()
    assert "uw melding is ontvangen" in content
    assert f'<strong class="code">{signal.receipt_code}</strong>' in content
    assert reverse("report_status", args=[signal.receipt_code]) in content
    assert PublicSubmission.objects.count() == 1


def test_it_needs_no_account_but_also_works_when_signed_in(login, world):
    response = login(world.professional).post(url(world), data())
    assert response.status_code == 200
    assert Signal.objects.get().channel == Signal.Channel.PUBLIC


def test_it_rejects_a_submission_faster_than_a_person_can_type(client, world):
    response = client.post(url(world), data(started=token(seconds_ago=1)))
    assert response.status_code == 400
    assert "Probeer het over enkele seconden opnieuw" in response.content.decode()
    assert not Signal.objects.exists() and not PublicSubmission.objects.exists()


def test_it_rejects_a_submission_with_the_token_just_issued_by_the_form(client, world):
    started = re.search(r'name="started" value="([^"]+)"', client.get(url(world)).content.decode()).group(1)
    assert client.post(url(world), data(started=started)).status_code == 400
    assert not Signal.objects.exists()


def test_it_accepts_a_form_that_was_open_just_over_three_seconds(client, world):
    assert client.post(url(world), data(started=token(seconds_ago=5))).status_code == 200
    assert Signal.objects.count() == 1


def test_it_rejects_a_filled_honeypot(client, world):
    response = client.post(url(world), data(website="http://spam.example"))
    assert response.status_code == 400
    assert "Uw melding kon niet worden verwerkt" in response.content.decode()
    assert not Signal.objects.exists()


@pytest.mark.parametrize(
    "started",
    [
        "start:1abcde:notasignature",
        signing.TimestampSigner(salt="another-salt").sign("start"),
        "",
        None,
    ],
)
def test_it_rejects_a_tampered_or_missing_token(client, world, started):
    response = client.post(url(world), data(started=started))
    assert response.status_code == 400
    assert not Signal.objects.exists()


def test_it_rejects_a_token_with_a_forged_start_time(client, world):
    # A real token whose time is moved back no longer matches its signature.
    value, _stamp, signature = token(seconds_ago=1).split(":")
    forged = f"{value}:{signing.b62_encode(int(time.time()) - 100)}:{signature}"
    response = client.post(url(world), data(started=forged))
    assert response.status_code == 400
    assert not Signal.objects.exists()


def test_it_rejects_an_expired_token(client, world):
    response = client.post(url(world), data(started=token(seconds_ago=24 * 3600 + 60)))
    assert response.status_code == 400
    assert "Het formulier is verlopen" in response.content.decode()
    assert not Signal.objects.exists()


def test_it_gives_a_fresh_token_with_a_rejected_form(client, world):
    response = client.post(url(world), data(started=token(seconds_ago=24 * 3600 + 60)))
    started = re.search(r'name="started" value="([^"]+)"', response.content.decode()).group(1)
    assert signing.TimestampSigner(salt=FORM_SALT).unsign(started, max_age=60) == "start"


@pytest.mark.parametrize("observation", [None, "", "   ", "Zorgen.", "         kort    "])
def test_it_asks_for_an_observation(client, world, observation):
    response = client.post(url(world), data(observation=observation))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Dit veld is ver" in content or "Beschrijf in een paar woorden wat u is opgevallen." in content
    assert not Signal.objects.exists()


def test_it_explains_a_too_short_observation_in_dutch(client, world):
    response = client.post(url(world), data(observation="Zorgen."))
    assert "Beschrijf in een paar woorden wat u is opgevallen." in response.content.decode()


def test_it_rejects_an_oversized_observation(client, world):
    response = client.post(url(world), data(observation="x" * 5001))
    assert response.status_code == 400
    assert "niet meer dan 5000 tekens" in response.content.decode()
    assert not Signal.objects.exists()


def test_it_accepts_an_observation_of_exactly_5000_characters(client, world):
    assert client.post(url(world), data(observation="x" * 5000)).status_code == 200
    assert len(Signal.objects.get().observation) == 5000


def test_it_rejects_an_unknown_reporter_type(client, world):
    assert client.post(url(world), data(reporter_type="hacker")).status_code == 400
    assert not Signal.objects.exists()


def test_it_stores_script_as_text_and_shows_it_escaped_to_the_coordinator(client, world):
    script = "<script>alert('x')</script> woont alleen en eet niet meer"
    assert client.post(url(world), data(observation=script, subject_name="<b>Jan</b>")).status_code == 200
    signal = Signal.objects.get()
    assert signal.observation == script
    client.force_login(world.meldpunt_coordinator)
    content = client.get(reverse("signal", args=[signal.pk])).content.decode()
    assert "<script>alert" not in content and "<b>Jan</b>" not in content
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in content
    assert "&lt;b&gt;Jan&lt;/b&gt;" in content


def test_it_refuses_the_sixth_report_from_one_address_within_an_hour(client, world):
    for _ in range(5):
        assert client.post(url(world), data(), REMOTE_ADDR="10.0.0.1").status_code == 200
    response = client.post(url(world), data(), REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    assert "Er zijn vanaf dit adres te veel meldingen gedaan" in response.content.decode()
    assert Signal.objects.count() == 5
    assert client.post(url(world), data(), REMOTE_ADDR="10.0.0.2").status_code == 200
    assert Signal.objects.count() == 6


def test_it_counts_only_the_last_hour(client, world):
    for _ in range(5):
        assert client.post(url(world), data(), REMOTE_ADDR="10.0.0.1").status_code == 200
    PublicSubmission.objects.update(at=timezone.now() - timedelta(hours=1, minutes=1))
    assert client.post(url(world), data(), REMOTE_ADDR="10.0.0.1").status_code == 200


def test_it_refuses_everyone_when_the_form_is_flooded_from_many_addresses(client, world):
    PublicSubmission.objects.bulk_create([PublicSubmission(key=f"{n:064d}") for n in range(300)])
    response = client.post(url(world), data(), REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    assert not Signal.objects.exists()


def test_it_does_not_count_refused_submissions(client, world):
    for _ in range(6):
        assert client.post(url(world), data(website="spam"), REMOTE_ADDR="10.0.0.1").status_code == 400
    assert client.post(url(world), data(), REMOTE_ADDR="10.0.0.1").status_code == 200


def test_it_refuses_an_empty_post(client, world):
    assert client.post(url(world), {}).status_code == 400
    assert not Signal.objects.exists()


def test_it_keeps_no_address_in_plain_text(client, world):
    client.post(url(world), data(), REMOTE_ADDR="10.0.0.1")
    key = PublicSubmission.objects.get().key
    assert "10.0.0.1" not in key and len(key) == 64


def test_it_only_takes_reports_for_a_meldpunt(client, world):
    assert client.get(reverse("report", args=[world.other_org.pk])).status_code == 404
    assert client.post(reverse("report", args=[world.other_org.pk]), data()).status_code == 404
    assert client.post(reverse("report", args=[999999]), data()).status_code == 404
    assert not Signal.objects.exists()


def test_it_skips_the_choice_with_one_meldpunt(client, world):
    response = client.get(reverse("report_choose"))
    assert response.status_code == 302 and response["Location"] == url(world)
