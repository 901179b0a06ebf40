"""Read an HSDS 3.0 tabular folder into one organisation's sociale kaart.

Everything is checked first and every problem is collected (file, line, field, what is wrong); only when there
are none is anything written, all in one transaction. Re-importing the same ids updates those rows (upsert);
nothing is ever deleted by an import. A row in a file replaces the whole stored record, including the domains and
target groups of a service, which come from attributes.csv.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models as djmodels
from django.db import transaction

from steunwerk.resources import hsds, models

UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
URI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$")
INT_MAX = 32767
RANGES = {"latitude": (-90, 90), "longitude": (-180, 180), "timezone": (-14, 14)}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self):
        where = [self.file]
        if self.line:
            where.append(f"regel {self.line}")
        if self.field:
            where.append(f"veld {self.field}")
        return f"{', '.join(where)}: {self.message}"


class ImportFailed(Exception):
    """Bad input: nothing was stored. `problems` holds every problem found."""

    def __init__(self, problems, warnings=()):
        self.problems = list(problems)
        self.warnings = list(warnings)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Row:
    line: int
    values: dict  # column name -> cleaned value (None when empty)


@dataclass
class ParsedTable:
    table: hsds.Table
    file: str
    rows: list = field(default_factory=list)
    by_id: dict = field(default_factory=dict)


@dataclass
class ImportReport:
    owner: object
    folder: Path
    counts: dict  # table label -> (created, updated)
    ignored_files: list
    warnings: list

    def lines(self):
        out = [f"Sociale kaart van {self.owner.name} ingelezen uit {self.folder}:"]
        for label, (created, updated) in self.counts.items():
            out.append(f"  {label}: {created + updated} ({created} nieuw, {updated} bijgewerkt)")
        if self.ignored_files:
            out.append(f"Genegeerd (niet ingelezen): {', '.join(self.ignored_files)}")
        out.extend(f"Let op: {w}" for w in self.warnings)
        return out

    def total(self, label):
        created, updated = self.counts.get(label, (0, 0))
        return created + updated


class _Checker:
    """Collects problems and warnings while reading one folder."""

    def __init__(self, folder, owner):
        self.folder = folder
        self.owner = owner
        self.problems = []
        self.warnings = []
        self.parsed = {}  # table name -> ParsedTable
        self.broken = set()  # tables whose file could not be read at all
        self.ignored = []

    def problem(self, file, line, column, message):
        self.problems.append(Problem(file, line, column, message))

    # --- files

    def find_files(self):
        if not self.folder.is_dir():
            self.problem(str(self.folder), None, None, "deze map bestaat niet (of is geen map)")
            return {}
        names = {p.name: p for p in self.folder.iterdir() if p.is_file() and not p.name.startswith(".")}
        chosen, used = {}, set()
        for table in hsds.TABLES:
            present = [n for n in (table.path, *table.aliases) if n in names]
            used.update(present)
            if len(present) > 1:
                self.problem(present[1], None, None, f"staat naast {present[0]} in de map; laat er één over")
                self.broken.add(table.name)
            elif present:
                chosen[table.name] = names[present[0]]
            elif table in hsds.REQUIRED_FILES:
                self.problem(
                    table.path,
                    None,
                    None,
                    f"ontbreekt; dit bestand is verplicht (ook goed: {', '.join(table.aliases)})",
                )
                self.broken.add(table.name)
        self.ignored = sorted(n for n in names if n not in used)
        return chosen

    # --- one file

    def read(self, table, path):
        file = path.name
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.problem(
                file,
                line,
                None,
                f"geen geldige UTF-8 (byte 0x{raw[exc.start]:02x}); sla het bestand op met tekenset UTF-8",
            )
            self.broken.add(table.name)
            return
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            self.problem(file, 1, None, f"de kopregel is geen geldige CSV ({exc})")
            self.broken.add(table.name)
            return
        if not header or not any(h.strip() for h in header):
            self.problem(file, 1, None, "het bestand is leeg; de eerste regel moet de kolomnamen bevatten")
            self.broken.add(table.name)
            return
        header = [h.strip() for h in header]
        if not self._check_header(table, file, header):
            self.broken.add(table.name)
            return
        parsed = ParsedTable(table, file)
        known = {c.name: c for c in table.columns}
        while True:
            start = reader.line_num + 1
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                self.problem(file, start, None, f"geen geldige CSV ({exc}); controleer de aanhalingstekens")
                break
            if not any(v.strip() for v in record):
                continue  # an empty line
            if len(record) != len(header):
                self.problem(file, start, None, f"{len(record)} waarden, maar de kopregel heeft {len(header)} kolommen")
                continue
            values = {}
            for name, value in zip(header, record, strict=True):
                if name in known:
                    values[name] = self.convert(table, known[name], value.strip(), file, start)
            parsed.rows.append(Row(start, values))
        self._check_rows(parsed)
        self.parsed[table.name] = parsed

    def _check_header(self, table, file, header):
        doubles = sorted({h for h in header if header.count(h) > 1})
        if doubles:
            self.problem(file, 1, None, f"kolom komt meer dan eens voor: {', '.join(doubles)}")
        missing = [c.name for c in table.columns if c.required and c.name not in header]
        if missing:
            self.problem(file, 1, None, f"verplichte kolom ontbreekt: {', '.join(missing)}")
        unknown = [h or "(zonder naam)" for h in header if h not in table.column_names]
        if unknown:
            self.warnings.append(f"{file}: onbekende kolom genegeerd: {', '.join(unknown)}")
        return not (doubles or missing)

    def _check_rows(self, parsed):
        file = parsed.file
        codes = {}
        for row in parsed.rows:
            row_id = row.values.get("id")
            if row_id:
                first = parsed.by_id.get(row_id)
                if first:
                    self.problem(
                        file,
                        row.line,
                        "id",
                        f"id {row_id} komt ook voor op regel {first.line}; elk id mag maar één keer voorkomen",
                    )
                else:
                    parsed.by_id[row_id] = row
            if parsed.table is hsds.SERVICES:
                low, high = row.values.get("minimum_age"), row.values.get("maximum_age")
                if low is not None and high is not None and high < low:
                    self.problem(file, row.line, "maximum_age", f"{high} is lager dan minimum_age {low}")
            if parsed.table is hsds.TAXONOMY_TERMS and row.values.get("code"):
                code = row.values["code"]
                if code in codes:
                    self.problem(
                        file,
                        row.line,
                        "code",
                        f"code {code} komt ook voor op regel {codes[code]}; een code moet uniek zijn",
                    )
                codes.setdefault(code, row.line)

    # --- one value

    def convert(self, table, column, value, file, line):
        def bad(message):
            self.problem(file, line, column.name, message)

        if value == "":
            if column.required:
                bad("verplicht, maar leeg")
            return None
        kind = column.type
        if kind == "uuid":
            if not UUID_RE.match(value):
                return bad(f"geen geldige UUID: {value!r} (verwacht bijvoorbeeld d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610)")
            return value.lower()
        if kind == "email":
            try:
                validate_email(value)
            except ValidationError:
                return bad(f"geen geldig e-mailadres: {value!r}")
        elif kind == "uri":
            if not URI_RE.match(value):
                return bad(f"geen geldige URL: {value!r} (verwacht bijvoorbeeld https://www.voorbeeld.nl)")
        elif kind == "enum":
            if value not in column.enum:
                allowed = ", ".join(column.enum)
                if column.strict_enum:
                    return bad(f"onbekende waarde {value!r}; toegestaan: {allowed}")
                self.warnings.append(
                    f"{file}, regel {line}, veld {column.name}: onbekende waarde {value!r} "
                    f"overgenomen (verwacht: {allowed})"
                )
        elif kind == "country":
            if not re.fullmatch(r"[A-Za-z]{2}", value):
                return bad(f"geen landcode van twee letters (ISO 3166-1, bijvoorbeeld NL): {value!r}")
            value = value.upper()
        elif kind == "int":
            return self._int(value, bad)
        elif kind == "number":
            return self._number(table, column, value, bad)
        elif kind == "date":
            return self._date(value, bad)
        elif kind == "datetime":
            return self._datetime(value, bad)
        elif kind == "time":
            if not TIME_RE.match(value):
                return bad(f"geen geldige tijd: {value!r} (verwacht UU:MM of UU:MM:SS, eventueel met Z of +01:00)")
        limit = self._max_length(table, column)
        if limit and len(value) > limit:
            return bad(f"te lang: {len(value)} tekens, hoogstens {limit}")
        return value

    @staticmethod
    def _int(value, bad):
        try:
            number = Decimal(value)
        except InvalidOperation:
            return bad(f"geen getal: {value!r}")
        if not number.is_finite() or number != number.to_integral_value():
            return bad(f"geen geheel getal: {value!r}")
        if not 0 <= number <= INT_MAX:
            return bad(f"{value} valt buiten het bereik 0 tot en met {INT_MAX}")
        return int(number)

    def _number(self, table, column, value, bad):
        try:
            number = Decimal(value)
        except InvalidOperation:
            return bad(f"geen getal: {value!r} (gebruik een punt als decimaalteken)")
        if not number.is_finite():
            return bad(f"geen getal: {value!r}")
        low, high = RANGES.get(column.name, (None, None))
        if low is not None and not low <= number <= high:
            return bad(f"{value} valt buiten het bereik {low} tot en met {high}")
        model_field = self._model_field(table, column)
        if isinstance(model_field, djmodels.DecimalField):
            number = number.quantize(Decimal(1).scaleb(-model_field.decimal_places))
        return number

    @staticmethod
    def _date(value, bad):
        if not DATE_RE.match(value):
            return bad(f"geen geldige datum: {value!r} (verwacht JJJJ-MM-DD, bijvoorbeeld 2026-03-01)")
        try:
            return date.fromisoformat(value)
        except ValueError:
            return bad(f"deze datum bestaat niet: {value!r}")

    @staticmethod
    def _datetime(value, bad):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return bad(f"geen geldig tijdstip: {value!r} (verwacht ISO 8601, bijvoorbeeld 2023-03-15T10:30:45.123Z)")
        if "T" not in value and " " not in value:
            return bad(f"een tijdstip heeft ook een tijd: {value!r} (bijvoorbeeld 2023-03-15T10:30:45.123Z)")
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)  # RFC 3339 wants an offset; without one we read UTC
        return moment

    @staticmethod
    def _model_field(table, column):
        if not table.model or column.references:
            return None
        model = getattr(models, table.model)
        try:
            return model._meta.get_field(column.model_field)
        except Exception:  # noqa: BLE001 - a column without a field of its own
            return None

    def _max_length(self, table, column):
        model_field = self._model_field(table, column)
        return getattr(model_field, "max_length", None) if isinstance(model_field, djmodels.CharField) else None

    # --- between files

    def stored_ids(self, table_name):
        """Ids already in this organisation's sociale kaart: a file may point to them too."""
        table = hsds.BY_NAME[table_name]
        if not table.model:
            return set()
        model = getattr(models, table.model)
        return set(model.objects.filter(owner=self.owner).values_list("hsds_id", flat=True))

    def check_references(self):
        stored = {}
        for parsed in self.parsed.values():
            for column in parsed.table.columns:
                target = column.references
                if not target or target in self.broken:
                    continue
                if target not in stored:
                    stored[target] = self.stored_ids(target)
                in_file = self.parsed.get(target)
                target_file = in_file.file if in_file else hsds.BY_NAME[target].path
                for row in parsed.rows:
                    ref = row.values.get(column.name)
                    if ref and not (in_file and ref in in_file.by_id) and ref not in stored[target]:
                        self.problem(
                            parsed.file,
                            row.line,
                            column.name,
                            f"verwijst naar {ref}, maar dat id staat niet in {target_file} "
                            f"en ook niet in de sociale kaart van {self.owner.name}",
                        )
        return stored

    def classifications(self, stored):
        """{service id: {"domains": [...], "target_groups": [...]}} from attributes.csv and our taxonomy terms."""
        terms = self.parsed.get("taxonomy_term")
        attributes = self.parsed.get("attribute")
        if not (terms and attributes):
            return {}
        taxonomies = self.parsed.get("taxonomy")
        taxonomy_names = {tid: row.values.get("name") for tid, row in taxonomies.by_id.items()} if taxonomies else {}
        ours = {}
        for term_id, row in terms.by_id.items():
            name = taxonomy_names.get(row.values.get("taxonomy_id")) or row.values.get("taxonomy") or ""
            spec = hsds.OUR_TAXONOMIES.get(name)
            if spec is None:
                continue
            code = row.values.get("code")
            if code not in spec["choices"].values:
                self.problem(
                    terms.file,
                    row.line,
                    "code",
                    f"onbekende code {code!r} in taxonomie {name}; toegestaan: {', '.join(spec['choices'].values)}",
                )
                continue
            ours[term_id] = (spec["field"], code)
        services = self.parsed.get("service")
        known_services = (set(services.by_id) if services else set()) | stored.get("service", set())
        result, foreign = {}, 0
        for row in attributes.rows:
            term = ours.get(row.values.get("taxonomy_term_id"))
            if term is None:
                foreign += 1
                continue
            entity, link = row.values.get("link_entity"), row.values.get("link_id")
            if entity != "service":
                self.problem(
                    attributes.file,
                    row.line,
                    "link_entity",
                    f"een levensgebied of doelgroep hoort bij een dienst: verwacht 'service', niet {entity!r}",
                )
            elif link and link not in known_services and "service" not in self.broken:
                self.problem(
                    attributes.file,
                    row.line,
                    "link_id",
                    f"verwijst naar dienst {link}, maar die staat niet in services.csv "
                    f"en ook niet in de sociale kaart van {self.owner.name}",
                )
            elif link in known_services:
                lists = result.setdefault(link, {"domains": set(), "target_groups": set()})
                lists[term[0]].add(term[1])
        if foreign:
            self.warnings.append(f"{attributes.file}: {foreign} kenmerk(en) uit andere taxonomieën genegeerd")
        order = {spec["field"]: list(spec["choices"].values) for spec in hsds.OUR_TAXONOMIES.values()}
        return {
            sid: {f: sorted(codes, key=order[f].index) for f, codes in lists.items()} for sid, lists in result.items()
        }


