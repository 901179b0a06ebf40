"""A Supportgericht Werken trajectory and everything made in it."""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from steunwerk.access.declarations import AccessScope, Section
from steunwerk.access.scope import ScopedQuerySet
from steunwerk.vocab import (
    LifeDomain,
    OtherLaw,
    Phase,
    Place,
    ProfileAspect,
    QualityAspect,
    QualityDimension,
    StepActor,
    Voice,
)

TEXT_LIMIT = [MaxLengthValidator(settings.TEXT_MAX_LENGTH)]


def long_text(label, **kwargs):
    return models.TextField(label, validators=TEXT_LIMIT, **kwargs)


class OwnedByOrganisation(models.Model):
    """Every row of client data carries the organisation that owns it (the tenant)."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+", editable=False
    )
    parent_field = None

    objects = ScopedQuerySet.as_manager()  # each subclass declares its access_scope

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.organisation_id:
            self.organisation_id = getattr(self, self.parent_field).organisation_id
        super().save(*args, **kwargs)


class Trajectory(OwnedByOrganisation):
    """Ondersteuningstraject: the six phases a professional and a client go through together."""

    access_scope = AccessScope(section=Section.PLAN, trajectory="")
    parent_field = "client"

    class Status(models.TextChoices):
        OPEN = "open", _("Lopend")
        CLOSED = "closed", _("Afgesloten")

    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="trajectories")
    # A copy of the client's name, kept in step by Client.save(), so the caseload can be sorted and paged by name
    # from an index on this table alone (a sort across the join would read every trajectory of the team).
    client_name = models.CharField(max_length=200, editable=False, default="")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="trajectories")
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contactpersoon"),
    )
    phase = models.CharField(_("fase"), max_length=16, choices=Phase.choices, default=Phase.MEETING)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    request = long_text(_("aanleiding"), blank=True, help_text=_("Hoe het contact ontstond en met welke vraag."))
    complexity = models.CharField(
        _("hoe complex is de situatie"),
        max_length=8,
        blank=True,
        choices=[("licht", _("Licht")), ("complex", _("Complex"))],
        help_text=_(
            "De grens is niet scherp; het oordeel van de professional telt. Gebruikt bij het voorstellen van methoden."
        ),
    )
    aim = models.CharField(
        _("gericht op"),
        max_length=16,
        blank=True,
        choices=[
            ("zelfredzaamheid", _("Zelfredzaamheid")),
            ("participatie", _("Participatie")),
            ("beide", _("Zowel zelfredzaamheid als participatie")),
        ],
    )
    started_on = models.DateField(_("gestart op"), default=timezone.localdate)
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [
            # "Does one of my teams hold a trajectory of this client?" (access.scope.client_q), per dossier.
            models.Index(fields=["client", "team"], name="trajectory_client_team"),
            models.Index(fields=["team", "status", "client_name", "client", "id"], name="trajectory_caseload"),
            models.Index(fields=["team", "client_name", "client", "id"], name="trajectory_caseload_all"),
            # The Overzicht's counts (support/dashboard.py), answered from these indexes without reading rows: open
            # trajectories per team, phase, complexity and aim; started and closed per team in a year.
            models.Index(fields=["team", "status", "phase", "complexity", "aim"], name="trajectory_overview"),
            models.Index(fields=["team", "started_on"], name="trajectory_team_started"),
            models.Index(fields=["team", "closed_on"], name="trajectory_team_closed"),
        ]
        verbose_name = _("ondersteuningstraject")

    def __str__(self):
        return f"{self.client.name} — {self.get_phase_display()}"

    # client_name is derived: on creation it is taken from the client; after that only Client.save() changes it
    # (a queryset update of the client's trajectories). A save never writes it back — a form that loaded the
    # trajectory before the client was renamed would otherwise undo the new name — and a caller that assigns it
    # gets an error instead of seeing the assignment silently dropped.

    class DerivedFieldAssigned(ValueError):
        """A caller assigned ``client_name``: it is the client's name, changed only by renaming the client."""

    def save(self, *args, **kwargs):
        if self._state.adding:
            if self.client_name and self.client_id and self.client_name != self.client.name:
                raise self.DerivedFieldAssigned("client_name is taken from the client: leave it out")
            if not self.client_name and self.client_id:
                self.client_name = self.client.name
        else:
            update_fields = kwargs.get("update_fields")
            assigned = self.__dict__.get("client_name")
            if "client_name" in (update_fields or ()) or (
                assigned is not None and assigned != getattr(self, "_stored_client_name", assigned)
            ):
                raise self.DerivedFieldAssigned("client_name follows the client's name: rename the client instead")
            if update_fields is None:
                deferred = self.get_deferred_fields()
                kwargs["update_fields"] = [
                    f.attname
                    for f in self._meta.concrete_fields
                    if not f.primary_key and f.attname != "client_name" and f.attname not in deferred
                ]
        super().save(*args, **kwargs)
        self._stored_client_name = self.__dict__.get("client_name")

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_client_name = instance.__dict__.get("client_name")
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._stored_client_name = self.__dict__.get("client_name")

    @property
    def phase_number(self):
        return Phase.number(self.phase)


