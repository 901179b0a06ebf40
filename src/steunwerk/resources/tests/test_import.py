"""Import of an HSDS 3.0 tabular folder: counts, upsert, file-name variants, ignored files and columns, and every
kind of bad input — reported with file, line and field, and nothing half-saved."""

from datetime import date

import pytest

from steunwerk.resources import demo, models
from steunwerk.resources.importer import ImportFailed, import_folder
from steunwerk.resources.tests.helpers import copy_demo, edit_csv, read_csv, row_counts, service_named, write_csv

DEMO_COUNTS = {
    "Provider": 7,
    "Service": 12,
    "Location": 8,
    "ServiceAtLocation": 12,
    "Address": 8,
    "Schedule": 10,
    "Accessibility": 7,
}


def problems_of(folder, owner):
    with pytest.raises(ImportFailed) as failed:
        import_folder(folder, owner)
    return [str(p) for p in failed.value.problems]


def line_of(folder, file, **match):
    """The line number of the first row whose columns have these values (the demo has no multi-line cells)."""
    _header, rows = read_csv(folder / file)
    for number, row in enumerate(rows, start=2):
        if all(row[k] == v for k, v in match.items()):
            return number
    raise AssertionError(match)


# --- what a good import does


def test_it_imports_the_demo_kaart_and_reports_the_counts(world):
    report = demo.load(world.org)
    assert row_counts() == DEMO_COUNTS
    assert report.total("diensten") == 12
    lines = report.lines()
    assert lines[0].startswith("Sociale kaart van Wijkteam Oost ingelezen uit ")
    assert "  diensten: 12 (12 nieuw, 0 bijgewerkt)" in lines
    assert "  organisaties: 7 (7 nieuw, 0 bijgewerkt)" in lines
    assert all(s.owner == world.org for s in models.Service.objects.all())


def test_it_is_idempotent(world):
    demo.load(world.org)
    report = demo.load(world.org)
    assert row_counts() == DEMO_COUNTS
    assert "  diensten: 12 (0 nieuw, 12 bijgewerkt)" in report.lines()


def test_it_updates_rows_with_the_same_id(world, tmp_path):
    demo.load(world.org)
    folder = copy_demo(tmp_path)

    def rename(rows):
        for row in rows:
            if row["name"] == "Recreatief volleybal":
                row["name"], row["status"] = "Recreatief volleybal (zomer)", "temporarily closed"

    edit_csv(folder / "services.csv", rename)
    import_folder(folder, world.org)
    service = service_named("Recreatief volleybal (zomer)")
    assert service.status == "temporarily closed"
    assert row_counts() == DEMO_COUNTS


def test_it_stores_every_field_of_a_service(world):
    demo.load(world.org)
    service = service_named("Humanitas Thuisadministratie")
    assert service.provider.name == "Humanitas Amersfoort"
    assert service.minimum_age == 18 and service.maximum_age is None
    assert service.assured_date == date(2024, 9, 1)
    assert service.fees_description == "Gratis."
    assert service.wait_time == "Ongeveer vier weken."
    assert service.domains == ["financien", "dagelijkse_vaardigheden"]
    assert service.target_groups == ["algemeen"]
    assert service.last_modified.isoformat() == "2026-11-01T09:00:00+00:00"


def test_it_reads_the_wijk_from_the_address_region_and_the_extra_files(world):
    demo.load(world.org)
    service = models.Service.objects.prefetch_related(
        "at_locations__location__addresses",
        "at_locations__location__accessibility",
        "schedules",
        "at_locations__schedules",
        "at_locations__location__schedules",
    ).get(name="Recreatief volleybal")
    assert service.wijken == ["Schothorst"]
    assert service.opening_times == ["Dinsdag en donderdag 19.30–21.00 uur"]
    assert [a.description for a in service.accessibility] == [
        "Rolstoeltoegankelijk; invalidentoilet bij de kleedkamers."
    ]
    schedule = service.schedules.get()
    assert (schedule.freq, schedule.byday, schedule.opens_at, schedule.closes_at) == (
        "WEEKLY",
        "TU,TH",
        "19:30",
        "21:00",
    )


