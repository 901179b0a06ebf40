"""The methodewijzer: proven support methods, with how certain each classification is."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from steunwerk.vocab import Aim, EvidenceLevel, MethodKind, ProblemLevel


class MethodQuerySet(models.QuerySet):
    def for_organisation(self, organisation_ids):
        """The national catalogue plus the local methods of these organisations."""
        return self.filter(models.Q(organisation__isnull=True) | models.Q(organisation_id__in=organisation_ids))


class Method(models.Model):
    """A support method (or organisation-level approach) from the catalogue, or a local addition.

    Classifications are recommendations, not hard filters: the sources place several methods with
    uncertainty, so each classification carries its certainty and a note.
    """

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=24, choices=MethodKind.choices, default=MethodKind.METHOD)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="local_methods",
        help_text=_("Leeg voor de landelijke methodewijzer; gevuld voor een lokale methode van één organisatie."),
    )
    aliases = models.JSONField(_("andere namen"), default=list, blank=True)
    target_groups = models.JSONField(_("doelgroepen"), default=list, blank=True)
    target_groups_primary = models.JSONField(_("primaire doelgroepen"), default=list, blank=True)
    target_groups_certain = models.BooleanField(_("doelgroep zeker"), default=False)
    problem_level = models.CharField(_("problematiek"), max_length=8, choices=ProblemLevel.choices, blank=True)
    problem_level_certain = models.BooleanField(_("problematiek zeker"), default=False)
    problem_level_note = models.TextField(_("toelichting problematiek"), blank=True)
    aim = models.CharField(_("gericht op"), max_length=16, choices=Aim.choices, blank=True)
    aim_certain = models.BooleanField(_("gericht op zeker"), default=False)
    aim_note = models.TextField(_("toelichting gericht op"), blank=True)
    domains = models.JSONField(_("levensgebieden"), default=list, blank=True)
    domains_inferred = models.BooleanField(default=True)
    goal = models.TextField(_("doel"), blank=True)
    target_group_text = models.TextField(_("doelgroep"), blank=True)
    approach = models.TextField(_("aanpak"), blank=True)
    steps = models.JSONField(_("stappen"), default=list, blank=True)
    wns_bakens = models.JSONField(_("bakens Welzijn Nieuwe Stijl"), default=list, blank=True)
    working_elements = models.JSONField(_("werkzame elementen"), default=list, blank=True)
    working_elements_note = models.TextField(blank=True)
    evidence_level = models.CharField(
        _("onderbouwing"), max_length=24, choices=EvidenceLevel.choices, default=EvidenceLevel.UNKNOWN
    )
    evidence = models.TextField(_("wat bekend is over de werking"), blank=True)
    in_esi_databank = models.BooleanField(
        _("in databank Effectieve sociale interventies"),
        null=True,
        blank=True,
        help_text=_("Leeg betekent: de bron zegt het niet."),
    )
    developer = models.JSONField(_("ontwikkelaar"), default=list, blank=True)
    websites = models.JSONField(default=list, blank=True)
    materials = models.JSONField(_("materiaal en literatuur"), default=list, blank=True)
    related = models.ManyToManyField("self", blank=True, verbose_name=_("verwante methoden"))
    source_pages = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MethodQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("methode")

    def __str__(self):
        return self.name

    @property
    def is_uncertain(self):
        return not (self.problem_level_certain and self.aim_certain)
