"""Who may count what in the Overzicht (aggregate numbers, never a person)."""
from django.db.models import Q

from steunwerk.access.scope import any_of
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
    conditions = []
    if actor.care_team_ids:
        conditions.append(Q(pk__in=actor.care_team_ids))
    if actor.admin_org_ids:
        conditions.append(Q(organisation_id__in=actor.admin_org_ids))
    return Team.objects.filter(any_of(conditions))


def countable_totals(actor, model):
    """The running totals (``support.TrajectoryTally``, ``support.TrajectoryYearTally``: numbers of trajectories
    per team, never a person) of the teams in ``countable_teams(actor)``.

    For care roles these are the teams whose files they may open anyway; for an organisation admin, who may never
    open a client file, the whole organisation, so what is shown from them must suppress small numbers (see
    ``support/dashboard.py``)."""
    return model.objects.filter(team__in=countable_teams(actor))