class PhaseChange(OwnedByOrganisation):
    access_scope = AccessScope(section=Section.PLAN, trajectory="trajectory")
    parent_field = "trajectory"

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="phase_changes")
    from_phase = models.CharField(max_length=16, choices=Phase.choices)
    to_phase = models.CharField(max_length=16, choices=Phase.choices)
    note = models.CharField(_("toelichting"), max_length=500, blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-id"]


class MonitoringCheck(OwnedByOrganisation):
    """The three monitoring questions, answered for the phase the trajectory is in."""

    access_scope = AccessScope(section=Section.FILE, trajectory="trajectory")
    parent_field = "trajectory"

    class Answer(models.TextChoices):
        OK = "ok", _("Ja, op koers")
        ATTENTION = "attention", _("Vraagt aandacht")

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="monitoring_checks")
    phase = models.CharField(max_length=16, choices=Phase.choices)
    relationship = models.CharField(_("relatie op koers"), max_length=12, choices=Answer.choices)
    activities = models.CharField(_("activiteiten verlopen goed"), max_length=12, choices=Answer.choices)
    connection = models.CharField(_("fasen sluiten aan"), max_length=12, choices=Answer.choices)
    note = long_text(_("toelichting"), blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    checked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-checked_at", "-id"]


class VoicedText(OwnedByOrganisation):
    """Free text that records whose words it is and who typed it."""

    parent_field = "trajectory"
    text = long_text(_("tekst"), blank=True)
    voice = models.CharField(_("wiens woorden"), max_length=16, choices=Voice.choices, default=Voice.CLIENT)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ProfileEntry(VoicedText):
    """One cell of the Persoonlijk Profiel: a life domain × current / wishes / earlier."""

    access_scope = AccessScope(section=Section.FILE, trajectory="trajectory")
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="profile_entries")
    domain = models.CharField(max_length=16, choices=LifeDomain.choices)
    aspect = models.CharField(max_length=8, choices=ProfileAspect.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["trajectory", "domain", "aspect"], name="profile_cell_unique")]


class ImportantWish(VoicedText):
    """'Welke wensen zijn het belangrijkst?': the ranked wishes at the foot of the profile."""

    access_scope = AccessScope(section=Section.FILE, trajectory="trajectory")
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="important_wishes")
    rank = models.PositiveSmallIntegerField(_("rangorde"), validators=[MinValueValidator(1)])
    domain = models.CharField(_("levensgebied"), max_length=16, choices=LifeDomain.choices, blank=True)

    class Meta:
        ordering = ["rank"]
        constraints = [models.UniqueConstraint(fields=["trajectory", "rank"], name="wish_rank_unique")]

    def __str__(self):
        return f"{self.rank}. {self.text}"


class QualityEntry(VoicedText):
    """One cell of the Kwaliteit van bestaan grid: a dimension × barriers / wishes / needed / present."""

    access_scope = AccessScope(section=Section.FILE, trajectory="trajectory")
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="quality_entries")
    dimension = models.CharField(max_length=20, choices=QualityDimension.choices)
    aspect = models.CharField(max_length=8, choices=QualityAspect.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["trajectory", "dimension", "aspect"], name="quality_cell_unique")
        ]


