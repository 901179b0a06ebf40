"""Sign-in that resists guessing (issue 14, H2): after ten wrong attempts sign-in is refused for fifteen minutes,
for that account from anywhere and from that address for any account, with the same Dutch message whether the
account exists or not; every failure is recorded. The API takes no passwords (HTTP Basic is off)."""

import base64
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from steunwerk.conftest import PASSWORD

LOGIN = "/inloggen/"


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_right_password_no_longer_works_after_ten_wrong_ones(world):
    browser = Client()
    for _ in range(9):
        assert attempt(browser, "professional", "fout-wachtwoord").status_code == 200  # the form again, with an error
    locked = attempt(browser, "professional", "fout-wachtwoord")
    assert locked.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in locked.content.decode()
    refused = attempt(browser, "professional", PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in browser.session


def test_the_account_is_locked_from_every_address(world):
    for n in range(10):
        attempt(Client(), "professional", "fout-wachtwoord", address=f"198.51.100.{n + 1}")
    assert attempt(Client(), "professional", PASSWORD, address="192.0.2.99").status_code == 429


def test_an_address_guessing_many_accounts_is_locked_for_all_of_them(world):
    for n in range(10):
        attempt(Client(), f"gok{n}", "fout-wachtwoord", address="203.0.113.50")
    assert attempt(Client(), "professional", PASSWORD, address="203.0.113.50").status_code == 429
    assert attempt(Client(), "professional", PASSWORD, address="203.0.113.51").status_code == 302  # elsewhere: fine


def test_an_unknown_account_gets_the_same_answers_as_a_known_one(world):
    def answers(username, address):
        browser = Client()
        return [
            (r.status_code, r.content.count(b'role="alert"'))
            for r in (attempt(browser, username, "fout-wachtwoord", address) for _ in range(11))
        ]

    assert answers("professional", "203.0.113.60") == answers("bestaat-niet", "203.0.113.61")


def test_every_failure_is_recorded_without_the_password(world):
    attempt(Client(), "professional", "geheim-fout-1")
    attempt(Client(), "bestaat-niet", "geheim-fout-2")
    failures = AccessFailureLog.objects.order_by("attempt_time")
    assert [f.username for f in failures] == ["professional", "bestaat-niet"]
    assert all(f.ip_address == "203.0.113.7" for f in failures)
    stored = " ".join(str(value) for row in AccessAttempt.objects.values() for value in row.values())
    assert "geheim-fout" not in stored


def test_sign_in_works_again_after_fifteen_minutes(world):
    for _ in range(10):
        attempt(Client(), "professional", "fout-wachtwoord")
    assert attempt(Client(), "professional", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert attempt(Client(), "professional", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "proxies, forwarded_for, expected",
    [
        (0, "203.0.113.70", "10.0.0.1"),  # no proxy configured: a forged header changes nothing
        (1, "6.6.6.6, 203.0.113.70", "203.0.113.70"),  # nginx appended the client; what the client wrote is ignored
        (2, "6.6.6.6, 203.0.113.70, 192.0.2.10", "203.0.113.70"),  # load balancer, then nginx
    ],
)
def test_behind_proxies_the_address_is_the_one_the_outermost_proxy_saw(
    world, settings, proxies, forwarded_for, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    Client().post(
        LOGIN,
        {"username": "professional", "password": "fout"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )
    assert AccessFailureLog.objects.get().ip_address == expected


def test_the_api_takes_no_password(world):
    token = base64.b64encode(f"professional:{PASSWORD}".encode()).decode()
    response = Client().get(reverse("api_method", args=["fact"]), HTTP_AUTHORIZATION=f"Basic {token}")
    assert response.status_code in (401, 403)
