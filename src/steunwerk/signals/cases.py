"""Bringing a signal into the network as an ID-coded case, and what the case pages need."""

import re

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from steunwerk.access import log
from steunwerk.access.actor import Actor
from steunwerk.signals.models import IntakeForm, NetworkCase, Signal
from steunwerk.vocab import LogAction

CODE_PREFIX = "SN"
ATTEMPTS = 5
WIPED_DETAIL = "meldformulier verwijderd na overleg"


class CaseError(ValueError):
    """Why a signal cannot become a network case (in Dutch, for the user)."""


def code_for(year, number):
    return f"{CODE_PREFIX}-{year}-{number:04d}"


def _numbers(codes, year):
    pattern = re.compile(rf"^{CODE_PREFIX}-{year}-(\d+)$")
    return [int(m.group(1)) for m in map(pattern.match, codes) if m]


def _codes(year, **filters):
    return (
        NetworkCase.objects.editable_by(Actor.system())
        .filter(code__startswith=f"{CODE_PREFIX}-{year}-", **filters)
        .values_list("code", flat=True)
    )


def next_code(organisation_id, year, floor=1):
    """The next free ID code of this meldpunt in this year: SN-2026-0001, SN-2026-0002, ..."""
    return code_for(year, max(max(_numbers(_codes(year, organisation_id=organisation_id), year), default=0) + 1, floor))


def open_case(signal, actor):
    """Create the network case for this signal, with the next ID code of its meldpunt, and mark the signal.

    Refuses (CaseError) unless the person concerned was consulted first. A signal that already has a case
    gets that case back, unchanged. Safe to call inside the caller's transaction.

    Codes are unique per meldpunt; when a colleague takes the same number a moment earlier, the next is used.
    """
    try:
        return signal.case
    except NetworkCase.DoesNotExist:
        pass
    if not signal.person_consulted:
        raise CaseError(_("Breng een casus pas in het netwerk nadat de persoon zelf is geraadpleegd."))
    today = timezone.localdate()
    floor = 1
    for _attempt in range(ATTEMPTS):
        code = next_code(signal.organisation_id, today.year, floor)
        try:
            with transaction.atomic():
                case = NetworkCase.objects.create(
                    organisation_id=signal.organisation_id, signal=signal, code=code, opened_on=today
                )
                signal.status = Signal.Status.NETWORK_CASE
                signal.save(update_fields=["status"])
                log.record(actor, LogAction.CREATE, None, case, f"casus {code} geopend in het netwerk")
        except IntegrityError:
            signal.refresh_from_db()
            try:
                return signal.case  # the signal got its case meanwhile
            except NetworkCase.DoesNotExist:
                pass
            if _codes(today.year, code=code).exclude(organisation_id=signal.organisation_id).exists():
                floor = max(_numbers(_codes(today.year), today.year), default=0) + 1
            continue  # otherwise a colleague took this number a moment ago: take the next one
        return case
    raise CaseError(_("Er kon geen casuscode worden uitgegeven. Probeer het opnieuw."))


def wipe_intake_forms(actor, meeting=None):
    """Delete the content of the meldformulieren of this meeting (or of every held meeting); log each one.
    Call inside a transaction."""
    forms = IntakeForm.objects.editable_by(actor).filter(deleted_at__isnull=True)
    forms = forms.filter(meeting=meeting) if meeting is not None else forms.filter(meeting__held=True)
    count = 0
    for intake in forms.select_for_update(of=("self",)):
        intake.wipe()
        log.record(actor, LogAction.DELETE, None, intake, WIPED_DETAIL)
        count += 1
    return count
