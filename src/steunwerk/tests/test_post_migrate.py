"""Schema objects live in migrations: no code of ours hangs work on ``migrate`` (a post_migrate handler), so what the
database holds is what the migrations say, and ``migrate`` does nothing but migrate."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def test_no_post_migrate_handler_of_ours():
    users = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.relative_to(PACKAGE).parts and "post_migrate" in path.read_text()
    ]
    assert users == []
