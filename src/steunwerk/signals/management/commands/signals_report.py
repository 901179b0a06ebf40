"""`steunwerk signals_report --year 2026 [--json] [--suppress] [--organisation ID]`: the yearly figures of each
signalling network (signals per urgency band and reporter type; cases per typology and outcome)."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from steunwerk.access import log
from steunwerk.access.actor import Actor
from steunwerk.accounts.models import Organisation
from steunwerk.signals.models import Signal
from steunwerk.signals.reports import yearly_report
from steunwerk.vocab import LogAction


class Command(BaseCommand):
    help = (
        "Jaarcijfers van het signaleringsnetwerk: meldingen per urgentie en melder, casussen per typering en uitkomst."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=None, help="jaar (standaard: dit jaar)")
        parser.add_argument("--json", action="store_true", dest="as_json", help="als JSON")
        parser.add_argument(
            "--suppress",
            action="store_true",
            help='kleine aantallen (1-4) afschermen als "<5", zoals partners buiten het meldpunt ze zien',
        )
        parser.add_argument("--organisation", type=int, default=None, help="alleen dit meldpunt (id)")

    def handle(self, *args, year, as_json, suppress, organisation, **options):
        year = year or timezone.localdate().year
        if not 2000 <= year <= 2100:
            raise CommandError("Kies een jaar tussen 2000 en 2100.")
        system = Actor.system()
        networks = (
            Organisation.objects.filter(
                Q(network_partners__isnull=False)
                | Q(pk__in=Signal.objects.visible_to(system).values("organisation_id"))
            )
            .distinct()
            .order_by("name")
        )
        if organisation is not None:
            networks = networks.filter(pk=organisation)
            if not networks.exists():
                raise CommandError(f"Geen meldpunt met id {organisation}.")
        reports = []
        for network in networks:
            tables = yearly_report(network.pk, year)
            log.record(
                system,
                LogAction.EXPORT,
                None,
                network,
                f"jaarcijfers signalering {year}" + (" (afgeschermd)" if suppress else ""),
            )
            reports.append((network, tables))
        if as_json:
            self._json(year, suppress, reports)
        else:
            self._text(year, suppress, reports)

    def _json(self, year, suppress, reports):
        self.stdout.write(
            json.dumps(
                {
                    "year": year,
                    "suppressed": suppress,
                    "networks": [
                        {"organisation": {"id": n.pk, "name": n.name}, "tables": [t.as_dict(suppress) for t in tables]}
                        for n, tables in reports
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )

    def _text(self, year, suppress, reports):
        if not reports:
            self.stdout.write(f"Geen meldpunten met gegevens voor {year}.")
        for network, tables in reports:
            self.stdout.write(f"== {network.name} — {year}{' (kleine aantallen afgeschermd)' if suppress else ''}")
            for table in tables:
                self.stdout.write("")
                self.stdout.write(str(table.title))
                header = [str(table.row_heading), *(str(label) for _k, label in table.columns), "Totaal"]
                lines = [header] + [
                    [("  " if row.indent else "") + str(row.label), *map(str, cells), str(total)]
                    for row, cells, total in table.display(suppress)
                ]
                widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
                for line in lines:
                    self.stdout.write(
                        "  ".join(
                            cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(line)
                        ).rstrip()
                    )
            self.stdout.write("")
