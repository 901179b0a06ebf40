"""Timing of recommendations on a catalogue grown to a given size (copies of the real methods with their
texts shuffled), so the figure reflects a realistic 500-method catalogue rather than the 29 shipped ones."""

import copy
import random
import statistics
import time

from steunwerk.methods.catalogue import Index, document_for
from steunwerk.methods.recommend import Profile, recommend
from steunwerk.textsearch import Corpus

PROFILES = [
    {
        "target_groups": ["ouderdom"],
        "problem_level": None,
        "aim": None,
        "domains": ["mantelzorg"],
        "text": "Mevrouw heeft dementie en woont thuis; haar man is mantelzorger en raakt overbelast.",
    },
    {
        "target_groups": ["psychisch"],
        "problem_level": "complex",
        "aim": "beide",
        "domains": ["wonen", "financien"],
        "text": "Na een opname dreigt huisuitzetting; hij mijdt hulpverleners en heeft schulden.",
    },
    {
        "target_groups": ["verstandelijk"],
        "problem_level": "licht",
        "aim": "participatie",
        "domains": ["sociaal_netwerk", "vrije_tijd"],
        "text": "Wil vrienden maken en vrijwilligerswerk doen in de buurt.",
    },
]


def grown_catalogue(size, seed=1):
    rng = random.Random(seed)
    base = [m for m in Index.methods() if m.organisation_id is None]
    methods, documents = [], []
    for i in range(size):
        m = copy.copy(base[i % len(base)])
        m.pk, m.slug = 10_000_000 + i, f"{m.slug}-{i}"
        words = m.approach.split()
        rng.shuffle(words)
        m.approach = " ".join(words)
        methods.append(m)
        documents.append(document_for(m))
    return methods, Corpus(documents)


def bench_recommend(size=500, runs=200):
    methods, corpus = grown_catalogue(size)
    profiles = [Profile.from_dict(p) for p in PROFILES]
    timings = []
    for run in range(runs):
        start = time.perf_counter()
        recommend(profiles[run % len(profiles)], methods, corpus)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "catalogue_size": size,
        "runs": runs,
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 2),
        "max_ms": round(timings[-1], 2),
    }
