"""Fixtures of the sociale kaart tests (the `world` and `login` fixtures live in steunwerk/conftest.py)."""

import pytest

from steunwerk.resources import demo


@pytest.fixture
def kaart(world):
    """The demo sociale kaart of Amersfoort, kept by the world's own organisation."""
    return demo.load(world.org)
