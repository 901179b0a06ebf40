"""Export as an HSDS 3.0 tabular folder, and the round trip import → export → import that loses nothing."""

from datetime import UTC, datetime, timezone

from steunwerk.resources import demo, hsds, models
from steunwerk.resources.demo import DEMO_FOLDER
from steunwerk.resources.exporter import export_folder, text
from steunwerk.resources.importer import import_folder
from steunwerk.resources.tests.helpers import MODELS, copy_demo, edit_csv, read_csv

ORG, SERVICE, LOCATION, SAL, ADDRESS, SCHEDULE, ACCESS = (
    f"f0000000-0000-4000-8000-00000000000{n}" for n in range(1, 8)
)
PARENT = "f0000000-0000-4000-8000-000000000099"
PROGRAM = "f0000000-0000-4000-8000-000000000098"

# One row per file with every column filled, in the canonical form the exporter writes.
FULL_ROWS = {
    "organizations.csv": {
        "id": ORG,
        "name": "Stichting Alles Ingevuld",
        "alternate_name": "SAI",
        "description": "Vult elk veld.",
        "email": "info@sai.example",
        "website": "https://sai.example",
        "tax_status": "ANBI",
        "tax_id": "NL001",
        "year_incorporated": "1999",
        "legal_status": "Stichting",
        "logo": "https://sai.example/logo.png",
        "uri": "https://kvk.example/12345678",
        "parent_organization_id": PARENT,
    },
    "services.csv": {
        "id": SERVICE,
        "organization_id": ORG,
        "program_id": PROGRAM,
        "name": "Buurtsport op maat",
        "alternate_name": "Sport, “bij jou” om de hoek",
        "description": 'Regel één.\nRegel twee, met "citaat".',
        "url": "https://sai.example/sport",
        "email": "sport@sai.example",
        "status": "temporarily closed",
        "interpretation_services": "Tolk Arabisch op afspraak",
        "application_process": "Bel ons.",
        "fees_description": "€ 2 per keer",
        "wait_time": "Geen",
        "fees": "2 euro",
        "accreditations": "Keurmerk",
        "eligibility_description": "Kinderen",
        "minimum_age": "6",
        "maximum_age": "12",
        "assured_date": "2026-01-31",
        "assurer_email": "controle@sai.example",
        "licenses": "Vergunning 7",
        "alert": "Tot 1 maart dicht.",
        "last_modified": "2026-02-01T08:15:30.123Z",
    },
    "locations.csv": {
        "id": LOCATION,
        "location_type": "virtual",
        "url": "https://sai.example/online",
        "organization_id": ORG,
        "name": "Online",
        "alternate_name": "Digitaal",
        "description": "Via video.",
        "transportation": "Geen reis nodig.",
        "latitude": "52.123456",
        "longitude": "-5.5",
        "external_identifier": "///sport.kast.bal",
        "external_identifier_type": "what3words",
    },
    "service_at_location.csv": {
        "id": SAL,
        "service_id": SERVICE,
        "location_id": LOCATION,
        "description": "Online les.",
    },
    "addresses.csv": {
        "id": ADDRESS,
        "location_id": LOCATION,
        "attention": "t.a.v. de coördinator",
        "address_1": "Postbus 1",
        "address_2": "Afdeling sport",
        "city": "Amersfoort",
        "region": "Nieuwland",
        "state_province": "Utrecht",
        "postal_code": "3800 AA",
        "country": "NL",
        "address_type": "postal",
    },
    "schedules.csv": {
        "id": SCHEDULE,
        "service_id": SERVICE,
        "location_id": LOCATION,
        "service_at_location_id": SAL,
        "valid_from": "2026-01-01",
        "valid_to": "2026-12-31",
        "dtstart": "2026-01-05",
        "timezone": "1",
        "until": "2026-12-28",
        "count": "40",
        "wkst": "MO",
        "freq": "WEEKLY",
        "interval": "2",
        "byday": "MO,WE",
        "byweekno": "1,2",
        "bymonthday": "3,4",
        "byyearday": "100",
        "description": "Om de week maandag en woensdag",
        "opens_at": "15:30:00+01:00",
        "closes_at": "17:00Z",
        "schedule_link": "https://sai.example/rooster",
        "attending_type": "online",
        "notes": "Niet in de schoolvakanties.",
    },
    "accessibility.csv": {
        "id": ACCESS,
        "location_id": LOCATION,
        "description": "Ondertiteling",
        "details": "Ook gebarentolk",
        "url": "https://sai.example/toegankelijk",
    },
}


def full_folder(tmp_path):
    """The demo folder plus one row per file that fills every column."""
    folder = copy_demo(tmp_path, "vol")
    for file, row in FULL_ROWS.items():
        edit_csv(folder / file, lambda rows, row=row: rows.append(row))

    def classify(rows):
        terms = {(r["taxonomy"], r["code"]): r["id"] for r in read_csv(folder / "taxonomy_terms.csv")[1]}
        for n, (taxonomy, code) in enumerate(
            [
                ("steunwerk-domein", "gezondheid"),
                ("steunwerk-domein", "vrije_tijd"),
                ("steunwerk-doelgroep", "lichamelijk"),
            ]
        ):
            rows.append(
                {
                    "id": f"f0000000-0000-4000-8000-0000000001{n:02d}",
                    "link_id": SERVICE,
                    "taxonomy_term_id": terms[(taxonomy, code)],
                    "link_entity": "service",
                }
            )

    edit_csv(folder / "attributes.csv", classify)
    return folder


