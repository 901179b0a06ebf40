"""Signalering: reports (meldingen) about people who may need support, their triage, and the signalling
network's ID-coded case tracking and meetings.

Signals concern people who did not ask for help, so the least possible is recorded about them, and only the
meldpunt and those assigned can see a signal. Network partners see cases by ID code, never by name.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.db import models
from django.db.models import Case, F, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steunwerk.access.declarations import AccessScope, Section
from steunwerk.signals.access import SignalQuerySet
from steunwerk.signals.urgency import BAND_LABELS, DURATION_SCORES, EXTENT_SCORES, band_for
from steunwerk.vocab import AgeBand, CaseOutcome, MeetingKind, PartnerRole, ReporterType, Typology

TEXT = [MaxLengthValidator(5000)]


def new_receipt_code():
    # No 0/O/1/I: the reporter may read it out over the phone.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


class NetworkPartner(models.Model):
    """An organisation's place in a signalling network run by another (the meldpunt's) organisation."""

    network = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="network_partners")
    partner = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="partner_of")
    role = models.CharField(_("rol in het netwerk"), max_length=12, choices=PartnerRole.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["network", "partner"], name="network_partner_unique")]

    def __str__(self):
        return f"{self.partner} ({self.get_role_display()})"


QUEUE_OPEN_BELOW = 40  # ranks of closed signals start here
# Triage order as one number: new signals first (they still need a first estimate), then the other open ones, then
# the closed; within each, the highest urgency score first and unscored signals last. Computed by the database.
QUEUE_RANK = Case(
    When(status="new", then=Value(0)), When(status="closed", then=Value(QUEUE_OPEN_BELOW)), default=Value(20)
) + Coalesce(Value(10) - F("total"), Value(11))


class Signal(models.Model):
    """A melding: what someone noticed about a person, and what the meldpunt did with it."""

    access_scope = AccessScope(section=Section.SIGNAL, signal="")

    class Channel(models.TextChoices):
        PUBLIC = "public", _("Openbaar formulier")
        PARTNER = "partner", _("Formulier voor partners")
        PHONE = "phone", _("Telefoon")
        EMAIL = "email", _("E-mail")

    class Status(models.TextChoices):
        NEW = "new", _("Nieuw")
        TRIAGED = "triaged", _("Ingeschat")
        IN_PROGRESS = "in_progress", _("Eerste stappen / onderzoek")
        NETWORK_CASE = "network_case", _("Casus in het netwerk")
        CLOSED = "closed", _("Afgesloten")

    class Decision(models.TextChoices):
        NONE = "none", _("Geen actie op de melding")
        SOLVED_DIRECTLY = "solved_directly", _("Praktisch probleem direct opgelost")
        FIRST_STEPS = "first_steps", _("Eerste stappen geadviseerd")
        INVESTIGATION = "investigation", _("Eerste onderzoek of huisbezoek")
        HANDED_OVER = "handed_over", _("Overgedragen aan hulpverlening")
        NETWORK_CASE = "network_case", _("Ingebracht in het netwerk")
        ACUTE = "acute", _("Acute hulp / crisismelding")

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Het meldpunt dat de melding ontving."),
    )
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    channel = models.CharField(_("kanaal"), max_length=8, choices=Channel.choices)
    receipt_code = models.CharField(max_length=12, unique=True, default=new_receipt_code, editable=False)
    reporter_type = models.CharField(_("wie meldt"), max_length=16, choices=ReporterType.choices)
    reporter_name = models.CharField(_("uw naam"), max_length=200, blank=True)
    reporter_contact = models.CharField(_("telefoon of e-mail voor terugkoppeling"), max_length=200, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    observation = models.TextField(_("wat is u opgevallen?"), validators=TEXT)
    subject_name = models.CharField(_("naam (als u die weet)"), max_length=200, blank=True)
    subject_address = models.CharField(_("adres of straat"), max_length=200, blank=True)
    subject_age_band = models.CharField(_("leeftijd"), max_length=8, choices=AgeBand.choices, default=AgeBand.UNKNOWN)
    neighbourhood = models.CharField(_("wijk"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("toegewezen aan"),
    )
    first_estimate = models.TextField(_("eerste inschatting"), blank=True, validators=TEXT)
    safety = models.PositiveSmallIntegerField(_("veiligheid"), null=True, blank=True, validators=[MaxValueValidator(2)])
    health = models.PositiveSmallIntegerField(_("gezondheid"), null=True, blank=True, validators=[MaxValueValidator(2)])
    wellbeing = models.PositiveSmallIntegerField(_("welzijn"), null=True, blank=True, validators=[MaxValueValidator(2)])
    extent = models.CharField(_("omvang"), max_length=12, blank=True, choices=[(k, k) for k in EXTENT_SCORES])
    duration = models.CharField(_("duur"), max_length=16, blank=True, choices=[(k, k) for k in DURATION_SCORES])
    total = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    band = models.CharField(max_length=12, blank=True, editable=False, choices=list(BAND_LABELS.items()))
    band_override = models.CharField(
        _("oordeel professional"), max_length=12, blank=True, choices=list(BAND_LABELS.items())
    )
    override_reason = models.TextField(_("reden van het afwijkende oordeel"), blank=True, validators=TEXT)
    decision = models.CharField(_("besluit"), max_length=16, choices=Decision.choices, blank=True)
    decision_note = models.TextField(_("toelichting besluit"), blank=True, validators=TEXT)
    person_consulted = models.BooleanField(
        _("betrokkene vooraf geraadpleegd"),
        default=False,
        help_text=_("Voor inbreng in het netwerk: de persoon over wie het gaat is eerst zelf gesproken."),
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    # The triage list's order as one number (QUEUE_RANK), kept by the database from status and total, so the list
    # is read in index order (signal_queue) instead of sorting all of a meldpunt's signals on every visit.
    queue_rank = models.GeneratedField(
        expression=QUEUE_RANK, output_field=models.PositiveSmallIntegerField(), db_persist=True
    )

    objects = SignalQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status", "-received_at"], name="signal_triage"),
            models.Index(fields=["organisation", "queue_rank", "-received_at", "-id"], name="signal_queue"),
        ]
        verbose_name = _("melding")

    def __str__(self):
        return f"Melding {self.receipt_code}"

    # A decision that ends the meldpunt's part closes the signal; one for the network makes it a network case;
    # any other means the meldpunt works on it.
    CLOSING_DECISIONS = (Decision.NONE, Decision.SOLVED_DIRECTLY, Decision.HANDED_OVER)

    def decide(self, decision=None):
        """Take a decision (by default the one already set, e.g. by the decision form): the status and closing time
        follow from it. Does not save."""
        if decision is not None:
            self.decision = decision
        if self.decision in self.CLOSING_DECISIONS:
            self.status, self.closed_at = self.Status.CLOSED, timezone.now()
        elif self.decision == self.Decision.NETWORK_CASE:
            self.status, self.closed_at = self.Status.NETWORK_CASE, None
        else:
            self.status, self.closed_at = self.Status.IN_PROGRESS, None

    @property
    def effective_band(self):
        return self.band_override or self.band

    def apply_score(self):
        if None in (self.safety, self.health, self.wellbeing) or not self.extent or not self.duration:
            self.total, self.band = None, ""
            return
        self.total = (
            self.safety + self.health + self.wellbeing + EXTENT_SCORES[self.extent] + DURATION_SCORES[self.duration]
        )
        self.band = band_for(self.total)


class SignalFeedback(models.Model):
    """What the reporter is told: information, advice and what was done in general terms — never case details."""

    access_scope = AccessScope(section=Section.SIGNAL, signal="signal")

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="feedback")
    message = models.TextField(_("bericht aan de melder"), validators=[MaxLengthValidator(2000)])
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)

    objects = SignalQuerySet.as_manager()

    class Meta:
        ordering = ["written_at", "id"]


class NetworkCase(models.Model):
    """A case in the signalling network, known there only by its ID code."""

    access_scope = AccessScope(section=Section.CASE, signal="signal")

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    signal = models.OneToOneField(Signal, on_delete=models.CASCADE, related_name="case")
    code = models.CharField(_("casuscode"), max_length=20)
    typology = models.CharField(_("typering"), max_length=16, choices=Typology.choices, blank=True)
    problems = models.TextField(_("gevonden problemen"), blank=True, validators=TEXT)
    steps_taken = models.TextField(_("al gezette stappen"), blank=True, validators=TEXT)
    results = models.TextField(_("resultaten"), blank=True, validators=TEXT)
    urgent = models.BooleanField(_("spoedberaad nodig"), default=False)
    outcome = models.CharField(_("uitkomst"), max_length=12, choices=CaseOutcome.choices, blank=True)
    opened_on = models.DateField(default=timezone.localdate)
    closed_on = models.DateField(null=True, blank=True)

    objects = SignalQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["organisation", "code"], name="case_code_unique_per_meldpunt")]

    def __str__(self):
        return self.code


class NetworkMeeting(models.Model):
    """A meeting of the signalling network: core partners, shell partners, management or a spoedberaad."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("soort overleg"), max_length=12, choices=MeetingKind.choices)
    date = models.DateField(_("datum"))
    agenda = models.TextField(_("agenda"), blank=True, validators=TEXT)
    minutes = models.TextField(_("verslag"), blank=True, validators=TEXT)
    cases = models.ManyToManyField(NetworkCase, blank=True, related_name="meetings", verbose_name=_("casussen"))
    invited = models.ManyToManyField(
        "accounts.Organisation", blank=True, related_name="+", verbose_name=_("uitgenodigd")
    )
    present = models.ManyToManyField("accounts.Organisation", blank=True, related_name="+", verbose_name=_("aanwezig"))
    held = models.BooleanField(_("gehouden"), default=False)

    class Meta:
        ordering = ["-date", "-id"]


