"""Small helpers shared by the support view tests (the `world` and `login` fixtures live in steunwerk/conftest.py)."""

from datetime import date

import pytest

from steunwerk.access.models import Consent


@pytest.fixture
def give_consent(world):
    """give_consent(organisation) records the own client's consent that this organisation may see the file."""

    def _give(receiving_organisation, client=None):
        client = client or world.own_client
        return Consent.objects.create(
            client=client,
            organisation=client.organisation,
            receiving_organisation=receiving_organisation,
            purpose="Wmo-aanvraag",
            given_on=date(2026, 1, 1),
            explained_to_client=True,
            recorded_by=world.professional,
        )

    return _give
