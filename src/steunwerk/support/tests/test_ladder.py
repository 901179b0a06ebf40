"""De ladder van hulpbronnen (support.ladder, support/_plan.html, StepForm): own strength → network → general
provision → customised support. A guide for the conversation that records why a rung was skipped; it never
forbids a step. Plan steps can name the network member, provision or law they rest on."""

import re
from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from steunwerk.clients.models import NetworkMember
from steunwerk.support.ladder import ladder_for
from steunwerk.support.models import ActionPlan, Goal, PlanStep, PlanVersion
from steunwerk.support.tests.helpers import plan_data, step, text_of
from steunwerk.vocab import Relation, StepActor

KEYS = ["own_strength", "network", "general_provision", "customised"]
LABELS = ["Eigen kracht", "Sociaal netwerk", "Algemene voorziening", "Maatwerk, professionele hulp of andere wet"]
NO_REASON = "overgeslagen, reden nog niet vastgelegd"


def plan_url(goal):
    return reverse("plan_edit", args=[goal.pk])


def ladders_of(response):
    """Each rendered ladder as the text of its rungs, in order."""
    html = response.content.decode()
    return [
        [
            re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", li))).strip()
            for li in re.findall(r"<li>(.*?)</li>", section, flags=re.S)
        ]
        for section in re.findall(r'<section class="ladder-view".*?</section>', html, flags=re.S)
    ]


def make_plan(trajectory, user, *actors, priority=2, **skipped):
    goal = Goal.objects.create(trajectory=trajectory, intended_result="Vrijwilligerswerk doen", priority=priority)
    plan = ActionPlan.objects.create(
        goal=goal, drawn_up_on=date(2026, 6, 1), evaluation_on=date(2026, 9, 1), updated_by=user, **skipped
    )
    for order, actor in enumerate(actors, start=1):
        PlanStep.objects.create(plan=plan, order=order, actor=actor, description=f"Stap {order}")
    return plan


def flags(plan):
    return {r["key"]: r["reason_missing"] for r in ladder_for(plan)}


@pytest.fixture
def henk(world):
    return NetworkMember.objects.create(client=world.own_client, name="Buurman Henk", relation=Relation.NEIGHBOUR)


# --- ladder_for


def test_it_has_four_rungs_from_own_strength_to_customised(world):
    for plan in (None, make_plan(world.own_trajectory, world.professional)):
        rungs = ladder_for(plan)
        assert [r["key"] for r in rungs] == KEYS
        assert [str(r["label"]) for r in rungs] == LABELS
        assert all(r["steps"] == [] and r["skip_reason"] == "" and not r["reason_missing"] for r in rungs)


def test_it_puts_every_step_on_the_rung_of_its_actor(world):
    plan = make_plan(
        world.own_trajectory,
        world.professional,
        StepActor.OTHER_LAW,
        StepActor.SELF,
        StepActor.WMO,
        StepActor.NETWORK,
        StepActor.PROFESSIONAL,
        StepActor.GENERAL_PROVISION,
    )
    rungs = {r["key"]: [s.actor for s in r["steps"]] for r in ladder_for(plan)}
    assert rungs == {
        "own_strength": ["self"],
        "network": ["network"],
        "general_provision": ["general_provision"],
        "customised": ["other_law", "wmo", "professional"],
    }
    assert not any(flags(plan).values())  # nothing skipped


@pytest.mark.parametrize(
    "actors, missing",
    [
        ([StepActor.WMO], {"own_strength", "network", "general_provision"}),
        ([StepActor.OTHER_LAW], {"own_strength", "network", "general_provision"}),
        ([StepActor.PROFESSIONAL, StepActor.SELF], {"network", "general_provision"}),
        ([StepActor.GENERAL_PROVISION], {"own_strength", "network"}),
        ([StepActor.NETWORK], {"own_strength"}),
        ([StepActor.SELF], set()),
        ([StepActor.SELF, StepActor.NETWORK, StepActor.GENERAL_PROVISION, StepActor.WMO], set()),
        ([], set()),
    ],
)
def test_it_flags_a_skipped_lower_rung_only_below_the_highest_rung_in_use(world, actors, missing):
    plan = make_plan(world.own_trajectory, world.professional, *actors)
    assert {key for key, flagged in flags(plan).items() if flagged} == missing


