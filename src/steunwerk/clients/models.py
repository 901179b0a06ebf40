from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from steunwerk.access.declarations import AccessScope, Section
from steunwerk.access.scope import ScopedQuerySet
from steunwerk.clients import bsn as bsn_rules
from steunwerk.vocab import RELATION_CIRCLE, Circle, Frequency, Involvement, Limitation, Load, Relation, SupportKind


class Client(models.Model):
    """The citizen. Only the name is required: collect what the support question needs, nothing more."""

    access_scope = AccessScope(section=Section.IDENTITY, client="")

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("naam"), max_length=200)
    date_of_birth = models.DateField(_("geboortedatum"), null=True, blank=True)
    bsn = models.CharField(
        _("BSN"),
        max_length=9,
        blank=True,
        validators=[bsn_rules.validate],
        help_text=_("Burgerservicenummer; alleen vastleggen als de ondersteuningsvraag het nodig maakt."),
    )
    street_address = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("woonplaats"), max_length=100, blank=True)
    neighbourhood = models.CharField(_("wijk"), max_length=100, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    limitations = models.JSONField(
        _("soort beperking"),
        default=list,
        blank=True,
        help_text=_("Eén of meer van: ouderdom, lichamelijk, verstandelijk, psychisch, sociaal."),
    )
    wanted_helpers = models.TextField(
        _("wie mag helpen"),
        blank=True,
        help_text=_("Door wie de cliënt graag geholpen wordt."),
    )
    unwanted_helpers = models.TextField(
        _("wie liever niet"),
        blank=True,
        help_text=_("Door wie de cliënt liever niet geholpen wordt, bijvoorbeeld familie die al belast is."),
    )
    synthetic = models.BooleanField(default=False, help_text=_("Gegenereerde testpersoon, geen echt mens."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            # The caseload search starts from these (a BSN or a birth date narrows to a handful of people), then
            # checks which of their trajectories the actor may see; without them it reads the whole team.
            models.Index(fields=["bsn"], name="client_bsn"),
            models.Index(fields=["date_of_birth"], name="client_dob"),
        ]
        verbose_name = _("cliënt")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The caseload sorts on a copy of the name in each trajectory (see Trajectory.client_name).
        self.trajectories.exclude(client_name=self.name).update(client_name=self.name)

    @property
    def masked_bsn(self):
        return bsn_rules.mask(self.bsn)

    def limitation_labels(self):
        return [Limitation(v).label for v in self.limitations if v in Limitation.values]


class NetworkMember(models.Model):
    """Someone in the client's network: who they are to the client, what they do, and how much they can carry."""

    access_scope = AccessScope(section=Section.FILE, client="client")

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", editable=False
    )
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="network")
    name = models.CharField(_("naam"), max_length=200)
    relation = models.CharField(_("relatie"), max_length=16, choices=Relation.choices)
    same_household = models.BooleanField(_("woont in hetzelfde huis"), default=False)
    support = models.JSONField(
        _("soort steun"),
        default=list,
        blank=True,
        help_text=_("Praktisch, emotioneel, informatie en advies, gezelschap."),
    )
    frequency = models.CharField(_("hoe vaak"), max_length=16, choices=Frequency.choices, blank=True)
    gives_back = models.CharField(
        _("wat de cliënt teruggeeft"),
        max_length=500,
        blank=True,
        help_text=_("Wederkerigheid: wat doet de cliënt voor deze persoon?"),
    )
    load = models.CharField(_("draagkracht"), max_length=16, choices=Load.choices, default=Load.ABLE)
    involvement = models.CharField(
        _("wil de cliënt deze persoon erbij?"), max_length=8, choices=Involvement.choices, default=Involvement.UNSURE
    )
    note = models.TextField(_("toelichting"), blank=True, validators=[MaxLengthValidator(5000)])
    plan_consent_on = models.DateField(
        _("toestemming plan-stappen"),
        null=True,
        blank=True,
        help_text=_("Datum waarop de cliënt toestemming gaf dat deze persoon de eigen taken in het plan ziet."),
    )
    plan_consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("netwerklid")

    def __str__(self):
        return f"{self.name} ({self.get_relation_display()})"

    def save(self, *args, **kwargs):
        if not self.organisation_id:
            self.organisation_id = self.client.organisation_id
        super().save(*args, **kwargs)

    @property
    def circle(self):
        if self.same_household:
            return Circle.HOUSEHOLD
        return RELATION_CIRCLE[self.relation]

    @property
    def shares_plan_steps(self):
        return self.plan_consent_on is not None and self.plan_consent_withdrawn_at is None

    def support_labels(self):
        labels = dict(SupportKind.choices)
        return [labels[s] for s in self.support if s in labels]