def test_it_accepts_singular_file_names(world, tmp_path):
    folder = copy_demo(tmp_path)
    for plural, singular in [
        ("organizations", "organization"),
        ("services", "service"),
        ("locations", "location"),
        ("addresses", "address"),
    ]:
        (folder / f"{plural}.csv").rename(folder / f"{singular}.csv")
    import_folder(folder, world.org)
    assert row_counts() == DEMO_COUNTS


def test_it_refuses_both_spellings_of_one_file(world, tmp_path):
    folder = copy_demo(tmp_path)
    (folder / "service.csv").write_bytes((folder / "services.csv").read_bytes())
    assert problems_of(folder, world.org) == ["service.csv: staat naast services.csv in de map; laat er één over"]
    assert row_counts() == dict.fromkeys(DEMO_COUNTS, 0)


def test_it_needs_only_organizations_and_services(world, tmp_path):
    folder = copy_demo(tmp_path)
    for name in (
        "locations",
        "service_at_location",
        "addresses",
        "schedules",
        "accessibility",
        "taxonomies",
        "taxonomy_terms",
        "attributes",
    ):
        (folder / f"{name}.csv").unlink()
    report = import_folder(folder, world.org)
    assert report.total("diensten") == 12
    assert row_counts() == {**dict.fromkeys(DEMO_COUNTS, 0), "Provider": 7, "Service": 12}
    assert service_named("Recreatief volleybal").domains == []


@pytest.mark.parametrize("missing", ["organizations.csv", "services.csv"])
def test_it_refuses_a_folder_without_a_required_file(world, tmp_path, missing):
    folder = copy_demo(tmp_path)
    (folder / missing).unlink()
    problems = problems_of(folder, world.org)
    assert any(p.startswith(f"{missing}: ontbreekt; dit bestand is verplicht") for p in problems)
    assert row_counts() == dict.fromkeys(DEMO_COUNTS, 0)


def test_it_refuses_a_folder_that_does_not_exist(world, tmp_path):
    assert problems_of(tmp_path / "nergens", world.org) == [
        f"{tmp_path / 'nergens'}: deze map bestaat niet (of is geen map)"
    ]


def test_it_lists_other_files_as_ignored(world, tmp_path):
    folder = copy_demo(tmp_path)
    write_csv(folder / "phones.csv", ["id", "number"], [["0b6f0a3c-1d2e-4f5a-8b9c-0d1e2f3a4b5c", "+31331234567"]])
    (folder / "datapackage.json").write_text("{}")
    (folder / "LEESMIJ.txt").write_text("hallo")
    report = import_folder(folder, world.org)
    assert report.ignored_files == ["LEESMIJ.txt", "datapackage.json", "phones.csv"]
    assert "Genegeerd (niet ingelezen): LEESMIJ.txt, datapackage.json, phones.csv" in report.lines()


def test_it_ignores_unknown_columns_with_a_message(world, tmp_path):
    folder = copy_demo(tmp_path)
    header, _rows = read_csv(folder / "services.csv")

    def add(rows):
        for row in rows:
            row["telefoon"] = "033-1234567"

    edit_csv(folder / "services.csv", add, header=[*header, "telefoon"])
    report = import_folder(folder, world.org)
    assert report.warnings == ["services.csv: onbekende kolom genegeerd: telefoon"]
    assert "Let op: services.csv: onbekende kolom genegeerd: telefoon" in report.lines()


def test_it_imports_a_cell_that_spans_lines(world, tmp_path):
    folder = copy_demo(tmp_path)

    def multiline(rows):
        rows[0]["description"] = 'Eerste regel.\nTweede regel, met "aanhalingstekens".'

    edit_csv(folder / "services.csv", multiline)
    import_folder(folder, world.org)
    assert models.Service.objects.filter(description='Eerste regel.\nTweede regel, met "aanhalingstekens".').exists()


# --- bad input: every problem names the file, the line and the field; nothing is stored


@pytest.mark.parametrize(
    "file, column",
    [
        ("organizations.csv", "description"),
        ("services.csv", "status"),
        ("services.csv", "organization_id"),
        ("locations.csv", "location_type"),
        ("service_at_location.csv", "location_id"),
        ("addresses.csv", "postal_code"),
        ("addresses.csv", "state_province"),
        ("attributes.csv", "link_entity"),
    ],
)
def test_it_refuses_a_file_without_a_required_column(world, tmp_path, file, column):
    folder = copy_demo(tmp_path)
    header, _rows = read_csv(folder / file)
    edit_csv(folder / file, header=[c for c in header if c != column])
    assert f"{file}, regel 1: verplichte kolom ontbreekt: {column}" in problems_of(folder, world.org)
    assert row_counts() == dict.fromkeys(DEMO_COUNTS, 0)


