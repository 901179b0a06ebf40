"""The sociale kaart: local general provisions and activities, shaped after Open Referral HSDS 3.0.

Field names follow HSDS so that import and export map one to one. It holds no client data: it describes
services, not people. Each row carries the organisation (tenant) that maintains it.
"""
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_id():
    return str(uuid.uuid4())


class Tenanted(models.Model):
    owner = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+",
                              help_text=_("De organisatie die deze sociale kaart bijhoudt."))
    hsds_id = models.CharField(max_length=64, default=new_id, help_text=_("Het id uit HSDS (meestal een UUID)."))

    class Meta:
        abstract = True


class Provider(Tenanted):
    """HSDS organization: who offers services (buurthuis, welzijnsorganisatie, sportclub)."""

    name = models.CharField(_("naam"), max_length=300)
    alternate_name = models.CharField(max_length=300, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    email = models.CharField(max_length=254, blank=True)
    website = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "hsds_id"], name="provider_hsds_unique")]

    def __str__(self):
        return self.name


class Service(Tenanted):
    """HSDS service: one provision or activity (a walk-in, a volunteer centre, a volleyball club)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Actief")
        INACTIVE = "inactive", _("Niet actief")
        DEFUNCT = "defunct", _("Opgeheven")
        TEMPORARILY_CLOSED = "temporarily closed", _("Tijdelijk gesloten")

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(_("naam"), max_length=300)
    alternate_name = models.CharField(max_length=300, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    url = models.CharField(max_length=500, blank=True)
    email = models.CharField(max_length=254, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    interpretation_services = models.TextField(blank=True)
    application_process = models.TextField(_("hoe aanmelden"), blank=True)
    fees_description = models.TextField(_("kosten"), blank=True)
    wait_time = models.TextField(blank=True)
    eligibility_description = models.TextField(_("voor wie"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("vanaf leeftijd"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("tot leeftijd"), null=True, blank=True)
    assured_date = models.DateField(_("laatst gecontroleerd"), null=True, blank=True)
    alert = models.TextField(blank=True)
    last_modified = models.DateTimeField(null=True, blank=True)
    schedule_description = models.TextField(_("openingstijden"), blank=True)
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "hsds_id"], name="service_hsds_unique")]
        indexes = [models.Index(fields=["owner", "status"], name="service_owner_status")]

    def __str__(self):
        return self.name

    @property
    def is_offered(self):
        return self.status == self.Status.ACTIVE


class Location(Tenanted):
    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, null=True, blank=True, related_name="locations")
    location_type = models.CharField(max_length=20, default="physical")
    name = models.CharField(_("naam"), max_length=300, blank=True)
    alternate_name = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    transportation = models.TextField(blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    url = models.CharField(max_length=500, blank=True)
    accessibility = models.TextField(_("toegankelijkheid"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "hsds_id"], name="location_hsds_unique")]

    def __str__(self):
        return self.name or self.hsds_id


class ServiceAtLocation(Tenanted):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="service_links")
    description = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "hsds_id"], name="sal_hsds_unique")]


class Address(Tenanted):
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="addresses")
    attention = models.CharField(max_length=300, blank=True)
    address_1 = models.CharField(max_length=300)
    address_2 = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=200)
    region = models.CharField(_("wijk"), max_length=200, blank=True,
                              help_text=_("In HSDS 'region'; wij gebruiken het voor de wijk."))
    state_province = models.CharField(max_length=200, blank=True)
    postal_code = models.CharField(max_length=20)
    country = models.CharField(max_length=2, default="NL")
    address_type = models.CharField(max_length=10, default="physical")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "hsds_id"], name="address_hsds_unique")]
