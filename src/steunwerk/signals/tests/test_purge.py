"""`steunwerk signals_purge`: the retention purge of signals without follow-up, intake forms and rate-limit rows."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from steunwerk.access.models import AccessLogEntry
from steunwerk.signals.models import IntakeForm, NetworkCase, PublicSubmission, Signal, SignalFeedback
from steunwerk.signals.tests.network_fixtures import make_meeting, make_signal, net  # noqa: F401

DAYS = 30


@pytest.fixture(autouse=True)
def retention(settings):
    settings.SIGNAL_RETENTION_DAYS = DAYS


def purge(*args):
    out = io.StringIO()
    call_command("signals_purge", *args, stdout=out)
    return out.getvalue()


def aged(org, days, **fields):
    return make_signal(org, received_at=timezone.now() - timedelta(days=days), **fields)


def closed(org, days, **fields):
    return aged(org, days, status="closed", decision="none", closed_at=timezone.now() - timedelta(days=days), **fields)


def exists(signal):
    return Signal.objects.filter(pk=signal.pk).exists()


def test_it_deletes_a_closed_signal_one_day_past_the_retention_period_and_keeps_one_a_day_inside(net):
    outside, inside = closed(net.org, DAYS + 1), closed(net.org, DAYS - 1)
    out = purge()
    assert not exists(outside) and exists(inside)
    assert "Meldingen verwijderd: 1" in out


@pytest.mark.parametrize(
    "status, decision, deleted",
    [
        ("new", "none", True),
        ("triaged", "solved_directly", True),
        ("closed", "handed_over", True),
        ("new", "", False),
        ("triaged", "", False),
        ("triaged", "investigation", False),
        ("in_progress", "first_steps", False),
        ("network_case", "network_case", False),
    ],
)
def test_it_deletes_only_signals_without_follow_up(net, status, decision, deleted):
    signal = aged(net.org, DAYS + 5, status=status, decision=decision)
    purge()
    assert exists(signal) is not deleted


def test_it_keeps_a_signal_that_became_a_network_case(net):
    Signal.objects.filter(pk=net.signal.pk).update(status="closed", received_at=timezone.now() - timedelta(days=900))
    purge()
    assert exists(net.signal) and NetworkCase.objects.filter(pk=net.case.pk).exists()


def test_it_keeps_a_closed_signal_until_the_period_has_passed_since_closing(net):
    signal = aged(net.org, DAYS + 50, status="closed", decision="none", closed_at=timezone.now() - timedelta(days=2))
    purge()
    assert exists(signal)


def test_it_deletes_the_feedback_with_the_signal(net):
    signal = closed(net.org, DAYS + 1)
    SignalFeedback.objects.create(signal=signal, message="Dank voor uw melding.", written_by=net.coordinator)
    purge()
    assert not SignalFeedback.objects.exists()


def test_it_writes_an_access_log_row_per_deleted_signal(net):
    signals = [closed(net.org, DAYS + 1), closed(net.other_network, DAYS + 2)]
    purge()
    rows = AccessLogEntry.objects.filter(action="delete", object_type="Signal")
    assert sorted(rows.values_list("object_id", flat=True)) == sorted(s.pk for s in signals)
    assert set(rows.values_list("detail", "client_id", "user", "role")) == {
        ("verwijderd na bewaartermijn", None, None, "system")
    }


def test_a_dry_run_deletes_nothing(net):
    signal = closed(net.org, DAYS + 1)
    meeting = make_meeting(net.org, days=-1, held=True)
    form = IntakeForm.objects.create(case=net.case, meeting=meeting, signals_named="signaal")
    PublicSubmission.objects.create(key="abc", at=timezone.now() - timedelta(days=2))
    before = AccessLogEntry.objects.count()
    out = purge("--dry-run")
    assert "Proefdraai" in out and "Meldingen te verwijderen: 1" in out and "Meldformulieren te wissen: 1" in out
    assert exists(signal) and PublicSubmission.objects.exists()
    form.refresh_from_db()
    assert form.signals_named == "signaal" and form.deleted_at is None
    assert AccessLogEntry.objects.count() == before


def test_it_wipes_intake_forms_of_held_meetings_only(net):
    held = make_meeting(net.org, days=-1, held=True)
    old = IntakeForm.objects.create(case=net.case, meeting=held, signals_named="signaal")
    coming = IntakeForm.objects.create(case=net.case, meeting=net.meeting, signals_named="voor het overleg")
    out = purge()
    old.refresh_from_db()
    coming.refresh_from_db()
    assert (old.signals_named, old.deleted_at is not None) == ("", True)
    assert (coming.signals_named, coming.deleted_at) == ("voor het overleg", None)
    assert "Meldformulieren gewist: 1" in out
    assert AccessLogEntry.objects.filter(object_type="IntakeForm", object_id=old.pk, action="delete").exists()


def test_it_deletes_public_submission_records_older_than_a_day(net):
    old = PublicSubmission.objects.create(key="a", at=timezone.now() - timedelta(hours=25))
    recent = PublicSubmission.objects.create(key="b", at=timezone.now() - timedelta(hours=23))
    assert "Openbare inzendingen verwijderd: 1" in purge()
    assert list(PublicSubmission.objects.all()) == [recent]
    assert not PublicSubmission.objects.filter(pk=old.pk).exists()


def test_it_is_idempotent(net):
    closed(net.org, DAYS + 1)
    IntakeForm.objects.create(case=net.case, meeting=make_meeting(net.org, days=-1, held=True), signals_named="s")
    purge()
    logged = AccessLogEntry.objects.count()
    out = purge()
    assert "Meldingen verwijderd: 0" in out and "Meldformulieren gewist: 0" in out
    assert AccessLogEntry.objects.count() == logged


def test_it_uses_a_year_when_no_period_is_configured(net, settings):
    del settings.SIGNAL_RETENTION_DAYS
    young, old = closed(net.org, 364), closed(net.org, 366)
    purge()
    assert exists(young) and not exists(old)