def test_it_refuses_broken_utf8_naming_the_line(world, tmp_path):
    folder = copy_demo(tmp_path)
    line = line_of(folder, "services.csv", name="Samen eten in De Kei")
    raw = (folder / "services.csv").read_bytes()
    raw = raw.replace(b"Samen eten in De Kei", "Samen eten in Caf\xe9 De Kei".encode("latin-1"))
    (folder / "services.csv").write_bytes(raw)
    assert problems_of(folder, world.org) == [
        f"services.csv, regel {line}: geen geldige UTF-8 (byte 0xe9); sla het bestand op met tekenset UTF-8"
    ]
    assert row_counts() == dict.fromkeys(DEMO_COUNTS, 0)


def test_it_accepts_a_byte_order_mark(world, tmp_path):
    folder = copy_demo(tmp_path)
    (folder / "services.csv").write_bytes(b"\xef\xbb\xbf" + (folder / "services.csv").read_bytes())
    import_folder(folder, world.org)
    assert row_counts() == DEMO_COUNTS


def test_it_refuses_duplicate_ids_naming_both_lines(world, tmp_path):
    folder = copy_demo(tmp_path)
    _header, rows = read_csv(folder / "services.csv")
    first_id = rows[0]["id"]
    edit_csv(folder / "services.csv", lambda rows: rows.append({**rows[0], "name": "Een kopie"}))
    assert problems_of(folder, world.org) == [
        f"services.csv, regel 14, veld id: id {first_id} komt ook voor op regel 2; elk id mag maar één keer voorkomen"
    ]
    assert row_counts() == dict.fromkeys(DEMO_COUNTS, 0)


def test_it_refuses_an_unknown_status(world, tmp_path):
    folder = copy_demo(tmp_path)
    line = line_of(folder, "services.csv", name="Repair Café Kruiskamp")

    def spoil(rows):
        next(r for r in rows if r["name"] == "Repair Café Kruiskamp")["status"] = "open"

    edit_csv(folder / "services.csv", spoil)
    assert problems_of(folder, world.org) == [
        f"services.csv, regel {line}, veld status: onbekende waarde 'open'; "
        "toegestaan: active, inactive, defunct, temporarily closed"
    ]
    assert row_counts() == dict.fromkeys(DEMO_COUNTS, 0)


MISSING = "0f0f0f0f-0000-4000-8000-000000000000"


@pytest.mark.parametrize(
    "file, column, target_file",
    [
        ("services.csv", "organization_id", "organizations.csv"),
        ("locations.csv", "organization_id", "organizations.csv"),
        ("service_at_location.csv", "service_id", "services.csv"),
        ("service_at_location.csv", "location_id", "locations.csv"),
        ("addresses.csv", "location_id", "locations.csv"),
        ("schedules.csv", "service_id", "services.csv"),
        ("accessibility.csv", "location_id", "locations.csv"),
        ("attributes.csv", "taxonomy_term_id", "taxonomy_terms.csv"),
        ("taxonomy_terms.csv", "taxonomy_id", "taxonomies.csv"),
    ],
)
def test_it_refuses_a_reference_to_a_missing_id(world, tmp_path, file, column, target_file):
    folder = copy_demo(tmp_path)
    edit_csv(folder / file, lambda rows: rows[0].__setitem__(column, MISSING))
    assert problems_of(folder, world.org) == [
        f"{file}, regel 2, veld {column}: verwijst naar {MISSING}, maar dat id staat niet in {target_file} "
        "en ook niet in de sociale kaart van Wijkteam Oost"
    ]
    assert row_counts() == dict.fromkeys(DEMO_COUNTS, 0)


