"""A small fictional sociale kaart for Amersfoort, shipped as HSDS 3.0 CSV files (demo_kaart/)."""

from pathlib import Path

from steunwerk.resources.importer import import_folder

DEMO_FOLDER = Path(__file__).resolve().parent / "demo_kaart"


def load(owner):
    """Import the demo sociale kaart into `owner`'s kaart. Safe to run again: the same ids are updated."""
    return import_folder(DEMO_FOLDER, owner)
