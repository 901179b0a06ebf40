"""Which organisations receive consents is remembered for a few seconds per process (access.scope); whatever that
memory says, nobody sees more than the active consents allow."""
from datetime import date

from django.utils import timezone

from steunwerk.access import scope
from steunwerk.access.models import Consent
from steunwerk.access.scope import Actor, visible
from steunwerk.clients.models import Client


def give_consent(world):
    return Consent.objects.create(client=world.own_client, organisation=world.org, receiving_organisation=world.municipality,
                                  purpose="Wmo-aanvraag", given_on=date(2026, 1, 1), recorded_by=world.professional)


def seen_by_consultant(world):
    return list(visible(Client, Actor.for_user(world.wmo_consultant)))


def test_a_consent_counts_at_once_in_the_process_that_recorded_it(world):
    assert seen_by_consultant(world) == []  # remembered: the municipality receives no consents
    give_consent(world)
    assert seen_by_consultant(world) == [world.own_client]


def test_an_outdated_no_hides_rather_than_shows(world):
    give_consent(world)
    scope._receivers[frozenset({world.municipality.pk})] = (False, float("inf"))  # as another process may remember
    assert seen_by_consultant(world) == []
    scope._receivers[frozenset({world.municipality.pk})] = (False, 0.0)  # its few seconds are over
    assert seen_by_consultant(world) == [world.own_client]


def test_an_outdated_yes_still_admits_only_active_consents(world):
    give_consent(world)
    assert seen_by_consultant(world) == [world.own_client]  # remembered: yes
    Consent.objects.filter(client=world.own_client).update(withdrawn_at=timezone.now())  # not through save()
    assert scope._receivers[frozenset({world.municipality.pk})][0] is True
    assert seen_by_consultant(world) == []


def test_withdrawing_through_the_model_forgets_the_answer(world):
    consent = give_consent(world)
    seen_by_consultant(world)
    consent.withdrawn_at = timezone.now()
    consent.save()
    assert scope._receivers == {}
    assert seen_by_consultant(world) == []
