"""The access-layer rule, enforced: outside the access layer nobody queries client data with Model.objects.

Creating rows (``.objects.create``) is fine, and so is a prefetch queryset (it only narrows rows whose parent
was already fetched through the access layer). ``Model.objects.visible_to(actor)`` and ``.editable_by(actor)`` are
the access layer itself. Seeding demo or synthetic data is not a query on behalf of a user.
"""

import ast
import re
from pathlib import Path

from django.apps import apps

PACKAGE = Path(__file__).resolve().parents[2]
SKIP_PARTS = {"tests", "migrations", "access"}
SKIP_FILES = {"demo.py", "conftest.py"}
ALLOWED_CALLS = {"create", "none", "bulk_create", "visible_to", "editable_by"}


def client_data_models():
    return sorted(m.__name__ for m in apps.get_models() if hasattr(m, "access_scope"))


def offending_lines():
    names = "|".join(client_data_models())
    pattern = re.compile(rf"\b({names})\.(objects|_default_manager)\.(\w+)")
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if SKIP_PARTS & set(rel.parts) or path.name in SKIP_FILES:
            continue
        text = path.read_text()
        in_prefetch = _prefetch_lines(text)
        for number, line in enumerate(text.splitlines(), start=1):
            for match in pattern.finditer(line):
                if match.group(3) in ALLOWED_CALLS or number in in_prefetch:
                    continue
                yield f"{rel}:{number}: {line.strip()}"


def _prefetch_lines(text):
    """The line numbers inside a ``Prefetch(...)`` call, which may span several lines."""
    lines = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Prefetch":
            lines.update(range(node.lineno, node.end_lineno + 1))
    return lines


def test_it_knows_the_client_data_models():
    assert {"Client", "Trajectory", "Goal", "PlanStep", "ProfileEntry", "LogbookEntry", "Consent"} <= set(
        client_data_models()
    )


def test_it_finds_no_direct_query_of_client_data():
    assert list(offending_lines()) == []


def test_the_check_itself_catches_a_direct_query(tmp_path, monkeypatch):
    bad = PACKAGE / "clients" / "_probe_direct_query.py"
    bad.write_text("from steunwerk.clients.models import Client\nrows = Client.objects.filter(name='x')\n")
    try:
        assert any("_probe_direct_query.py:2" in line for line in offending_lines())
    finally:
        bad.unlink()


def test_a_prefetch_over_several_lines_is_allowed_but_not_what_follows_it():
    bad = PACKAGE / "clients" / "_probe_prefetch.py"
    bad.write_text(
        "from django.db.models import Prefetch\n"
        "from steunwerk.clients.models import Client, NetworkMember\n"
        "rows = Client.objects.visible_to(None).prefetch_related(\n"
        "    Prefetch(\n"
        "        'network', queryset=NetworkMember.objects.order_by('name')\n"
        "    )\n"
        ")\n"
        "leak = NetworkMember.objects.filter(name='x')\n"
    )
    try:
        found = [line for line in offending_lines() if "_probe_prefetch.py" in line]
        assert found == ["clients/_probe_prefetch.py:8: leak = NetworkMember.objects.filter(name='x')"]
    finally:
        bad.unlink()