def test_it_resolves_a_reference_to_the_stored_kaart(world, tmp_path):
    demo.load(world.org)
    folder = tmp_path / "aanvulling"
    folder.mkdir()
    humanitas = models.Provider.objects.get(name="Humanitas Amersfoort")
    write_csv(
        folder / "organizations.csv",
        ["id", "name", "description"],
        [["1a2b3c4d-0000-4000-8000-000000000001", "Buurtkracht", "Bewonersinitiatief."]],
    )
    write_csv(
        folder / "services.csv",
        ["id", "organization_id", "name", "status"],
        [["1a2b3c4d-0000-4000-8000-000000000002", humanitas.hsds_id, "Rouwgroep", "active"]],
    )
    import_folder(folder, world.org)
    assert service_named("Rouwgroep").provider == humanitas


def test_it_does_not_resolve_a_reference_to_another_organisations_kaart(world, tmp_path):
    demo.load(world.other_org)
    folder = copy_demo(tmp_path)
    (folder / "organizations.csv").write_text("id,name,description\r\n", encoding="utf-8")
    problems = problems_of(folder, world.org)
    assert len(problems) == 12 + 8  # every service and every location points to a missing organisation
    assert all(
        "staat niet in organizations.csv en ook niet in de sociale kaart van Wijkteam Oost" in p for p in problems
    )


@pytest.mark.parametrize(
    "file, column, value, message",
    [
        (
            "services.csv",
            "id",
            "abc",
            "geen geldige UUID: 'abc' (verwacht bijvoorbeeld d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610)",
        ),
        ("services.csv", "name", "", "verplicht, maar leeg"),
        ("services.csv", "minimum_age", "zestien", "geen getal: 'zestien'"),
        ("services.csv", "minimum_age", "16.5", "geen geheel getal: '16.5'"),
        ("services.csv", "minimum_age", "-1", "-1 valt buiten het bereik 0 tot en met 32767"),
        (
            "services.csv",
            "assured_date",
            "1-9-2024",
            "geen geldige datum: '1-9-2024' (verwacht JJJJ-MM-DD, bijvoorbeeld 2026-03-01)",
        ),
        ("services.csv", "assured_date", "2024-02-30", "deze datum bestaat niet: '2024-02-30'"),
        (
            "services.csv",
            "last_modified",
            "gisteren",
            "geen geldig tijdstip: 'gisteren' (verwacht ISO 8601, bijvoorbeeld 2023-03-15T10:30:45.123Z)",
        ),
        ("services.csv", "email", "info@", "geen geldig e-mailadres: 'info@'"),
        (
            "services.csv",
            "url",
            "www.example.nl",
            "geen geldige URL: 'www.example.nl' (verwacht bijvoorbeeld https://www.voorbeeld.nl)",
        ),
        ("services.csv", "name", "x" * 301, "te lang: 301 tekens, hoogstens 300"),
        ("locations.csv", "latitude", "152.1", "152.1 valt buiten het bereik -90 tot en met 90"),
        ("locations.csv", "longitude", "5,4", "geen getal: '5,4' (gebruik een punt als decimaalteken)"),
        (
            "addresses.csv",
            "country",
            "Nederland",
            "geen landcode van twee letters (ISO 3166-1, bijvoorbeeld NL): 'Nederland'",
        ),
        ("addresses.csv", "city", "", "verplicht, maar leeg"),
        (
            "schedules.csv",
            "opens_at",
            "half tien",
            "geen geldige tijd: 'half tien' (verwacht UU:MM of UU:MM:SS, eventueel met Z of +01:00)",
        ),
        ("schedules.csv", "freq", "DAILY", "onbekende waarde 'DAILY'; toegestaan: WEEKLY, MONTHLY"),
        ("schedules.csv", "wkst", "MA", "onbekende waarde 'MA'; toegestaan: MO, TU, WE, TH, FR, SA, SU"),
        ("organizations.csv", "year_incorporated", "1978a", "geen getal: '1978a'"),
        ("taxonomy_terms.csv", "name", "", "verplicht, maar leeg"),
    ],
)
def test_it_refuses_a_bad_value_naming_file_line_and_field(world, tmp_path, file, column, value, message):
    folder = copy_demo(tmp_path)
    edit_csv(folder / file, lambda rows: rows[0].__setitem__(column, value))
    problems = problems_of(folder, world.org)
    assert f"{file}, regel 2, veld {column}: {message}" in problems
    assert row_counts() == dict.fromkeys(DEMO_COUNTS, 0)


