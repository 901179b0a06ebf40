"""Whether an organisation receives consents is read once per actor, that is once per request, with the memberships
(access.actor.Actor.receives_consents); whatever it answered, nobody sees more than the active consents allow."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from steunwerk.access.actor import Actor
from steunwerk.access.models import Consent
from steunwerk.clients.models import Client
from steunwerk.support.models import Goal, Trajectory


def give_consent(world):
    return Consent.objects.create(
        client=world.own_client,
        organisation=world.org,
        receiving_organisation=world.municipality,
        purpose="Wmo-aanvraag",
        given_on=date(2026, 1, 1),
        recorded_by=world.professional,
    )


def seen_by_consultant(world, consultant=None):
    return list(Client.objects.visible_to(consultant or Actor.for_user(world.wmo_consultant)))


def test_a_consent_counts_from_the_next_request(world):
    assert seen_by_consultant(world) == []  # the municipality receives no consents
    give_consent(world)
    assert seen_by_consultant(world) == [world.own_client]  # a new actor: a new request


def test_it_is_read_with_the_memberships_once_per_actor(world):
    give_consent(world)
    with CaptureQueriesContext(connection) as reading:
        consultant = Actor.for_user(world.wmo_consultant)
        seen_by_consultant(world, consultant)
        list(Trajectory.objects.visible_to(consultant))
        list(Goal.objects.visible_to(consultant))
    statements = [q["sql"] for q in reading.captured_queries]
    assert len(statements) == 4  # the memberships (with the answer), then the three lists
    assert "access_consent" in statements[0] and "accounts_membership" in statements[0]
    assert consultant.receives_consents({world.municipality.pk})
    assert not Actor.for_user(world.professional).receives_consents({world.org.pk})


def test_an_earlier_no_of_the_same_request_hides_rather_than_shows(world):
    consultant = Actor.for_user(world.wmo_consultant)
    assert seen_by_consultant(world, consultant) == []
    give_consent(world)  # during the request
    assert seen_by_consultant(world, consultant) == []  # this request keeps its answer
    assert seen_by_consultant(world) == [world.own_client]  # the next one sees it


def test_an_earlier_yes_still_admits_only_active_consents(world):
    give_consent(world)
    consultant = Actor.for_user(world.wmo_consultant)
    assert seen_by_consultant(world, consultant) == [world.own_client]  # the actor keeps: yes
    Consent.objects.filter(client=world.own_client).update(withdrawn_at=timezone.now())
    assert seen_by_consultant(world, consultant) == []
