"""Search and filter the catalogue (in memory: it holds hundreds of methods, not millions)."""

from steunwerk.methods.catalogue import Index
from steunwerk.textsearch import stems

BOTH = "beide"


def _level_matches(value, wanted):
    return value == wanted or (wanted != BOTH and value == BOTH)


def matches(method, f):
    checks = [
        not f.get("target_group") or f["target_group"] in method.target_groups,
        not f.get("problem_level") or _level_matches(method.problem_level, f["problem_level"]),
        not f.get("aim") or _level_matches(method.aim, f["aim"]),
        not f.get("domain") or f["domain"] in method.domains,
        not f.get("working_element") or f["working_element"] in method.working_elements,
        not f.get("baken") or f["baken"] in method.wns_bakens,
        not f.get("evidence_level") or method.evidence_level == f["evidence_level"],
        not f.get("kind") or method.kind == f["kind"],
        not f.get("esi") or (method.in_esi_databank is True) == (f["esi"] == "ja"),
    ]
    return all(checks)


def search(methods, filters):
    """Methods matching every filter; with a query, only those the query finds, best match first."""
    found = [m for m in methods if matches(m, filters)]
    query = stems(filters.get("q") or "")
    if not query:
        return found
    scores = Index.corpus().scores(query)
    scored = []
    for m in found:
        score, matched = scores.get(m.pk, (0, []))
        if score:
            scored.append((score * len(matched), m))
    scored.sort(key=lambda pair: (-pair[0], pair[1].name))
    return [m for _score, m in scored]