def test_it_refuses_a_maximum_age_below_the_minimum(world, tmp_path):
    folder = copy_demo(tmp_path)
    edit_csv(folder / "services.csv", lambda rows: rows[0].update(minimum_age="18", maximum_age="12"))
    assert problems_of(folder, world.org) == ["services.csv, regel 2, veld maximum_age: 12 is lager dan minimum_age 18"]


def test_it_keeps_an_unknown_location_type_with_a_warning(world, tmp_path):
    folder = copy_demo(tmp_path)
    edit_csv(folder / "locations.csv", lambda rows: rows[0].__setitem__("location_type", "mobile"))
    report = import_folder(folder, world.org)
    assert report.warnings == [
        "locations.csv, regel 2, veld location_type: onbekende waarde 'mobile' overgenomen "
        "(verwacht: physical, postal, virtual)"
    ]
    assert models.Location.objects.filter(location_type="mobile").count() == 1


def test_it_refuses_a_row_with_too_many_values(world, tmp_path):
    folder = copy_demo(tmp_path)
    with open(folder / "organizations.csv", "a", encoding="utf-8", newline="") as handle:
        handle.write("1a2b3c4d-0000-4000-8000-000000000009,Club,Een club.,,,,,,,,,,,extra\r\n")
    assert problems_of(folder, world.org) == [
        "organizations.csv, regel 9: 14 waarden, maar de kopregel heeft 13 kolommen"
    ]


def test_it_refuses_an_unterminated_quote(world, tmp_path):
    folder = copy_demo(tmp_path)
    with open(folder / "organizations.csv", "a", encoding="utf-8", newline="") as handle:
        handle.write('1a2b3c4d-0000-4000-8000-000000000009,"Club,Een club.\r\n')
    problems = problems_of(folder, world.org)
    assert len(problems) == 1 and problems[0].startswith("organizations.csv, regel 9: geen geldige CSV")


def test_it_refuses_an_empty_file(world, tmp_path):
    folder = copy_demo(tmp_path)
    (folder / "services.csv").write_bytes(b"")
    assert problems_of(folder, world.org) == [
        "services.csv, regel 1: het bestand is leeg; de eerste regel moet de kolomnamen bevatten"
    ]


def test_it_refuses_an_unknown_code_in_our_taxonomy(world, tmp_path):
    folder = copy_demo(tmp_path)
    line = line_of(folder, "taxonomy_terms.csv", code="vrije_tijd")
    edit_csv(
        folder / "taxonomy_terms.csv",
        lambda rows: next(r for r in rows if r["code"] == "vrije_tijd").__setitem__("code", "sport"),
    )
    problems = problems_of(folder, world.org)
    assert problems[0].startswith(
        f"taxonomy_terms.csv, regel {line}, veld code: onbekende code 'sport' in taxonomie "
        "steunwerk-domein; toegestaan: wonen, werk_dagbesteding, financien"
    )


def test_it_refuses_a_domain_on_something_else_than_a_service(world, tmp_path):
    folder = copy_demo(tmp_path)
    edit_csv(folder / "attributes.csv", lambda rows: rows[0].__setitem__("link_entity", "location"))
    assert problems_of(folder, world.org) == [
        "attributes.csv, regel 2, veld link_entity: een levensgebied of doelgroep hoort bij een dienst: "
        "verwacht 'service', niet 'location'"
    ]


def test_it_refuses_a_domain_on_a_missing_service(world, tmp_path):
    folder = copy_demo(tmp_path)
    edit_csv(folder / "attributes.csv", lambda rows: rows[0].__setitem__("link_id", MISSING))
    assert problems_of(folder, world.org) == [
        f"attributes.csv, regel 2, veld link_id: verwijst naar dienst {MISSING}, maar die staat niet in services.csv "
        "en ook niet in de sociale kaart van Wijkteam Oost"
    ]


def test_it_ignores_attributes_of_other_taxonomies_with_a_message(world, tmp_path):
    folder = copy_demo(tmp_path)
    _header, services = read_csv(folder / "services.csv")
    other_term = "7e57ab1e-0000-4000-8000-000000000001"

    def add_term(rows):
        rows.append({"id": other_term, "code": "BD-1800", "name": "Food", "description": "Food", "taxonomy": "AIRS"})

    edit_csv(folder / "taxonomy_terms.csv", add_term)
    edit_csv(
        folder / "attributes.csv",
        lambda rows: rows.append(
            {
                "id": "7e57ab1e-0000-4000-8000-000000000002",
                "link_id": services[0]["id"],
                "taxonomy_term_id": other_term,
                "link_entity": "service",
            }
        ),
    )
    report = import_folder(folder, world.org)
    assert report.warnings == ["attributes.csv: 1 kenmerk(en) uit andere taxonomieën genegeerd"]
    assert service_named(services[0]["name"]).domains  # our own attributes still count