class CaseAction(models.Model):
    """A follow-up action agreed for a case: who is responsible and by when."""

    access_scope = AccessScope(section=Section.CASE, signal="case__signal")

    case = models.ForeignKey(NetworkCase, on_delete=models.CASCADE, related_name="actions")
    meeting = models.ForeignKey(
        NetworkMeeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="agreements"
    )
    description = models.CharField(_("afspraak"), max_length=500)
    responsible = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("verantwoordelijke partner")
    )
    due_on = models.DateField(_("uiterlijk op"))
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    result = models.TextField(_("resultaat"), blank=True, validators=TEXT)

    objects = SignalQuerySet.as_manager()

    class Meta:
        ordering = ["done_on", "due_on", "id"]

    @property
    def is_overdue(self):
        return self.done_on is None and self.due_on < timezone.localdate()


class IntakeForm(models.Model):
    """The meldformulier: reaches core partners before the meeting and is deleted automatically after it."""

    access_scope = AccessScope(section=Section.CASE, signal="case__signal")

    case = models.ForeignKey(NetworkCase, on_delete=models.CASCADE, related_name="intake_forms")
    meeting = models.ForeignKey(NetworkMeeting, on_delete=models.CASCADE, related_name="intake_forms")
    signals_named = models.TextField(_("signalen die aanleiding gaven"), validators=TEXT)
    further_information = models.TextField(
        _("verdere informatie over persoon en probleem"), blank=True, validators=TEXT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = SignalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def wipe(self):
        self.signals_named = self.further_information = ""
        self.deleted_at = timezone.now()
        self.save(update_fields=["signals_named", "further_information", "deleted_at"])


class PublicSubmission(models.Model):
    """When a public report came in, by a salted hash of the address: only for rate limiting, kept one day."""

    key = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