def test_a_recorded_reason_clears_the_flag_and_is_kept_with_the_rung(world):
    plan = make_plan(
        world.own_trajectory, world.professional, StepActor.WMO, network_skipped="Familie is al zwaar belast"
    )
    rungs = {r["key"]: r for r in ladder_for(plan)}
    assert (rungs["network"]["reason_missing"], rungs["network"]["skip_reason"]) == (
        False,
        "Familie is al zwaar belast",
    )
    assert rungs["own_strength"]["reason_missing"] and rungs["general_provision"]["reason_missing"]
    plan.own_strength_skipped, plan.general_provision_skipped = "Lukt niet zelf", "Geen aanbod in de wijk"
    assert not any(flags(plan).values())


def test_the_customised_rung_never_asks_for_a_reason(world):
    plan = make_plan(world.own_trajectory, world.professional, StepActor.SELF)
    assert flags(plan)["customised"] is False


# --- the trajectory page and the print view


@pytest.fixture
def wmo_plan(world, login):
    """A plan that goes straight to the Wmo: reasons recorded for own strength and the network, not for a general
    provision."""
    goal = Goal.objects.create(trajectory=world.own_trajectory, intended_result="Schoon huis", priority=2)
    data = plan_data(
        0,
        [step(StepActor.WMO, "Huishoudelijke hulp", "Thuiszorg", "3 uur per week")],
        own_strength_skipped="Schoonmaken lukt Bram niet meer zelf",
        network_skipped="Zijn moeder is al zwaar belast",
    )
    assert login(world.professional).post(plan_url(goal), data).status_code == 302
    return goal


def test_the_plan_form_saves_the_skip_reasons(world, wmo_plan):
    plan = wmo_plan.plan
    assert (plan.own_strength_skipped, plan.network_skipped, plan.general_provision_skipped) == (
        "Schoonmaken lukt Bram niet meer zelf",
        "Zijn moeder is al zwaar belast",
        "",
    )


@pytest.mark.parametrize("view", ["trajectory", "plan_print"])
def test_the_ladder_shows_skipped_rungs_with_their_reason(world, login, wmo_plan, view):
    response = login(world.professional).get(reverse(view, args=[world.own_trajectory.pk]))
    assert response.status_code == 200
    assert "Van eigen kracht naar maatwerk" in text_of(response)
    ladders = ladders_of(response)
    assert ladders[1] == [
        "Eigen kracht: overgeslagen: Schoonmaken lukt Bram niet meer zelf",
        "Sociaal netwerk: overgeslagen: Zijn moeder is al zwaar belast",
        f"Algemene voorziening: {NO_REASON}",
        "Maatwerk, professionele hulp of andere wet: Thuiszorg",
    ]


@pytest.mark.parametrize("view", ["trajectory", "plan_print"])
def test_the_ladder_of_a_plan_within_own_strength_asks_nothing(world, login, view):
    """The fixture's goal 1 has only a step of the client himself."""
    response = login(world.professional).get(reverse(view, args=[world.own_trajectory.pk]))
    assert ladders_of(response)[0] == [
        "Eigen kracht: Zelf de was doen",
        "Sociaal netwerk: —",
        "Algemene voorziening: —",
        "Maatwerk, professionele hulp of andere wet: —",
    ]
    assert NO_REASON not in text_of(response)


def test_the_print_view_of_a_plan_without_steps_asks_no_reasons(world, login):
    make_plan(world.own_trajectory, world.professional)
    response = login(world.professional).get(reverse("plan_print", args=[world.own_trajectory.pk]))
    assert ladders_of(response)[1] == [f"{label}: —" for label in LABELS]
    assert NO_REASON not in text_of(response)