def test_it_recognises_our_taxonomy_by_the_taxonomy_column_alone(world, tmp_path):
    folder = copy_demo(tmp_path)
    (folder / "taxonomies.csv").unlink()
    edit_csv(folder / "taxonomy_terms.csv", lambda rows: [r.__setitem__("taxonomy_id", "") for r in rows])
    import_folder(folder, world.org)
    assert service_named("Recreatief volleybal").domains == ["sociaal_netwerk", "gezondheid", "vrije_tijd"]


def test_it_collects_every_problem_of_every_file_at_once(world, tmp_path):
    folder = copy_demo(tmp_path)
    edit_csv(
        folder / "services.csv",
        lambda rows: (rows[0].__setitem__("status", "open"), rows[1].__setitem__("minimum_age", "x")),
    )
    edit_csv(folder / "addresses.csv", lambda rows: rows[2].__setitem__("country", "NLD"))
    problems = problems_of(folder, world.org)
    assert [p.split(":")[0] for p in problems] == [
        "services.csv, regel 2, veld status",
        "services.csv, regel 3, veld minimum_age",
        "addresses.csv, regel 4, veld country",
    ]


def test_it_saves_nothing_of_a_failed_update(world, tmp_path):
    demo.load(world.org)
    before = {s.hsds_id: (s.name, s.status) for s in models.Service.objects.all()}
    folder = copy_demo(tmp_path)

    def rename_all_and_spoil_the_last(rows):
        for row in rows:
            row["name"] += " (nieuw)"
        rows[-1]["status"] = "gesloten"

    edit_csv(folder / "services.csv", rename_all_and_spoil_the_last)
    edit_csv(folder / "organizations.csv", lambda rows: [r.__setitem__("name", "Nieuw") for r in rows])
    problems_of(folder, world.org)
    assert {s.hsds_id: (s.name, s.status) for s in models.Service.objects.all()} == before
    assert not models.Provider.objects.filter(name="Nieuw").exists()
    assert row_counts() == DEMO_COUNTS


def test_it_rolls_back_everything_when_writing_fails(world, tmp_path, monkeypatch):
    from steunwerk.resources import importer

    real_upsert = importer._upsert

    def failing_upsert(model, owner, records):
        if model is models.Address:
            raise RuntimeError("schijf vol")
        return real_upsert(model, owner, records)

    monkeypatch.setattr(importer, "_upsert", failing_upsert)
    with pytest.raises(RuntimeError):
        import_folder(copy_demo(tmp_path), world.org)
    assert row_counts() == dict.fromkeys(DEMO_COUNTS, 0)


def test_it_keeps_each_organisations_kaart_apart(world, tmp_path):
    demo.load(world.org)
    demo.load(world.other_org)
    assert models.Service.objects.filter(owner=world.org).count() == 12
    assert models.Service.objects.filter(owner=world.other_org).count() == 12
    folder = copy_demo(tmp_path)
    edit_csv(folder / "services.csv", lambda rows: [r.__setitem__("name", r["name"].upper()) for r in rows])
    import_folder(folder, world.org)
    assert models.Service.objects.filter(owner=world.org, name="RECREATIEF VOLLEYBAL").exists()
    assert models.Service.objects.filter(owner=world.other_org, name="Recreatief volleybal").exists()
    assert models.Service.objects.filter(owner=world.org).count() == 12


def test_it_stores_ids_in_lower_case(world, tmp_path):
    folder = copy_demo(tmp_path)
    for name in ("organizations.csv", "services.csv"):
        edit_csv(
            folder / name,
            lambda rows: [r.update({k: v.upper() for k, v in r.items() if k.endswith("id")}) for r in rows],
        )
    import_folder(folder, world.org)
    assert row_counts() == DEMO_COUNTS
    assert all(s.hsds_id == s.hsds_id.lower() for s in models.Service.objects.all())
