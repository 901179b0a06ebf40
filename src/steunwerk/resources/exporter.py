"""Write one organisation's sociale kaart as an HSDS 3.0 tabular folder (what the importer reads back)."""

import csv
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from steunwerk.resources import hsds, models

# Fixed ids for what has no row of its own in our database: the taxonomies, their terms, the attributes.
NAMESPACE = uuid.UUID("6f0a8d52-4c1e-4d0b-9a53-3f1f7d1e2b10")


def stable_id(*parts):
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def taxonomy_id(name):
    return stable_id("taxonomy", name)


def term_id(taxonomy, code):
    return stable_id("term", taxonomy, code)


def attribute_id(service_hsds_id, term):
    return stable_id("attribute", service_hsds_id, term)


def text(value):
    """One CSV cell as HSDS wants it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(UTC)
        if value.microsecond % 1000:
            return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _rows(table, objects):
    for obj in objects:
        row = []
        for column in table.columns:
            if column.references:
                related = getattr(obj, column.model_field)
                row.append(related.hsds_id if related is not None else "")
            else:
                row.append(text(getattr(obj, column.model_field)))
        yield row


def _write(folder, table, rows):
    with open(folder / table.path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)  # RFC 4180: comma, double quotes, CRLF
        writer.writerow(table.column_names)
        count = 0
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _classification_rows(services):
    taxonomies, terms, attributes = [], [], []
    for name, spec in hsds.OUR_TAXONOMIES.items():
        taxonomies.append([taxonomy_id(name), name, spec["description"], "", ""])
        for code, label in spec["choices"].choices:
            terms.append([term_id(name, code), code, str(label), str(label), "", name, "nl", taxonomy_id(name), ""])
    for service in services:
        for name, spec in hsds.OUR_TAXONOMIES.items():
            for code in getattr(service, spec["field"]):
                term = term_id(name, code)
                attributes.append(
                    [attribute_id(service.hsds_id, term), service.hsds_id, term, spec["link_type"], "service", ""]
                )
    return taxonomies, terms, attributes


def export_folder(folder, owner):
    """Write every file; returns {file name: number of rows}."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    querysets = {
        hsds.ORGANIZATIONS: models.Provider.objects.filter(owner=owner),
        hsds.SERVICES: models.Service.objects.filter(owner=owner).select_related("provider"),
        hsds.LOCATIONS: models.Location.objects.filter(owner=owner).select_related("provider"),
        hsds.SERVICE_AT_LOCATION: models.ServiceAtLocation.objects.filter(owner=owner).select_related(
            "service", "location"
        ),
        hsds.ADDRESSES: models.Address.objects.filter(owner=owner).select_related("location"),
        hsds.SCHEDULES: models.Schedule.objects.filter(owner=owner).select_related(
            "service", "location", "service_at_location"
        ),
        hsds.ACCESSIBILITY: models.Accessibility.objects.filter(owner=owner).select_related("location"),
    }
    counts = {}
    for table, queryset in querysets.items():
        counts[table.path] = _write(folder, table, _rows(table, queryset.order_by("hsds_id").iterator(chunk_size=500)))
    taxonomies, terms, attributes = _classification_rows(querysets[hsds.SERVICES].order_by("hsds_id"))
    for table, rows in ((hsds.TAXONOMIES, taxonomies), (hsds.TAXONOMY_TERMS, terms), (hsds.ATTRIBUTES, attributes)):
        counts[table.path] = _write(folder, table, rows)
    return counts