def test_recording_the_last_reason_clears_the_warning(world, login, wmo_plan):
    client = login(world.professional)
    existing = wmo_plan.plan.steps.get()
    data = plan_data(
        1,
        [step(StepActor.WMO, "Huishoudelijke hulp", "Thuiszorg", id=existing.pk)],
        own_strength_skipped="Schoonmaken lukt Bram niet meer zelf",
        network_skipped="Zijn moeder is al zwaar belast",
        general_provision_skipped="De schoonmaakdienst van het buurthuis heeft een wachtlijst",
    )
    assert client.post(plan_url(wmo_plan), data).status_code == 302
    response = client.get(reverse("trajectory", args=[world.own_trajectory.pk]))
    assert NO_REASON not in text_of(response)
    assert (
        "Algemene voorziening: overgeslagen: De schoonmaakdienst van het buurthuis heeft een wachtlijst"
        in ladders_of(response)[1]
    )


def test_the_plan_form_shows_the_ladder_of_the_saved_plan(world, login, wmo_plan):
    response = login(world.professional).get(plan_url(wmo_plan))
    assert ladders_of(response)[0][2] == f"Algemene voorziening: {NO_REASON}"


def test_the_ladder_escapes_what_was_typed(world, login):
    goal = Goal.objects.create(trajectory=world.own_trajectory, intended_result="Schoon huis", priority=2)
    login(world.professional).post(
        plan_url(goal), plan_data(0, [step(StepActor.WMO, "Hulp")], own_strength_skipped="<script>x()</script>")
    )
    html = login(world.professional).get(reverse("trajectory", args=[world.own_trajectory.pk])).content.decode()
    assert "<script>x()" not in html
    assert "overgeslagen: &lt;script&gt;x()&lt;/script&gt;" in html


@pytest.mark.parametrize("target", ["other_team", "other_org"])
def test_another_team_or_organisation_gets_404_for_the_pages_with_the_ladder(world, login, target):
    trajectory, goal = getattr(world, f"{target}_trajectory"), getattr(world, f"{target}_goal")
    client = login(world.professional)
    for address in (
        reverse("trajectory", args=[trajectory.pk]),
        reverse("plan_print", args=[trajectory.pk]),
        plan_url(goal),
    ):
        assert client.get(address).status_code == 404
    steps = list(PlanStep.objects.filter(plan__goal=goal).values_list("actor", "description"))
    data = plan_data(1, [step(StepActor.WMO, "Overgeschreven")], network_skipped="Overgeschreven")
    assert client.post(plan_url(goal), data).status_code == 404
    assert list(PlanStep.objects.filter(plan__goal=goal).values_list("actor", "description")) == steps
    assert ActionPlan.objects.get(goal=goal).network_skipped == ""


# --- StepForm rules, through the plan form


def plan_state(goal):
    plan = ActionPlan.objects.get(goal=goal)
    return plan.version, list(plan.steps.order_by("order").values_list("actor", "description", "law", "network_member"))


def post_steps(client, goal, *rows):
    existing = PlanStep.objects.get(plan__goal=goal)  # "Zelf de was doen"
    return client.post(plan_url(goal), plan_data(1, [step(StepActor.SELF, "Zelf de was doen", id=existing.pk), *rows]))


def test_an_other_law_step_needs_its_law(world, login):
    before = plan_state(world.own_goal)
    response = post_steps(
        login(world.professional), world.own_goal, step(StepActor.OTHER_LAW, "Wijkverpleging", "Thuiszorg")
    )
    assert response.status_code == 400
    page = text_of(response)
    assert "Kies de wet waaronder deze stap valt." in page
    assert "Niet opgeslagen: verbeter de gemarkeerde velden." in page
    assert plan_state(world.own_goal) == before
    assert PlanVersion.objects.count() == 0


