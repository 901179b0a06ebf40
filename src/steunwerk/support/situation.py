"""The support situation of a trajectory, as a recommendation profile for the methodewijzer."""

from steunwerk.vocab import LIFE_DOMAIN_TO_METHOD_DOMAINS, LIMITATION_TO_TARGET_GROUP


def profile_for_trajectory(trajectory):
    """The profile of a trajectory fetched (with its client) through the access layer: the client's limitations,
    the trajectory's complexity and aim, and the life domains and words of its goals."""
    client = trajectory.client
    goals = list(trajectory.goals.only("trajectory", "domain", "intended_result", "preferences"))
    target_groups = [LIMITATION_TO_TARGET_GROUP[v] for v in client.limitations if v in LIMITATION_TO_TARGET_GROUP]
    domains = []
    for goal in goals:
        domains += LIFE_DOMAIN_TO_METHOD_DOMAINS.get(goal.domain, [])
    text = " ".join(f"{goal.intended_result}. {' '.join(goal.preference_list())}" for goal in goals)
    return {
        "target_groups": list(dict.fromkeys(target_groups)),
        "problem_level": trajectory.complexity or None,
        "aim": trajectory.aim or None,
        "domains": list(dict.fromkeys(domains)),
        "text": text[:5000],
    }
