"""Helpers for the sociale kaart tests: copies of the demo folder to spoil, reading pages, running the command."""

import csv
import io
import re
import shutil
from html import unescape

from django.core.management import call_command

from steunwerk.resources import models
from steunwerk.resources.demo import DEMO_FOLDER

MODELS = (
    models.Provider,
    models.Service,
    models.Location,
    models.ServiceAtLocation,
    models.Address,
    models.Schedule,
    models.Accessibility,
)


def copy_demo(tmp_path, name="kaart"):
    folder = tmp_path / name
    shutil.copytree(DEMO_FOLDER, folder)
    return folder


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(c, "") for c in header] if isinstance(row, dict) else row)


def edit_csv(path, change=None, header=None):
    """Rewrite a CSV file: change(rows) may edit the list of row dicts in place; header replaces the columns."""
    old_header, rows = read_csv(path)
    if change:
        change(rows)
    write_csv(path, header or old_header, rows)


def row_counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def service_named(name, owner=None):
    services = models.Service.objects.filter(name=name)
    return services.get(owner=owner) if owner else services.get()


def run(*args):
    """Run `steunwerk resources ...`; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("resources", *[str(a) for a in args], stdout=out, stderr=err)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def text_of(response):
    """The page as a user reads it: tags stripped, entities decoded, whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def listed_names(response):
    """Names of the services linked from the result list, in page order."""
    html = response.content.decode()
    block = re.search(r'<ul class="resource-list">(.*?)</ul>', html, flags=re.S).group(1)
    return [unescape(n) for n in re.findall(r'<h2><a href="/sociale-kaart/\d+/">(.*?)</a></h2>', block)]


def list_items(response):
    """{service name: text of its list item}."""
    html = response.content.decode()
    block = re.search(r'<ul class="resource-list">(.*?)</ul>\s*{?', html, flags=re.S).group(1)
    items = {}
    for item in re.split(r"<li>", block)[1:]:
        name = re.search(r'<h2><a href="/sociale-kaart/\d+/">(.*?)</a></h2>', item)
        if name:
            items[unescape(name.group(1))] = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", item))).strip()
    return items


def make_service(owner, name="Buurtmoestuin", wijk="Kruiskamp", status="active", **fields):
    """A service with a provider, one location and an address in `wijk`."""
    provider = models.Provider.objects.create(owner=owner, name=f"Stichting {name}", description="Een stichting.")
    service = models.Service.objects.create(owner=owner, provider=provider, name=name, status=status, **fields)
    location = models.Location.objects.create(owner=owner, provider=provider, name=f"Locatie {name}")
    models.ServiceAtLocation.objects.create(owner=owner, service=service, location=location)
    models.Address.objects.create(
        owner=owner,
        location=location,
        address_1="Dorpsstraat 1",
        city="Amersfoort",
        region=wijk,
        state_province="Utrecht",
        postal_code="3811 AA",
    )
    return service
