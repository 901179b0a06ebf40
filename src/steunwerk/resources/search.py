"""Search and filter the sociale kaart in Dutch (in memory: a municipality has hundreds of provisions, not
millions). Stemming and compound matching come from steunwerk.textsearch, as in the methodewijzer."""

from django.db.models import Prefetch

from steunwerk.resources.models import ServiceAtLocation
from steunwerk.textsearch import Corpus, Document, fold, stems

# How much a match in each field counts.
WEIGHTS = (
    ("name", 3.0),
    ("alternate_name", 2.0),
    ("provider", 2.0),
    ("description", 1.0),
    ("eligibility_description", 1.0),
)


def with_details(services):
    """Everything the list, the detail page and the command show, in a fixed number of queries."""
    links = ServiceAtLocation.objects.select_related("location").prefetch_related(
        "schedules", "location__addresses", "location__accessibility", "location__schedules"
    )
    return services.select_related("provider", "owner").prefetch_related(
        "schedules", Prefetch("at_locations", queryset=links.order_by("id"))
    )


def document(service):
    texts = {"provider": service.provider.name}
    return Document(service.pk, [(texts.get(name) or getattr(service, name), weight) for name, weight in WEIGHTS])


def wijken(services):
    """The neighbourhoods these services are in, as the filter offers them."""
    found = {}
    for service in services:
        for wijk in service.wijken:
            found.setdefault(fold(wijk), wijk)
    return sorted(found.values(), key=fold)


def search(services, q="", wijk="", domain="", target_group=""):
    """The services matching every filter; with a query, only those it finds, best match first.

    `wijk` matches the region of an address without regard to case or accents."""
    found = [
        s
        for s in services
        if (not wijk or fold(wijk) in {fold(w) for w in s.wijken})
        and (not domain or domain in s.domains)
        and (not target_group or target_group in s.target_groups)
    ]
    query = stems(q or "")
    if not query:
        return found
    scores = Corpus([document(s) for s in found]).scores(query)
    scored = []
    for service in found:
        score, matched = scores.get(service.pk, (0, []))
        if score:
            scored.append((score * len(matched), service))
    scored.sort(key=lambda pair: (-pair[0], fold(pair[1].name)))
    return [service for _score, service in scored]
