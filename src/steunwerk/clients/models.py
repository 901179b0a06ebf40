from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from steunwerk.access.scope import AccessScope, Section
from steunwerk.clients import bsn as bsn_rules
from steunwerk.vocab import Limitation


class Client(models.Model):
    """The citizen. Only the name is required: collect what the support question needs, nothing more."""

    access_scope = AccessScope(section=Section.IDENTITY, client="")

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("naam"), max_length=200)
    date_of_birth = models.DateField(_("geboortedatum"), null=True, blank=True)
    bsn = models.CharField(
        _("BSN"), max_length=9, blank=True, validators=[bsn_rules.validate],
        help_text=_("Burgerservicenummer; alleen vastleggen als de ondersteuningsvraag het nodig maakt."),
    )
    street_address = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("woonplaats"), max_length=100, blank=True)
    neighbourhood = models.CharField(_("wijk"), max_length=100, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    limitations = models.JSONField(
        _("soort beperking"), default=list, blank=True,
        help_text=_("Eén of meer van: ouderdom, lichamelijk, verstandelijk, psychisch, sociaal."),
    )
    wanted_helpers = models.TextField(
        _("wie mag helpen"), blank=True, help_text=_("Door wie de cliënt graag geholpen wordt."),
    )
    unwanted_helpers = models.TextField(
        _("wie liever niet"), blank=True,
        help_text=_("Door wie de cliënt liever niet geholpen wordt, bijvoorbeeld familie die al belast is."),
    )
    synthetic = models.BooleanField(default=False, help_text=_("Gegenereerde testpersoon, geen echt mens."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["organisation", "bsn"], name="client_org_bsn"),
            models.Index(fields=["organisation", "name"], name="client_org_name"),
            models.Index(fields=["organisation", "date_of_birth"], name="client_org_dob"),
        ]
        verbose_name = _("cliënt")

    def __str__(self):
        return self.name

    @property
    def masked_bsn(self):
        return bsn_rules.mask(self.bsn)

    def limitation_labels(self):
        return [Limitation(v).label for v in self.limitations if v in Limitation.values]