def check_folder(folder, owner):
    """Read and check everything; raise ImportFailed with every problem, or return what to write."""
    checker = _Checker(Path(folder), owner)
    for table_name, path in checker.find_files().items():
        checker.read(hsds.BY_NAME[table_name], path)
    stored = checker.check_references()
    classifications = checker.classifications(stored)
    if checker.problems:
        raise ImportFailed(checker.problems, checker.warnings)
    return checker, classifications


def import_folder(folder, owner):
    """Import an HSDS 3.0 tabular folder into `owner`'s sociale kaart: all of it, or (ImportFailed) nothing."""
    checker, classifications = check_folder(folder, owner)
    with transaction.atomic():
        counts = _write(checker.parsed, owner, classifications)
    return ImportReport(
        owner=owner, folder=Path(folder), counts=counts, ignored_files=checker.ignored, warnings=checker.warnings
    )


def _write(parsed, owner, classifications):
    counts, pk_maps = {}, {}

    def pk_map(table_name):
        if table_name not in pk_maps:
            model = getattr(models, hsds.BY_NAME[table_name].model)
            pk_maps[table_name] = dict(model.objects.filter(owner=owner).values_list("hsds_id", "pk"))
        return pk_maps[table_name]

    for table in hsds.TABLES:
        if not table.model or table.name not in parsed:
            continue
        model = getattr(models, table.model)
        records = []
        for row in parsed[table.name].by_id.values():
            values = {}
            for column in table.columns:
                value = row.values.get(column.name)
                if column.references:
                    values[f"{column.model_field}_id"] = pk_map(column.references)[value] if value else None
                else:
                    values[column.model_field] = _stored_value(model, column.model_field, value)
            if table is hsds.SERVICES:
                lists = classifications.get(values["hsds_id"], {})
                values["domains"] = lists.get("domains", [])
                values["target_groups"] = lists.get("target_groups", [])
            records.append(values)
        counts[table.label] = _upsert(model, owner, records)
        pk_maps.pop(table.name, None)
    # Services that are only in the stored kaart but got their classification in this attributes.csv.
    in_file = set(parsed["service"].by_id) if "service" in parsed else set()
    for service in models.Service.objects.filter(owner=owner, hsds_id__in=set(classifications) - in_file):
        lists = classifications[service.hsds_id]
        service.domains, service.target_groups = lists.get("domains", []), lists.get("target_groups", [])
        service.save(update_fields=["domains", "target_groups"])
    return counts


def _stored_value(model, name, value):
    if value is None and not model._meta.get_field(name).null:
        return ""
    return value


def _upsert(model, owner, records):
    existing = {obj.hsds_id: obj for obj in model.objects.filter(owner=owner)}
    new, changed = [], []
    for values in records:
        obj = existing.get(values["hsds_id"])
        if obj is None:
            new.append(model(owner=owner, **values))
        else:
            for name, value in values.items():
                setattr(obj, name, value)
            changed.append(obj)
    model.objects.bulk_create(new, batch_size=500)
    if changed:
        fields = [name for name in records[0] if name != "hsds_id"]  # foreign keys by attname (provider_id)
        model.objects.bulk_update(changed, fields, batch_size=500)
    return len(new), len(changed)
