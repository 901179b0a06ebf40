"""The resource ladder of one goal: own strength → network → general provisions → customised support.

It guides the conversation and records why a rung was skipped; it never forbids a step (the Wmo knows no
legal hierarchy of measures: the most suitable solution counts).
"""
from steunwerk.vocab import LADDER

SKIP_FIELDS = {"own_strength": "own_strength_skipped", "network": "network_skipped",
               "general_provision": "general_provision_skipped"}


def ladder_for(plan):
    steps = list(plan.steps.all()) if plan else []
    rungs = []
    for key, label, actors in LADDER:
        on_rung = [s for s in steps if s.actor in actors]
        reason = getattr(plan, SKIP_FIELDS[key], "") if plan and key in SKIP_FIELDS else ""
        rungs.append({
            "key": key, "label": label, "steps": on_rung, "skip_reason": reason,
            # A skipped lower rung wants a reason once the plan reaches a higher one.
            "reason_missing": False,
        })
    # Without any step nothing was skipped yet (a default of -1 would slice rungs[:-1] and flag three rungs).
    highest = max((i for i, r in enumerate(rungs) if r["steps"]), default=0)
    for i, rung in enumerate(rungs[:highest]):
        rung["reason_missing"] = not rung["steps"] and not rung["skip_reason"] and rung["key"] in SKIP_FIELDS
    return rungs
