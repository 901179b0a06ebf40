"""Who may count what on the Overzicht (support/dashboard.py): rules of this app, so they live here.

Counting is not reading: the Overzicht shows numbers per team, never a person, and an organisation admin, who may
never open a client file, counts every team of their organisation (with small numbers suppressed). Which teams an
actor counts is decided here; the counting itself (support/dashboard.py) runs as the operator over those teams,
like the signalling network's yearly report.
"""

from django.db.models import Q

from steunwerk.accounts.models import Team


def can_count(actor):
    """May this actor open the aggregate overview (Overzicht)? Care roles of a team, organisation admins, the
    operator. Nobody else: counts of a team's or an organisation's caseload are not theirs to read."""
    return actor.is_system or bool(actor.care_team_ids or actor.admin_org_ids)


def countable_teams(actor):
    """The teams whose trajectories this actor may count: their own care teams; for an organisation admin every
    team of the organisations they administer; for the operator all; for anyone else none (fails closed)."""
    if actor.is_system:
        return Team.objects.all()
    if not (actor.care_team_ids or actor.admin_org_ids):
        return Team.objects.none()
    return Team.objects.filter(Q(pk__in=actor.care_team_ids) | Q(organisation_id__in=actor.admin_org_ids))
