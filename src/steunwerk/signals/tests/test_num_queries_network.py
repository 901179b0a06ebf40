"""The network pages cost the same number of queries however many cases, agreements and meetings there are."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from steunwerk.signals.models import CaseAction, IntakeForm
from steunwerk.signals.tests.network_fixtures import make_case, make_meeting, net  # noqa: F401


def queries(client, url):
    client.get(url)  # warm up
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def add(net, n):
    for _ in range(n):
        case = make_case(net.org, typology="hoopvollen")
        net.meeting.cases.add(case)
        CaseAction.objects.create(
            case=case,
            meeting=net.meeting,
            description="Bellen",
            responsible=net.core_org,
            due_on=timezone.localdate() - timedelta(days=1),
        )
        IntakeForm.objects.create(case=case, meeting=net.meeting, signals_named="signaal")
        make_meeting(net.org, days=-5)


def test_it_keeps_the_queries_flat(net, login):
    client = login(net.coordinator)
    urls = [
        reverse("cases"),
        reverse("meetings"),
        reverse("meeting", args=[net.meeting.pk]),
        reverse("case", args=[net.case.pk]),
    ]
    add(net, 1)
    before = [queries(client, url) for url in urls]
    add(net, 6)
    assert [queries(client, url) for url in urls] == before


def test_it_keeps_the_report_queries_flat(net, login):
    client = login(net.coordinator)
    url = reverse("signals_report")
    add(net, 1)
    before = queries(client, url)
    add(net, 6)
    assert queries(client, url) == before
