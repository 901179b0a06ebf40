"""The case list (signals/case_views.case_list): ID codes only, for the meldpunt and the core partners."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from steunwerk.access.models import AccessLogEntry
from steunwerk.signals.models import CaseAction
from steunwerk.signals.tests.network_fixtures import make_case, net  # noqa: F401
from steunwerk.support.tests.helpers import text_of

URL = reverse("cases")


def test_it_lists_cases_by_id_code_for_the_coordinator(net, login):
    net.signal.subject_name, net.signal.subject_address = "Mevrouw Jansen", "Dorpsstraat 12"
    net.signal.save()
    page = text_of(login(net.coordinator).get(URL))
    assert net.case.code in page and net.case.code.startswith(f"SN-{timezone.localdate().year}-")
    assert "Jansen" not in page and "Dorpsstraat" not in page


def test_it_shows_a_core_partner_the_same_codes(net, login):
    response = login(net.core_professional).get(URL)
    assert response.status_code == 200
    assert net.case.code in text_of(response)


def test_it_does_not_show_another_networks_case(net, login):
    # Codes are numbered per meldpunt, so another network's case may share a code: check the link instead.
    page = login(net.coordinator).get(URL).content.decode()
    assert reverse("case", args=[net.other_case.pk]) not in page
    assert reverse("case", args=[net.case.pk]) in page


def test_it_refuses_a_shell_partner_and_an_unrelated_professional(net, login, client):
    for user in (net.shell_professional, net.unrelated_professional, net.org_admin, net.colleague):
        client.force_login(user)
        assert client.get(URL).status_code == 403


def test_it_hides_cases_with_an_outcome_unless_asked(net, login):
    closed = make_case(net.org, outcome="helped")
    client = login(net.coordinator)
    assert closed.code not in text_of(client.get(URL))
    assert closed.code in text_of(client.get(URL + "?alle=1"))


def test_it_counts_overdue_agreements_in_words(net, login):
    today = timezone.localdate()
    CaseAction.objects.create(
        case=net.case, description="Huisbezoek", responsible=net.core_org, due_on=today - timedelta(days=1)
    )
    CaseAction.objects.create(
        case=net.case, description="Bellen", responsible=net.core_org, due_on=today + timedelta(days=3)
    )
    page = text_of(login(net.coordinator).get(URL))
    assert "1 over tijd" in page


def test_it_writes_the_access_log(net, login):
    login(net.core_professional).get(URL)
    row = AccessLogEntry.objects.filter(detail__startswith="casuslijst").get()
    assert (row.user, row.client_id, row.action) == (net.core_professional, None, "read")


def test_it_sends_anonymous_users_to_the_login_page(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and "/inloggen/" in response["Location"]
