"""Loading the shipped catalogue, and the in-memory search index over it."""

import json
import threading
from pathlib import Path

from django.db import transaction
from django.db.models import Count, Max

from steunwerk.textsearch import Corpus, Document

CATALOGUE_FILE = Path(__file__).with_name("catalogue.json")
FIELDS = [
    "name",
    "kind",
    "aliases",
    "target_groups",
    "target_groups_primary",
    "target_groups_certain",
    "problem_level",
    "problem_level_certain",
    "problem_level_note",
    "aim",
    "aim_certain",
    "aim_note",
    "domains",
    "domains_inferred",
    "goal",
    "target_group_text",
    "approach",
    "steps",
    "wns_bakens",
    "working_elements",
    "working_elements_note",
    "evidence_level",
    "evidence",
    "in_esi_databank",
    "developer",
    "websites",
    "materials",
    "source_pages",
]


def read_catalogue(path=CATALOGUE_FILE):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


@transaction.atomic
def load(method_model, entries):
    """Create or update the national catalogue from entries. Returns (created, updated)."""
    created = updated = 0
    by_slug = {}
    for entry in entries:
        values = {f: entry[f] if entry[f] is not None else "" for f in FIELDS if f in entry}
        if entry.get("in_esi_databank") is None:
            values["in_esi_databank"] = None
        obj, was_created = method_model.objects.update_or_create(slug=entry["slug"], organisation=None, defaults=values)
        created += was_created
        updated += not was_created
        by_slug[entry["slug"]] = obj
    for entry in entries:
        related = [by_slug[s] for s in entry.get("related", []) if s in by_slug]
        by_slug[entry["slug"]].related.set(related)
    return created, updated


class Index:
    """All methods with their search documents, rebuilt when the catalogue changes."""

    _lock = threading.Lock()
    _state = (None, (), Corpus([]))  # stamp, methods, corpus: replaced as a whole, so readers never mix two versions

    @classmethod
    def current(cls):
        """The methods and their search corpus, checked against the database once (a count and a date)."""
        from steunwerk.methods.models import Method

        stamp = cls._stamp(Method)
        if stamp != cls._state[0]:
            with cls._lock:
                methods = list(Method.objects.prefetch_related("related").order_by("name"))
                cls._state = (stamp, methods, Corpus([document_for(m) for m in methods]))
        return cls._state[1], cls._state[2]

    @staticmethod
    def _stamp(method_model):
        """How many methods there are and when the last changed (one aggregate query, asked on every use)."""
        stamp = method_model.objects.aggregate(n=Count("*"), last=Max("updated_at"))
        return stamp["n"], stamp["last"]

    @classmethod
    def methods(cls):
        return cls.current()[0]

    @classmethod
    def corpus(cls):
        return cls.current()[1]


def document_for(method):
    return Document(
        method.pk,
        [
            (method.name, 3),
            (" ".join(method.aliases), 3),
            (method.goal, 2),
            (method.target_group_text, 2),
            (method.approach, 1),
            (" ".join(method.steps), 1),
            (method.evidence, 0.5),
        ],
    )
