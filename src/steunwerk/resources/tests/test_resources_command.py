"""`steunwerk resources import|export|search`: counts, exit code 2 with clear messages (never a traceback),
the choice of organisation, and JSON search output."""

import json

import pytest

from steunwerk.accounts.models import Organisation
from steunwerk.resources.demo import DEMO_FOLDER
from steunwerk.resources.models import Service
from steunwerk.resources.tests.helpers import copy_demo, edit_csv, row_counts, run


@pytest.fixture
def only_org(db):
    return Organisation.objects.create(name="Welzijn Eemland", kind="welfare")


def test_it_imports_into_the_only_organisation_and_reports_counts(only_org):
    code, out, err = run("import", DEMO_FOLDER)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"Sociale kaart van Welzijn Eemland ingelezen uit {DEMO_FOLDER}:"
    assert "  diensten: 12 (12 nieuw, 0 bijgewerkt)" in out
    assert "  openingstijden: 10 (10 nieuw, 0 bijgewerkt)" in out
    assert Service.objects.filter(owner=only_org).count() == 12


def test_it_asks_which_organisation_when_there_are_several(world):
    code, out, err = run("import", DEMO_FOLDER)
    assert code == 2 and out == ""
    assert err.strip() == (
        "Er zijn meerdere organisaties; kies met --organisation wiens sociale kaart dit is: "
        "Gemeente Oost, MEE West, Wijkteam Oost."
    )
    assert row_counts()["Service"] == 0


def test_it_imports_into_the_chosen_organisation(world):
    code, out, _err = run("import", DEMO_FOLDER, "--organisation", "mee west")
    assert code == 0 and "Sociale kaart van MEE West" in out
    assert Service.objects.filter(owner=world.other_org).count() == 12


def test_it_refuses_an_unknown_organisation(world):
    code, _out, err = run("import", DEMO_FOLDER, "--organisation", "Nergens")
    assert code == 2
    assert err.strip() == "Onbekende organisatie: Nergens. Bekend: Gemeente Oost, MEE West, Wijkteam Oost."


def test_it_refuses_when_there_is_no_organisation_yet(db):
    code, _out, err = run("import", DEMO_FOLDER)
    assert code == 2 and "Er is nog geen organisatie." in err


def test_it_reports_bad_input_on_stderr_with_exit_code_2_and_saves_nothing(only_org, tmp_path):
    folder = copy_demo(tmp_path)
    edit_csv(folder / "services.csv", lambda rows: rows[0].__setitem__("status", "open"))
    raw = (folder / "organizations.csv").read_bytes()
    (folder / "organizations.csv").write_bytes(raw.replace(b"Stichting De Brug", b"Stichting De Br\xfcg"))
    code, out, err = run("import", folder)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == "Import afgebroken, er is niets opgeslagen. 2 problemen:"
    assert lines[1].startswith("  organizations.csv, regel ") and "geen geldige UTF-8 (byte 0xfc)" in lines[1]
    assert lines[2].startswith("  services.csv, regel 2, veld status: onbekende waarde 'open'")
    assert "Traceback" not in err
    assert row_counts() == dict.fromkeys(row_counts(), 0)