def test_an_other_law_step_with_its_law_is_saved_and_shown_on_the_ladder(world, login):
    client = login(world.professional)
    response = post_steps(client, world.own_goal, step(StepActor.OTHER_LAW, "Wijkverpleging", "Thuiszorg", law="zvw"))
    assert response.status_code == 302
    assert plan_state(world.own_goal)[1][1] == ("other_law", "Wijkverpleging", "zvw", None)
    ladder = ladders_of(client.get(reverse("trajectory", args=[world.own_trajectory.pk])))[0]
    assert ladder[3] == "Maatwerk, professionele hulp of andere wet: Thuiszorg (Zorgverzekeringswet (Zvw))"


def test_an_unknown_law_is_refused(world, login):
    before = plan_state(world.own_goal)
    response = post_steps(
        login(world.professional),
        world.own_goal,
        step(StepActor.OTHER_LAW, "Wijkverpleging", law="wet-op-de-kansspelen"),
    )
    assert response.status_code == 400
    assert "Selecteer een geldige keuze." in text_of(response)
    assert plan_state(world.own_goal) == before


@pytest.mark.parametrize("actor", [StepActor.SELF, StepActor.GENERAL_PROVISION, StepActor.PROFESSIONAL, StepActor.WMO])
def test_a_network_member_belongs_to_a_network_step_only(world, login, henk, actor):
    before = plan_state(world.own_goal)
    response = post_steps(
        login(world.professional), world.own_goal, step(actor, "Herinneren aan de kliko", network_member=henk.pk)
    )
    assert response.status_code == 400
    assert "Een netwerklid hoort bij een stap van het netwerk." in text_of(response)
    assert plan_state(world.own_goal) == before


@pytest.mark.parametrize("target", ["other_team_client", "other_org_client"])
def test_a_network_member_of_another_client_cannot_be_chosen(world, login, target):
    stranger = NetworkMember.objects.create(
        client=getattr(world, target), name="Zus van een ander", relation=Relation.FAMILY
    )
    before = plan_state(world.own_goal)
    response = post_steps(
        login(world.professional),
        world.own_goal,
        step(StepActor.NETWORK, "Boodschappen doen", network_member=stranger.pk),
    )
    assert response.status_code == 400
    assert "Selecteer een geldige keuze." in text_of(response)
    assert plan_state(world.own_goal) == before
    assert not PlanStep.objects.filter(network_member=stranger).exists()
    assert PlanVersion.objects.count() == 0


def test_the_plan_form_offers_only_this_clients_network(world, login, henk):
    NetworkMember.objects.create(client=world.other_team_client, name="Zus van Kees", relation=Relation.FAMILY)
    html = login(world.professional).get(plan_url(world.own_goal)).content.decode()
    assert f'<option value="{henk.pk}">Buurman Henk (Buur)</option>' in html
    assert "Zus van Kees" not in html


def test_a_step_linked_to_a_network_member_shows_on_their_page_and_on_the_ladder(world, login, henk):
    client = login(world.professional)
    response = post_steps(
        client,
        world.own_goal,
        step(StepActor.NETWORK, "Herinneren aan de kliko", "Buurman Henk", network_member=henk.pk),
    )
    assert response.status_code == 302
    linked = PlanStep.objects.get(network_member=henk)
    assert (linked.actor, linked.description, linked.plan.goal) == (
        StepActor.NETWORK,
        "Herinneren aan de kliko",
        world.own_goal,
    )
    member_page = text_of(client.get(reverse("network_member", args=[world.own_client.pk, henk.pk])))
    assert "Taken in het plan Herinneren aan de kliko" in member_page
    ladder = ladders_of(client.get(reverse("trajectory", args=[world.own_trajectory.pk])))[0]
    assert ladder[1] == "Sociaal netwerk: Buurman Henk (netwerk)"


def test_a_removed_network_member_leaves_the_step_in_place(world, login, henk):
    post_steps(
        login(world.professional),
        world.own_goal,
        step(StepActor.NETWORK, "Herinneren aan de kliko", "Buurman Henk", network_member=henk.pk),
    )
    henk.delete()
    remaining = PlanStep.objects.get(description="Herinneren aan de kliko")
    assert (remaining.network_member, remaining.performer) == (None, "Buurman Henk")
