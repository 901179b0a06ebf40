"""The resource ladder of one goal: own strength → network → general provisions → customised support.

It guides the conversation and records why a rung was skipped; it never forbids a step (the Wmo knows no
legal hierarchy of measures: the most suitable solution counts).
"""

from steunwerk.vocab import LADDER

SKIP_FIELDS = {
    "own_strength": "own_strength_skipped",
    "network": "network_skipped",
    "general_provision": "general_provision_skipped",
}


def ladder_for(plan, steps=None):
    """The rungs of a saved plan (or of none); ``steps`` when the caller has the plan's steps in hand."""
    if steps is None:
        steps = list(plan.steps.all()) if plan else []
    return ladder(steps, {name: getattr(plan, name) for name in SKIP_FIELDS.values()} if plan else None)


def ladder(steps, skip_reasons):
    """The four rungs with these steps on them. ``skip_reasons`` holds the plan's recorded reasons for skipping a
    rung (by field name), or is None when there is no plan yet."""
    rungs = []
    for key, label, actors in LADDER:
        on_rung = [s for s in steps if s.actor in actors]
        reason = skip_reasons[SKIP_FIELDS[key]] if skip_reasons is not None and key in SKIP_FIELDS else ""
        rungs.append(
            {
                "key": key,
                "label": label,
                "steps": on_rung,
                "skip_reason": reason,
                # A skipped lower rung wants a reason once the plan reaches a higher one.
                "reason_missing": False,
            }
        )
    # Without any step nothing was skipped yet (a default of -1 would slice rungs[:-1] and flag three rungs).
    highest = max((i for i, r in enumerate(rungs) if r["steps"]), default=0)
    for rung in rungs[:highest]:
        rung["reason_missing"] = not rung["steps"] and not rung["skip_reason"] and rung["key"] in SKIP_FIELDS
    return rungs
