"""The support situation of a trajectory, as a recommendation profile."""
from steunwerk.vocab import LIFE_DOMAIN_TO_METHOD_DOMAINS, LIMITATION_TO_TARGET_GROUP


def profile_for_trajectory(trajectory):
    client = trajectory.client
    goals = list(trajectory.goals.all())
    target_groups = [LIMITATION_TO_TARGET_GROUP[v] for v in client.limitations if v in LIMITATION_TO_TARGET_GROUP]
    domains = []
    for goal in goals:
        domains += LIFE_DOMAIN_TO_METHOD_DOMAINS.get(goal.domain, [])
    text = " ".join(f"{g.intended_result}. {' '.join(g.preference_list())}" for g in goals)
    return {
        "target_groups": list(dict.fromkeys(target_groups)),
        "problem_level": trajectory.complexity or None,
        "aim": trajectory.aim or None,
        "domains": list(dict.fromkeys(domains)),
        "text": text[:5000],
    }