def preference_lines(text):
    """A goal's personal preferences, one per line as typed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class Goal(OwnedByOrganisation):
    """A goal: the result the client wants, from one of their wishes, made concrete by their preferences."""

    access_scope = AccessScope(section=Section.PLAN, trajectory="trajectory")
    parent_field = "trajectory"

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="goals")
    wish = models.ForeignKey(
        ImportantWish,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("uit de wens"),
    )
    priority = models.PositiveSmallIntegerField(
        _("prioriteit"), default=1, validators=[MinValueValidator(1)], help_text=_("1 is het belangrijkst.")
    )
    intended_result = models.CharField(_("te bereiken resultaat (doel)"), max_length=500)
    domain = models.CharField(_("levensgebied"), max_length=16, choices=LifeDomain.choices, blank=True)
    preferences = long_text(
        _("persoonlijke voorkeuren"),
        blank=True,
        help_text=_("Wat het doel concreet betekent voor deze cliënt; één voorkeur per regel."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["priority", "id"]
        verbose_name = _("doel")

    def __str__(self):
        return self.intended_result

    def preference_list(self):
        return preference_lines(self.preferences)


class Option(OwnedByOrganisation):
    """A row of the Werkblad Opties: one possible way to reach the goal, weighed."""

    access_scope = AccessScope(section=Section.PLAN, trajectory="goal__trajectory")
    parent_field = "goal"

    class Rank(models.IntegerChoices):
        BEST = 1, _("Beste optie")
        SECOND = 2, _("Op één na beste optie")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("optie"), max_length=500)
    pros = long_text(_("voordelen"), blank=True)
    cons = long_text(_("nadelen"), blank=True)
    rank = models.PositiveSmallIntegerField(_("keuze"), choices=Rank.choices, null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["goal", "rank"], condition=Q(rank__isnull=False), name="option_rank_unique"
            ),
        ]

    def __str__(self):
        return self.text


class ActionPlan(OwnedByOrganisation):
    """The Plan van Aanpak for one goal. Each saved change is a new version; earlier ones are kept."""

    access_scope = AccessScope(section=Section.PLAN, trajectory="goal__trajectory")
    parent_field = "goal"

    goal = models.OneToOneField(Goal, on_delete=models.CASCADE, related_name="plan")
    drawn_up_on = models.DateField(_("datum opstellen"), default=timezone.localdate)
    evaluation_on = models.DateField(_("datum evaluatie"))
    needed_aids = long_text(_("benodigde hulpmiddelen of voorzieningen"), blank=True)
    ladder_note = long_text(
        _("waarom een eerdere trede niet volstond"),
        blank=True,
        help_text=_(
            "Eigen kracht, netwerk, algemene voorziening, maatwerk: leg vast waarom een eerdere stap niet genoeg was."
        ),
    )
    own_strength_skipped = long_text(_("waarom eigen kracht niet volstaat"), blank=True)
    network_skipped = long_text(_("waarom het netwerk niet volstaat"), blank=True)
    general_provision_skipped = long_text(_("waarom een algemene voorziening niet volstaat"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(evaluation_on__gte=F("drawn_up_on")), name="plan_evaluation_after_drawn_up"
            ),
        ]
        verbose_name = _("Plan van Aanpak")


class PlanStep(OwnedByOrganisation):
    """A concrete step of the plan, saying who acts."""

    access_scope = AccessScope(section=Section.PLAN, trajectory="plan__goal__trajectory")
    parent_field = "plan"

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(default=1)
    description = models.CharField(_("concrete stap of activiteit"), max_length=500)
    actor = models.CharField(_("wie doet het"), max_length=20, choices=StepActor.choices)
    performer = models.CharField(
        _("naam of organisatie"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld de buurman, de thuiszorg of het buurthuis."),
    )
    amount = models.CharField(_("omvang"), max_length=100, blank=True, help_text=_("Bijvoorbeeld 3 uur per week."))
    network_member = models.ForeignKey(
        "clients.NetworkMember",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_steps",
        verbose_name=_("netwerklid"),
    )
    provision = models.ForeignKey(
        "resources.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voorziening uit de sociale kaart"),
    )
    law = models.CharField(_("andere wet"), max_length=16, choices=OtherLaw.choices, blank=True)
    method = models.ForeignKey(
        "methods.Method",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("methode"),
        help_text=_("Een methode uit de methodewijzer die bij deze stap wordt ingezet."),
    )

    class Meta:
        ordering = ["order", "id"]
        indexes = [models.Index(fields=["plan", "actor"], name="planstep_plan_actor")]


class PlanVersion(OwnedByOrganisation):
    """A saved version of a Plan van Aanpak, as it was."""

    access_scope = AccessScope(section=Section.PLAN, trajectory="plan__goal__trajectory")
    parent_field = "plan"

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField()
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique")]


class LogbookEntry(OwnedByOrganisation):
    access_scope = AccessScope(section=Section.FILE, trajectory="trajectory")
    parent_field = "trajectory"

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="logbook")
    date = models.DateField(_("datum"), default=timezone.localdate)
    place = models.CharField(_("plaats"), max_length=20, choices=Place.choices)
    present = models.CharField(_("aanwezig"), max_length=300, blank=True, help_text=_("Wie er bij waren."))
    notes = long_text(_("aantekeningen"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("logboekregel")


class Evaluation(OwnedByOrganisation):
    """An evaluation meeting: how the client experienced it, process and result, and what changes."""

    access_scope = AccessScope(section=Section.FILE, trajectory="trajectory")
    parent_field = "trajectory"

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="evaluations")
    date = models.DateField(_("datum"), default=timezone.localdate)
    went_well = long_text(_("wat ging goed (ervaring cliënt)"), blank=True)
    learned = long_text(_("wat is geleerd"), blank=True)
    process = long_text(_("over het proces"), blank=True)
    result = long_text(_("over het resultaat"), blank=True)
    plan_changes = long_text(_("wat verandert er in het plan"), blank=True)
    self_evaluation = long_text(_("zelfevaluatie professional"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("evaluatie")


class NetworkSnapshot(OwnedByOrganisation):
    """The client's network as it was at an evaluation, so then and now can be compared."""

    access_scope = AccessScope(section=Section.FILE, trajectory="trajectory")
    parent_field = "trajectory"

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="network_snapshots")
    evaluation = models.OneToOneField(
        Evaluation, on_delete=models.CASCADE, null=True, blank=True, related_name="network_snapshot"
    )
    taken_on = models.DateField(default=timezone.localdate)
    members = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-taken_on", "-id"]
