"""The sociale kaart: local general provisions and activities, shaped after Open Referral HSDS 3.0.

Field names follow HSDS so that import and export map one to one. It holds no client data: it describes
services, not people. Each row carries the organisation (tenant) that maintains it.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_id():
    return str(uuid.uuid4())


def web_link(url):
    """The address only if a browser may follow it safely (http or https); imported data is not trusted."""
    return url if url.lower().startswith(("https://", "http://")) else ""


class Tenanted(models.Model):
    owner = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("De organisatie die deze sociale kaart bijhoudt."),
    )
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
    tax_status = models.CharField(max_length=200, blank=True, help_text=_("HSDS: verouderd, alleen bewaard."))
    tax_id = models.CharField(max_length=200, blank=True, help_text=_("HSDS: verouderd, alleen bewaard."))
    year_incorporated = models.PositiveSmallIntegerField(null=True, blank=True)
    legal_status = models.CharField(max_length=200, blank=True)
    logo = models.CharField(max_length=500, blank=True)
    uri = models.CharField(
        max_length=500, blank=True, help_text=_("Een blijvende identificatie (bijvoorbeeld KvK-URI), niet de website.")
    )
    parent_organization_id = models.CharField(
        max_length=64, blank=True, help_text=_("HSDS-id van de moederorganisatie.")
    )

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "hsds_id"], name="provider_hsds_unique")]

    def __str__(self):
        return self.name

    @property
    def web_url(self):
        return web_link(self.website)


class Service(Tenanted):
    """HSDS service: one provision or activity (a walk-in, a volunteer centre, a volleyball club)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Actief")
        INACTIVE = "inactive", _("Niet actief")
        DEFUNCT = "defunct", _("Opgeheven")
        TEMPORARILY_CLOSED = "temporarily closed", _("Tijdelijk gesloten")

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="services")
    program_id = models.CharField(max_length=64, blank=True, help_text=_("HSDS-id van het programma (alleen bewaard)."))
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
    fees = models.TextField(blank=True, help_text=_("HSDS: verouderd, alleen bewaard."))
    accreditations = models.TextField(blank=True)
    eligibility_description = models.TextField(_("voor wie"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("vanaf leeftijd"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("tot en met leeftijd"), null=True, blank=True)
    assured_date = models.DateField(
        _("laatst gecontroleerd"),
        null=True,
        blank=True,
        help_text=_("De datum waarop iemand deze informatie voor het laatst heeft nagekeken."),
    )
    assurer_email = models.CharField(max_length=254, blank=True)
    licenses = models.TextField(blank=True, help_text=_("HSDS: verouderd, alleen bewaard."))
    alert = models.TextField(blank=True)
    last_modified = models.DateTimeField(null=True, blank=True)
    domains = models.JSONField(
        _("levensgebieden"),
        default=list,
        blank=True,
        help_text=_("Codes uit de lijst levensgebieden (vocab.MethodDomain)."),
    )
    target_groups = models.JSONField(
        _("doelgroepen"), default=list, blank=True, help_text=_("Codes uit de lijst doelgroepen (vocab.TargetGroup).")
    )

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "hsds_id"], name="service_hsds_unique")]
        indexes = [models.Index(fields=["owner", "status"], name="service_owner_status")]

    def __str__(self):
        return self.name

    @property
    def is_offered(self):
        return self.status == self.Status.ACTIVE

    @property
    def web_url(self):
        return web_link(self.url)

    # The helpers below read prefetched relations (see resources.search.with_details): no query per service.

    @property
    def locations(self):
        return [link.location for link in self.at_locations.all()]

    @property
    def addresses(self):
        return [a for loc in self.locations for a in loc.addresses.all()]

    @property
    def wijken(self):
        return sorted({a.region for a in self.addresses if a.region}, key=str.casefold)

    @property
    def opening_times(self):
        """The schedules of the service itself, of the service at each location, and of those locations."""
        texts = [s.text for s in self.schedules.all()]
        for link in self.at_locations.all():
            where = link.location.name
            for s in [*link.schedules.all(), *link.location.schedules.all()]:
                texts.append(f"{s.text} ({where})" if where and len(self.at_locations.all()) > 1 else s.text)
        return [t for t in dict.fromkeys(texts) if t]

    @property
    def accessibility(self):
        return [a for loc in self.locations for a in loc.accessibility.all()]

    @property
    def ages(self):
        """'6 t/m 12 jaar', 'vanaf 18 jaar', 'tot en met 12 jaar' or '' (no limit)."""
        low, high = self.minimum_age, self.maximum_age
        if low is not None and high is not None:
            return _("%(low)s t/m %(high)s jaar") % {"low": low, "high": high}
        if low is not None:
            return _("vanaf %(low)s jaar") % {"low": low}
        if high is not None:
            return _("tot en met %(high)s jaar") % {"high": high}
        return ""

    def needs_check(self, today):
        """The information was never checked, or not in the last year."""
        return self.assured_date is None or (today - self.assured_date).days > 365


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
    external_identifier = models.CharField(max_length=200, blank=True)
    external_identifier_type = models.CharField(max_length=200, blank=True)

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
    location = models.ForeignKey(Location, on_delete=models.CASCADE, null=True, blank=True, related_name="addresses")
    attention = models.CharField(max_length=300, blank=True)
    address_1 = models.CharField(max_length=300)
    address_2 = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=200)
    region = models.CharField(
        _("wijk"), max_length=200, blank=True, help_text=_("In HSDS 'region'; wij gebruiken het voor de wijk.")
    )
    state_province = models.CharField(max_length=200, blank=True)
    postal_code = models.CharField(max_length=20)
    country = models.CharField(max_length=2, default="NL")
    address_type = models.CharField(max_length=10, default="physical")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "hsds_id"], name="address_hsds_unique")]


