from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from steunwerk.vocab import OrganisationKind, Role


class Organisation(models.Model):
    """A tenant: every row of client data carries the organisation that owns it."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=32, choices=OrganisationKind.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")

    def __str__(self):
        return self.name


class Team(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(_("naam"), max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="team_name_unique_per_org")]
        verbose_name = _("team")

    def __str__(self):
        return f"{self.name} ({self.organisation.name})"


def shown_name(first_name, last_name, username):
    """How an account is named on a page: the full name, or else the user name ("" for no account). For records that
    read only these three fields of an account."""
    return f"{first_name or ''} {last_name or ''}".strip() or username or ""


class User(AbstractUser):
    """A person who signs in. What they may do comes only from their memberships."""

    def __str__(self):
        return shown_name(self.first_name, self.last_name, self.username)


class Membership(models.Model):
    """A user's role in an organisation; care roles also name the team they work in."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="memberships")
    role = models.CharField(_("rol"), max_length=32, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "team", "role"], name="membership_unique"),
        ]
        verbose_name = _("lidmaatschap")

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} — {self.team or self.organisation}"
