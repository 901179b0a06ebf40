from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steunwerk.access.declarations import AccessScope, Section
from steunwerk.access.scope import ScopedQuerySet
from steunwerk.vocab import LogAction, Role


class Consent(models.Model):
    """The client's consent that another organisation may see their file, for one purpose."""

    access_scope = AccessScope(section=Section.IDENTITY, client="client")

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("De organisatie die het dossier houdt."),
    )
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="consents")
    receiving_organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="received_consents",
        verbose_name=_("ontvangende organisatie"),
    )
    purpose = models.CharField(_("doel"), max_length=300, help_text=_("Waarvoor de gegevens gedeeld worden."))
    given_on = models.DateField(_("datum toestemming"))
    explained_to_client = models.BooleanField(
        _("doel uitgelegd aan cliënt"),
        default=False,
        help_text=_("Het doel van het delen is met de cliënt besproken."),
    )
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-given_on", "-id"]
        indexes = [models.Index(fields=["receiving_organisation", "client"], name="consent_receiver_client")]
        verbose_name = _("toestemming")

    @property
    def is_active(self):
        return self.withdrawn_at is None

    def withdraw(self):
        self.withdrawn_at = timezone.now()
        self.save(update_fields=["withdrawn_at"])


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied("Het toegangslog kan niet gewijzigd worden.")

    def delete(self):
        raise PermissionDenied("Het toegangslog kan niet verwijderd worden.")


class AccessLogEntry(models.Model):
    """One read, change, export or search of client data (after NEN 7513). Append-only."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    actor_name = models.CharField(
        max_length=200, help_text=_("Wie, vastgelegd als tekst zodat het log blijft kloppen.")
    )
    role = models.CharField(max_length=32, blank=True, help_text=_("In welke rol of namens wie."))
    organisation_id = models.BigIntegerField(null=True, blank=True)
    client_id = models.BigIntegerField(
        null=True, blank=True, help_text=_("Over welke cliënt (zonder verwijzing, zodat het log niet meeverdwijnt).")
    )
    action = models.CharField(max_length=16, choices=LogAction.choices)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.BigIntegerField(null=True, blank=True)
    detail = models.CharField(max_length=300, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["client_id", "-at"], name="accesslog_client_at")]
        verbose_name = _("toegangslogregel")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("Het toegangslog kan niet gewijzigd worden.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Het toegangslog kan niet verwijderd worden.")

    def get_role_display(self):
        return Role(self.role).label if self.role in Role.values else self.role