DAY_LABELS = {"MO": _("ma"), "TU": _("di"), "WE": _("wo"), "TH": _("do"), "FR": _("vr"), "SA": _("za"), "SU": _("zo")}


class Schedule(Tenanted):
    """HSDS schedule: when a service, a location or a service at a location is open (RFC 5545 RRULE style).

    Most Dutch sources only have the free text (`description`, e.g. "dinsdag 10.00–12.00 uur"); the structured
    columns are kept as they came so that an export gives them back unchanged."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, null=True, blank=True, related_name="schedules")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, null=True, blank=True, related_name="schedules")
    service_at_location = models.ForeignKey(
        ServiceAtLocation, on_delete=models.CASCADE, null=True, blank=True, related_name="schedules"
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    dtstart = models.DateField(null=True, blank=True)
    timezone = models.DecimalField(
        max_digits=4, decimal_places=2, null=True, blank=True, help_text=_("Verschil met UTC in uren.")
    )
    until = models.DateField(null=True, blank=True)
    count = models.PositiveIntegerField(null=True, blank=True)
    wkst = models.CharField(max_length=2, blank=True)
    freq = models.CharField(max_length=10, blank=True)
    interval = models.PositiveIntegerField(null=True, blank=True)
    byday = models.CharField(max_length=100, blank=True)
    byweekno = models.CharField(max_length=200, blank=True)
    bymonthday = models.CharField(max_length=200, blank=True)
    byyearday = models.CharField(max_length=300, blank=True)
    description = models.TextField(_("openingstijden"), blank=True)
    opens_at = models.CharField(max_length=20, blank=True)
    closes_at = models.CharField(max_length=20, blank=True)
    schedule_link = models.CharField(max_length=500, blank=True)
    attending_type = models.TextField(blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["owner", "hsds_id"], name="schedule_hsds_unique")]

    def __str__(self):
        return self.text

    @property
    def text(self):
        """What a reader needs: the free text, or else the days and hours from the structured columns."""
        if self.description:
            return self.description
        days = ", ".join(str(DAY_LABELS.get(d.strip()[-2:], d.strip())) for d in self.byday.split(",") if d.strip())
        hours = "–".join(t[:5] for t in (self.opens_at, self.closes_at) if t)
        return " ".join(part for part in (days, hours) if part)


class Accessibility(Tenanted):
    """HSDS accessibility: arrangements for people with a disability at a location (lift, ringleiding, ...)."""

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, null=True, blank=True, related_name="accessibility"
    )
    description = models.TextField(_("toegankelijkheid"), blank=True)
    details = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["owner", "hsds_id"], name="accessibility_hsds_unique")]

    def __str__(self):
        return self.description

    @property
    def web_url(self):
        return web_link(self.url)
