"""The support situation of a trajectory, as a recommendation profile."""
from steunwerk.access.scope import Shape, under
from steunwerk.support.models import Goal, preference_lines
from steunwerk.vocab import LIFE_DOMAIN_TO_METHOD_DOMAINS, LIMITATION_TO_TARGET_GROUP

_GOAL_PROFILE = Shape(Goal, lambda goals: goals.values_list("domain", "intended_result", "preferences"))


def profile_for_trajectory(trajectory):
    client = trajectory.client
    goals = list(under([trajectory], Goal, "trajectory", shape=_GOAL_PROFILE))
    target_groups = [LIMITATION_TO_TARGET_GROUP[v] for v in client.limitations if v in LIMITATION_TO_TARGET_GROUP]
    domains = []
    for domain, _result, _preferences in goals:
        domains += LIFE_DOMAIN_TO_METHOD_DOMAINS.get(domain, [])
    text = " ".join(f"{result}. {' '.join(preference_lines(preferences))}" for _domain, result, preferences in goals)
    return {
        "target_groups": list(dict.fromkeys(target_groups)),
        "problem_level": trajectory.complexity or None,
        "aim": trajectory.aim or None,
        "domains": list(dict.fromkeys(domains)),
        "text": text[:5000],
    }
