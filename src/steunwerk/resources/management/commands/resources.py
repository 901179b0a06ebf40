import json
import sys

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from steunwerk.accounts.models import Organisation
from steunwerk.resources.exporter import export_folder
from steunwerk.resources.importer import ImportFailed, import_folder
from steunwerk.resources.models import Service
from steunwerk.resources.search import search, wijken, with_details
from steunwerk.vocab import MethodDomain, TargetGroup


def service_dict(service):
    return {
        "id": service.hsds_id,
        "name": service.name,
        "organization": service.provider.name,
        "status": service.status,
        "wijk": ", ".join(service.wijken),
        "wijken": service.wijken,
        "url": service.url,
        "domains": service.domains,
        "target_groups": service.target_groups,
        "assured_date": service.assured_date.isoformat() if service.assured_date else None,
        "owner": service.owner.name,
    }


class Command(BaseCommand):
    help = "De sociale kaart: import and export in the Open Referral HSDS 3.0 tabular format (CSV), and search."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="read an HSDS 3.0 folder (organizations.csv, services.csv, ...)")
        imp.add_argument("folder")
        imp.add_argument(
            "--organisation",
            help="the organisation whose sociale kaart this is (may be left out when there is only one)",
        )
        exp = sub.add_parser("export", help="write the sociale kaart as an HSDS 3.0 folder")
        exp.add_argument("folder")
        exp.add_argument("--organisation", help="whose sociale kaart (may be left out when there is only one)")
        find = sub.add_parser("search", help="search in Dutch; lists active services unless --all")
        find.add_argument("query", nargs="?", default="")
        find.add_argument("--wijk", default="", help="only services with an address in this neighbourhood")
        find.add_argument("--domain", default="", choices=["", *MethodDomain.values], metavar="DOMAIN")
        find.add_argument("--target-group", default="", choices=["", *TargetGroup.values], metavar="TARGET_GROUP")
        find.add_argument("--organisation", help="only this organisation's sociale kaart (default: all)")
        find.add_argument(
            "--all",
            action="store_true",
            dest="include_all",
            help="also inactive, defunct and temporarily closed services",
        )
        find.add_argument("--json", action="store_true", dest="as_json")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _fail(self, *lines):
        for line in lines:
            self.stderr.write(str(line))
        sys.exit(2)

    def _owner(self, name, required=True):
        if name:
            owner = Organisation.objects.filter(name__iexact=name).first()
            if owner is None:
                known = ", ".join(Organisation.objects.values_list("name", flat=True)) or "(geen)"
                self._fail(f"Onbekende organisatie: {name}. Bekend: {known}.")
            return owner
        if not required:
            return None
        organisations = list(Organisation.objects.all()[:50])
        if len(organisations) == 1:
            return organisations[0]
        if not organisations:
            self._fail("Er is nog geen organisatie. Maak er eerst een aan (bijvoorbeeld met 'steunwerk demo').")
        self._fail(
            "Er zijn meerdere organisaties; kies met --organisation wiens sociale kaart dit is: "
            + ", ".join(o.name for o in organisations)
            + "."
        )

    def _import(self, folder, organisation=None, **_):
        owner = self._owner(organisation)
        try:
            report = import_folder(folder, owner)
        except ImportFailed as failed:
            count = len(failed.problems)
            self._fail(
                f"Import afgebroken, er is niets opgeslagen. {count} {'probleem' if count == 1 else 'problemen'}:",
                *(f"  {p}" for p in failed.problems),
                *(f"Let op: {w}" for w in failed.warnings),
            )
        except OSError as exc:
            self._fail(f"Import afgebroken, er is niets opgeslagen: {folder} is niet te lezen ({exc.strerror}).")
        except DatabaseError as exc:  # e.g. two imports of the same ids at the same moment
            self._fail(
                f"Import afgebroken, er is niets opgeslagen: de database weigerde de wijziging ({exc}). "
                "Probeer het opnieuw."
            )
        self.stdout.write("\n".join(report.lines()))

    def _export(self, folder, organisation=None, **_):
        owner = self._owner(organisation)
        try:
            counts = export_folder(folder, owner)
        except OSError as exc:
            self._fail(f"Export mislukt: kan niet schrijven in {folder} ({exc.strerror}).")
        self.stdout.write(f"Sociale kaart van {owner.name} geschreven naar {folder}:")
        for file, count in counts.items():
            self.stdout.write(f"  {file}: {count} rijen")

    def _search(
        self, query="", wijk="", domain="", target_group="", organisation=None, include_all=False, as_json=False, **_
    ):
        owner = self._owner(organisation, required=False)
        services = Service.objects.all()
        if owner is not None:
            services = services.filter(owner=owner)
        services = list(with_details(services.order_by("name", "id")))
        if wijk and wijk.casefold() not in {w.casefold() for w in wijken(services)}:
            self._fail(f"Onbekende wijk: {wijk}. Bekende wijken: {', '.join(wijken(services)) or '(geen)'}.")
        if not include_all:
            services = [s for s in services if s.is_offered]
        found = search(services, q=query, wijk=wijk, domain=domain, target_group=target_group)
        if as_json:
            self.stdout.write(json.dumps([service_dict(s) for s in found], ensure_ascii=False, indent=2))
            return
        for service in found:
            where = f" ({', '.join(service.wijken)})" if service.wijken else ""
            status = "" if service.is_offered else f" [{service.get_status_display()}]"
            self.stdout.write(f"{service.name} — {service.provider.name}{where}{status}")
        if not found:
            self.stdout.write("Niets gevonden.")
