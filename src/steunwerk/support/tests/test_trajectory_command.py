import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from steunwerk.support.tests.helpers import log_rows


def run(*args):
    out = StringIO()
    call_command("trajectory", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def test_it_lists_every_trajectory_as_json_for_the_operator(world):
    items = json.loads(run("list", "--json"))
    rows = {(i["id"], i["client"], i["phase"]) for i in items}
    assert rows == {
        (world.own_trajectory.pk, "Bram de Wit", "meeting"),
        (world.other_team_trajectory.pk, "Kees van Dam", "meeting"),
        (world.other_org_trajectory.pk, "Lotte Bakker", "meeting"),
    }


def test_it_lists_as_text(world):
    output = run("list")
    assert "Bram de Wit" in output and "1. Ontmoeting en kennismaking" in output


def test_it_logs_every_client_listed(world):
    run("list", "--json")
    rows = log_rows(action="read")
    assert set(rows.values_list("client_id", flat=True)) == {
        world.own_client.pk,
        world.other_team_client.pk,
        world.other_org_client.pk,
    }
    assert set(rows.values_list("actor_name", "role")) == {("opdrachtregel", "system")}


def test_it_exports_a_trajectory_and_logs_it(world):
    body = json.loads(run("export", world.own_trajectory.pk))
    assert body["id"] == world.own_trajectory.pk
    assert body["client"]["name"] == "Bram de Wit"
    assert body["goals"][0]["steps"][0]["by"] == "self"
    row = log_rows(action="export").get()
    assert (row.client_id, row.actor_name, row.role) == (world.own_client.pk, "opdrachtregel", "system")


def test_it_refuses_to_export_an_unknown_trajectory(world):
    with pytest.raises(CommandError, match="Traject 999999 bestaat niet"):
        run("export", 999999)
    assert not log_rows(action="export").exists()


def test_it_limits_the_list_to_the_scope_of_the_user_given_with_as(world):
    items = json.loads(run("--as", "professional", "list", "--json"))
    assert [(i["id"], i["client"]) for i in items] == [(world.own_trajectory.pk, "Bram de Wit")]
    row = log_rows(action="read").get()
    assert (row.user, row.actor_name, row.client_id) == (world.professional, "professional", world.own_client.pk)


def test_it_refuses_to_export_outside_the_scope_of_the_user_given_with_as(world):
    for trajectory in (world.other_team_trajectory, world.other_org_trajectory):
        with pytest.raises(CommandError):
            run("--as", "professional", "export", trajectory.pk)
    assert not log_rows(action="export").exists()


def test_it_exports_within_the_scope_of_the_user_given_with_as(world):
    body = json.loads(run("--as", "team_lead", "export", world.own_trajectory.pk))
    assert body["client"]["name"] == "Bram de Wit"
    assert log_rows(action="export", user=world.team_lead).count() == 1


def test_it_gives_an_org_admin_nothing(world):
    assert json.loads(run("--as", "org_admin", "list", "--json")) == []
    with pytest.raises(CommandError):
        run("--as", "org_admin", "export", world.own_trajectory.pk)


def test_it_does_not_export_the_file_to_a_wmo_consultant_with_consent(world, give_consent):
    """Like the web export: the consultant may see identity and plan, not the profile, logbook or evaluations."""
    give_consent(world.municipality)
    assert [i["id"] for i in json.loads(run("--as", "wmo_consultant", "list", "--json"))] == [world.own_trajectory.pk]
    with pytest.raises(CommandError):
        run("--as", "wmo_consultant", "export", world.own_trajectory.pk)
    assert not log_rows(action="export").exists()


def test_it_refuses_an_unknown_or_inactive_user(world):
    with pytest.raises(CommandError, match="Onbekende gebruiker: nobody"):
        run("--as", "nobody", "list")
    world.professional.is_active = False
    world.professional.save()
    with pytest.raises(CommandError, match="Onbekende gebruiker: professional"):
        run("--as", "professional", "list")
    assert not log_rows().exists()