def snapshot(owner):
    """Every field of every stored row of one organisation's kaart, foreign keys by HSDS id."""
    result = {}
    for model in MODELS:
        for obj in model.objects.filter(owner=owner):
            values = {}
            for field in model._meta.concrete_fields:
                if field.name in ("id", "owner"):
                    continue
                if field.is_relation:
                    related = getattr(obj, field.name)
                    values[field.name] = related.hsds_id if related else None
                else:
                    values[field.name] = getattr(obj, field.name)
            result[(model.__name__, obj.hsds_id)] = values
    return result


def rows_by_id(path):
    header, rows = read_csv(path)
    return header, {row["id"]: row for row in rows}


def test_it_writes_every_file_with_the_hsds_columns_in_order(world, kaart, tmp_path):
    counts = export_folder(tmp_path / "uit", world.org)
    assert counts == {
        "organizations.csv": 7,
        "services.csv": 12,
        "locations.csv": 8,
        "service_at_location.csv": 12,
        "addresses.csv": 8,
        "schedules.csv": 10,
        "accessibility.csv": 7,
        "taxonomies.csv": 2,
        "taxonomy_terms.csv": 16,
        "attributes.csv": 41,
    }
    for table in hsds.TABLES:
        header, _rows = read_csv(tmp_path / "uit" / table.path)
        assert header == table.column_names, table.path
    assert (tmp_path / "uit" / "services.csv").read_bytes().startswith(b"id,organization_id,program_id,name,")


def test_it_gives_back_the_demo_files_byte_for_byte(world, kaart, tmp_path):
    export_folder(tmp_path / "uit", world.org)
    for path in sorted(DEMO_FOLDER.iterdir()):
        assert (tmp_path / "uit" / path.name).read_bytes() == path.read_bytes(), path.name


def test_it_round_trips_into_a_fresh_organisation_losing_nothing(world, tmp_path):
    source = full_folder(tmp_path)
    import_folder(source, world.org)
    first = export_folder(tmp_path / "a", world.org)
    import_folder(tmp_path / "a", world.other_org)
    export_folder(tmp_path / "b", world.other_org)

    # every field of every row came through, and the full rows really fill every field
    original, copy = snapshot(world.org), snapshot(world.other_org)
    assert copy == original
    for key in [
        ("Provider", ORG),
        ("Service", SERVICE),
        ("Location", LOCATION),
        ("ServiceAtLocation", SAL),
        ("Address", ADDRESS),
        ("Schedule", SCHEDULE),
        ("Accessibility", ACCESS),
    ]:
        empty = [name for name, value in original[key].items() if value in (None, "", [])]
        assert empty == [], key
    assert original[("Service", SERVICE)]["domains"] == ["gezondheid", "vrije_tijd"]
    assert original[("Service", SERVICE)]["target_groups"] == ["lichamelijk"]

    # the files: the same values as imported, and a second export is identical to the first
    for file in FULL_ROWS:
        header, exported = rows_by_id(tmp_path / "a" / file)
        _header, imported = rows_by_id(source / file)
        assert exported == imported, file
    for file in first:
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes(), file


def test_it_writes_only_the_organisations_own_kaart(world, kaart, tmp_path):
    counts = export_folder(tmp_path / "leeg", world.other_org)
    assert set(counts.values()) - {2, 16} == {0}  # only our two taxonomies and their terms
    assert (tmp_path / "leeg" / "services.csv").read_bytes() == (",".join(hsds.SERVICES.column_names) + "\r\n").encode()


def test_it_writes_domains_and_target_groups_as_attributes_of_our_taxonomies(world, kaart, tmp_path):
    export_folder(tmp_path / "uit", world.org)
    service = models.Service.objects.get(owner=world.org, name="Inloop Het Klokhuis")
    _h, terms = rows_by_id(tmp_path / "uit" / "taxonomy_terms.csv")
    _h, taxonomies = rows_by_id(tmp_path / "uit" / "taxonomies.csv")
    _h, attributes = rows_by_id(tmp_path / "uit" / "attributes.csv")
    mine = [a for a in attributes.values() if a["link_id"] == service.hsds_id]
    assert {
        (
            taxonomies[terms[a["taxonomy_term_id"]]["taxonomy_id"]]["name"],
            terms[a["taxonomy_term_id"]]["code"],
            a["link_entity"],
        )
        for a in mine
    } == {
        ("steunwerk-domein", "psychisch_welbevinden", "service"),
        ("steunwerk-domein", "sociaal_netwerk", "service"),
        ("steunwerk-doelgroep", "psychisch", "service"),
    }
    assert {t["name"] for t in terms.values() if t["code"] == "psychisch"} == {"Psychische beperking"}


def test_it_writes_the_wijk_as_the_address_region(world, kaart, tmp_path):
    export_folder(tmp_path / "uit", world.org)
    _h, addresses = rows_by_id(tmp_path / "uit" / "addresses.csv")
    assert sorted({a["region"] for a in addresses.values()}) == [
        "Binnenstad",
        "Kruiskamp",
        "Liendert",
        "Schothorst",
        "Soesterkwartier",
        "Vathorst",
    ]


def test_it_writes_times_in_utc_with_milliseconds():
    moment = datetime(2026, 3, 15, 11, 30, 45, 123000).replace(tzinfo=UTC)
    assert text(moment) == "2026-03-15T11:30:45.123Z"
    assert text(moment.replace(microsecond=123456)) == "2026-03-15T11:30:45.123456Z"


def test_it_imports_its_own_export_again_as_an_update(world, kaart, tmp_path):
    export_folder(tmp_path / "uit", world.org)
    report = demo.load(world.org)
    again = import_folder(tmp_path / "uit", world.org)
    assert report.counts == again.counts
