"""Helpers for the methodewijzer tests: the catalogue file as the oracle, reading pages, making methods."""

import io
import json
import re
from html import unescape

from django.core.management import call_command

from steunwerk.access.models import AccessLogEntry
from steunwerk.methods.catalogue import read_catalogue
from steunwerk.methods.models import Method
from steunwerk.vocab import MethodKind

CATALOGUE = read_catalogue()
BY_SLUG = {entry["slug"]: entry for entry in CATALOGUE}
ORGANISATION_APPROACHES = {"signaleringsnetwerken", "maatschappelijke-steunsystemen", "kwartiermaken"}
METHOD_SLUGS = {e["slug"] for e in CATALOGUE if e["kind"] == MethodKind.METHOD}
COMPLEX_PSYCHIATRIC_TOP3 = {
    "fact",
    "critical-time-intervention",
    "interpersoonlijke-sociaal-psychiatrische-begeleiding",
}


def slugs_where(predicate):
    """Slugs of the catalogue file's entries for which predicate(entry) holds."""
    return {e["slug"] for e in CATALOGUE if predicate(e)}


def text_of(response):
    """The page as a user reads it: tags stripped, entities decoded, whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def strip(html):
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def listed_slugs(response):
    """Slugs of the methods linked from the result list of the method list page, in page order."""
    html = response.content.decode()
    block = re.search(r'<ul class="method-list">(.*?)</ul>', html, flags=re.S).group(1)
    return re.findall(r'<a href="/methodewijzer/([^/"]+)/">', block)


def list_items(response):
    """{slug: text of its list item} on the method list page."""
    html = response.content.decode()
    block = re.search(r'<ul class="method-list">(.*?)</ul>\s*\{?', html, flags=re.S).group(1)
    items = {}
    for item in re.findall(r"<li>(.*?)</li>", block, flags=re.S):
        slug = re.search(r'href="/methodewijzer/([^/"]+)/"', item)
        if slug:
            items[slug.group(1)] = strip(item)
    return items


def table_cells(response):
    """{(row label, column label): [(slug, marked uncertain)]} of the core table."""
    html = response.content.decode()
    table = re.search(r'<table class="core-table">(.*?)</table>', html, flags=re.S).group(1)
    columns = [strip(h) for h in re.findall(r'<th scope="col">(.*?)</th>', table, flags=re.S)][1:]
    result = {}
    for row_label, row in re.findall(r'<tr>\s*<th scope="row">(.*?)</th>(.*?)</tr>', table, flags=re.S):
        for column, cell in zip(columns, re.findall(r"<td>(.*?)</td>", row, flags=re.S), strict=True):
            result[(strip(row_label), column)] = [
                (slug, "?" in strip(rest))
                for slug, rest in re.findall(
                    r'<li><a href="/methodewijzer/([^/"]+)/">.*?</a>(.*?)</li>', cell, flags=re.S
                )
            ]
    return result


def recommended_slugs(response):
    """Slugs of the recommendations on the trajectory methods page, best first."""
    html = response.content.decode()
    block = re.search(r'<ol class="recommendations">(.*?)</ol>', html, flags=re.S).group(1)
    return re.findall(r'<h2><a href="/methodewijzer/([^/"]+)/">', block)


def log_rows(**filters):
    return AccessLogEntry.objects.filter(**filters)


def local_method(organisation, name="Buurtmaatjes Oost", **fields):
    values = {
        "slug": re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"),
        "name": name,
        "kind": MethodKind.LOCAL,
        "organisation": organisation,
        "target_groups": ["psychisch"],
        "problem_level": "licht",
        "aim": "participatie",
        "goal": "Buurtbewoners koppelen aan een maatje uit de wijk.",
    }
    values.update(fields)
    return Method.objects.create(**values)


def run_command(monkeypatch, *args, stdin=""):
    """Run `steunwerk methods ...`; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("methods", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def recommend_cli(monkeypatch, profile, *args):
    code, out, err = run_command(monkeypatch, "recommend", *args, stdin=json.dumps(profile))
    assert code == 0, err
    return json.loads(out)


def form_data(method, **changes):
    """What the browser posts for the method edit form, from the method's current values."""
    data = {
        "name": method.name,
        "target_groups": list(method.target_groups),
        "problem_level": method.problem_level,
        "problem_level_note": method.problem_level_note,
        "aim": method.aim,
        "aim_note": method.aim_note,
        "domains": list(method.domains),
        "goal": method.goal,
        "target_group_text": method.target_group_text,
        "approach": method.approach,
        "steps": "\n".join(method.steps),
        "wns_bakens": list(method.wns_bakens),
        "working_elements": list(method.working_elements),
        "evidence_level": method.evidence_level,
        "evidence": method.evidence,
        "in_esi_databank": {None: "unknown", True: "true", False: "false"}[method.in_esi_databank],
        "aliases": "\n".join(method.aliases),
        "developer": "\n".join(method.developer),
    }
    for flag in ("target_groups_certain", "problem_level_certain", "aim_certain"):
        if getattr(method, flag):
            data[flag] = "on"
    data.update(changes)
    return data


def new_method_data(**changes):
    data = {
        "name": "Buurtmaatjes Oost",
        "target_groups": ["psychisch"],
        "problem_level": "licht",
        "aim": "participatie",
        "domains": ["sociaal_netwerk"],
        "goal": "Buurtbewoners koppelen aan een maatje uit de wijk.",
        "target_group_text": "",
        "approach": "Een vrijwilliger en een bewoner spreken elke week af.",
        "steps": "kennismaken\n\nkoppelen\n",
        "working_elements": ["netwerk_betrekken"],
        "evidence_level": "onbekend",
        "evidence": "",
        "in_esi_databank": "unknown",
        "aliases": "",
        "developer": "Wijkteam Oost",
        "problem_level_note": "",
        "aim_note": "",
    }
    data.update(changes)
    return data


def rank(profile, methods=None, limit=None):
    """recommend() over the visible catalogue for a profile given as a dict, as the views call it."""
    from steunwerk.methods.catalogue import Index
    from steunwerk.methods.recommend import Profile, recommend

    methods = [m for m in Index.methods() if m.organisation_id is None] if methods is None else methods
    return recommend(Profile.from_dict(profile), methods, Index.corpus(), limit=limit)
