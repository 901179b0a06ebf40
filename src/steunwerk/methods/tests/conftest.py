"""Fixtures of the methodewijzer tests (the `world` and `login` fixtures live in steunwerk/conftest.py)."""

import pytest

from steunwerk.conftest import make_user
from steunwerk.vocab import Role


@pytest.fixture
def other_org_admin(world):
    """A catalogue admin of the other organisation."""
    return make_user("other_catalogue_admin", world.other_org, None, Role.CATALOGUE_ADMIN)