def test_it_names_a_missing_column_and_a_missing_folder(only_org, tmp_path):
    folder = copy_demo(tmp_path)
    header = (folder / "services.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    edit_csv(folder / "services.csv", header=[c for c in header if c != "status"])
    code, _out, err = run("import", folder)
    assert code == 2 and "services.csv, regel 1: verplichte kolom ontbreekt: status" in err
    code, _out, err = run("import", tmp_path / "weg")
    assert code == 2 and f"{tmp_path / 'weg'}: deze map bestaat niet (of is geen map)" in err


def test_it_shows_warnings_and_ignored_files_after_a_good_import(only_org, tmp_path):
    folder = copy_demo(tmp_path)
    (folder / "phones.csv").write_text("id,number\r\n", encoding="utf-8")
    code, out, _err = run("import", folder)
    assert code == 0
    assert "Genegeerd (niet ingelezen): phones.csv" in out


def test_it_exports(only_org, tmp_path):
    run("import", DEMO_FOLDER)
    code, out, err = run("export", tmp_path / "uit")
    assert (code, err) == (0, "")
    assert f"Sociale kaart van Welzijn Eemland geschreven naar {tmp_path / 'uit'}:" in out
    assert "  services.csv: 12 rijen" in out
    assert (tmp_path / "uit" / "services.csv").read_bytes() == (DEMO_FOLDER / "services.csv").read_bytes()


def test_it_says_so_when_it_cannot_write(only_org, tmp_path):
    (tmp_path / "bestand").write_text("")
    code, _out, err = run("export", tmp_path / "bestand")
    assert code == 2 and err.startswith(f"Export mislukt: kan niet schrijven in {tmp_path / 'bestand'}")


def search(*args):
    code, out, err = run("search", *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_it_searches_in_dutch_and_prints_json(only_org):
    run("import", DEMO_FOLDER)
    results = search("volleyballen")
    assert results == [
        {
            "id": "b71a6e9c-cbf4-5e99-a0d8-181a13b50f39",
            "name": "Recreatief volleybal",
            "organization": "Volleybalvereniging Schothorst",
            "status": "active",
            "wijk": "Schothorst",
            "wijken": ["Schothorst"],
            "url": "https://vvschothorst.example/recreatief",
            "domains": ["sociaal_netwerk", "gezondheid", "vrije_tijd"],
            "target_groups": ["lichamelijk", "algemeen"],
            "assured_date": "2026-09-14",
            "owner": "Welzijn Eemland",
        }
    ]
    assert search("vrijwilligers")[0]["name"] == "Vrijwilligerswerk zoeken"


def test_it_lists_only_active_services_unless_asked_for_all(only_org):
    run("import", DEMO_FOLDER)
    assert {r["status"] for r in search()} == {"active"}
    assert len(search()) == 10
    everything = search("--all")
    assert len(everything) == 12
    assert {(r["name"], r["status"]) for r in everything if r["status"] != "active"} == {
        ("Taalcafé De Brug", "defunct"),
        ("Jongerenhonk Liendert", "inactive"),
    }
    assert [r["name"] for r in search("taalcafe", "--all")] == ["Taalcafé De Brug"]
    assert search("taalcafe") == []


def test_it_filters_on_the_wijk_without_regard_to_case(only_org):
    run("import", DEMO_FOLDER)
    assert [r["name"] for r in search("--wijk", "liendert")] == ["Humanitas Thuisadministratie"]
    assert {r["name"] for r in search("--wijk", "LIENDERT", "--all")} == {
        "Humanitas Thuisadministratie",
        "Jongerenhonk Liendert",
        "Taalcafé De Brug",
    }
    assert [r["name"] for r in search("eten", "--wijk", "Kruiskamp")] == ["Samen eten in De Kei"]


def test_it_filters_on_domain_and_target_group(only_org):
    run("import", DEMO_FOLDER)
    assert [r["name"] for r in search("--domain", "financien")] == ["Humanitas Thuisadministratie"]
    assert [r["name"] for r in search("--target-group", "psychisch")] == [
        "Inloop Het Klokhuis",
        "Vrijwilligerswerk zoeken",
    ]


def test_it_refuses_an_unknown_wijk(only_org):
    run("import", DEMO_FOLDER)
    code, out, err = run("search", "--wijk", "Atlantis", "--json")
    assert code == 2 and out == ""
    assert err.strip() == (
        "Onbekende wijk: Atlantis. Bekende wijken: Binnenstad, Kruiskamp, Liendert, Schothorst, "
        "Soesterkwartier, Vathorst."
    )


def test_it_searches_one_organisations_kaart_or_all(world):
    run("import", DEMO_FOLDER, "--organisation", "Wijkteam Oost")
    run("import", DEMO_FOLDER, "--organisation", "MEE West")
    assert {r["owner"] for r in search("volleybal")} == {"Wijkteam Oost", "MEE West"}
    assert [r["owner"] for r in search("volleybal", "--organisation", "MEE West")] == ["MEE West"]


def test_it_prints_plain_lines_without_json(only_org):
    run("import", DEMO_FOLDER)
    code, out, _err = run("search", "taalcafe", "--all")
    assert code == 0
    assert out.strip() == "Taalcafé De Brug — Stichting De Brug (Liendert) [Opgeheven]"
    code, out, _err = run("search", "ruimtevaart")
    assert out.strip() == "Niets gevonden."


def test_it_reports_a_refusal_of_the_database_without_a_traceback(only_org, monkeypatch):
    from django.db import IntegrityError

    from steunwerk.resources import importer

    def refuse(*args):
        raise IntegrityError("UNIQUE constraint failed")

    monkeypatch.setattr(importer, "_upsert", refuse)
    code, _out, err = run("import", DEMO_FOLDER)
    assert code == 2
    assert err.startswith("Import afgebroken, er is niets opgeslagen: de database weigerde de wijziging")
    assert "Traceback" not in err and row_counts()["Provider"] == 0
