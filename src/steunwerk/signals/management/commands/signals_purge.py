"""`steunwerk signals_purge [--dry-run]`: the scheduled retention purge of the signalling data. Idempotent.

- Signals without follow-up are deleted once older than SIGNAL_RETENTION_DAYS (default 365): closed signals,
  and new or triaged signals whose decision was "no action" or "solved directly". A signal that became a
  network case is kept. Age counts from receipt, and for a closed signal also from its closing.
- Meldformulieren of meetings that were held are wiped (normally already done when the meeting was closed).
- Rate-limit records of the public form (PublicSubmission) older than a day are deleted.
Every deleted signal and wiped form gets an access-log row.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from steunwerk.access import log
from steunwerk.access.actor import Actor
from steunwerk.signals.cases import wipe_intake_forms
from steunwerk.signals.models import IntakeForm, PublicSubmission, Signal
from steunwerk.vocab import LogAction

DEFAULT_RETENTION_DAYS = 365
PURGED_DETAIL = "verwijderd na bewaartermijn"


def expired_signals(actor, now=None):
    """Signals past the retention period that never became a network case and had no follow-up."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=getattr(settings, "SIGNAL_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))
    S = Signal.Status
    without_follow_up = Q(status=S.CLOSED) | Q(
        status__in=[S.NEW, S.TRIAGED], decision__in=[Signal.Decision.NONE, Signal.Decision.SOLVED_DIRECTLY]
    )
    return (
        Signal.objects.editable_by(actor)
        .filter(without_follow_up, received_at__lt=cutoff, case__isnull=True)
        .filter(Q(closed_at__isnull=True) | Q(closed_at__lt=cutoff))
    )


class Command(BaseCommand):
    help = "Bewaartermijnen signalering: oude meldingen zonder vervolg verwijderen, meldformulieren wissen."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="alleen tellen, niets verwijderen")

    def handle(self, *args, dry_run, **options):
        system = Actor.system("bewaartermijn")
        now = timezone.now()
        signals = expired_signals(system, now)
        forms = IntakeForm.objects.editable_by(system).filter(deleted_at__isnull=True, meeting__held=True)
        submissions = PublicSubmission.objects.filter(at__lt=now - timedelta(days=1))
        if dry_run:
            self.stdout.write(
                f"Proefdraai, er is niets verwijderd.\n"
                f"Meldingen te verwijderen: {signals.count()}\n"
                f"Meldformulieren te wissen: {forms.count()}\n"
                f"Openbare inzendingen te verwijderen: {submissions.count()}"
            )
            return
        with transaction.atomic():
            deleted = 0
            for signal in signals.select_for_update(of=("self",)).order_by("pk"):
                log.record(system, LogAction.DELETE, None, signal, PURGED_DETAIL)
                signal.delete()
                deleted += 1
            wiped = wipe_intake_forms(system)
            removed, _by_model = submissions.delete()
        self.stdout.write(
            f"Meldingen verwijderd: {deleted}\n"
            f"Meldformulieren gewist: {wiped}\n"
            f"Openbare inzendingen verwijderd: {removed}"
        )
