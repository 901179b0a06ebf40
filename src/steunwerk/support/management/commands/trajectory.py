import json

from django.core.management.base import BaseCommand, CommandError

from steunwerk.access import log
from steunwerk.access.actor import Actor
from steunwerk.access.scope import Section
from steunwerk.accounts.models import User
from steunwerk.support.export import export_queryset, export_trajectory
from steunwerk.support.models import Trajectory
from steunwerk.vocab import LogAction, Phase


class Command(BaseCommand):
    help = "List or export trajectories (data portability). Every read is written to the access log."

    def add_arguments(self, parser):
        parser.add_argument(
            "--as",
            dest="as_user",
            metavar="USERNAME",
            help="Act as this user (their access rights). Default: the operator, logged as such.",
        )
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="id, client name and phase of each trajectory")
        listing.add_argument("--json", action="store_true", help="print JSON")
        export = sub.add_parser("export", help="the whole trajectory as JSON")
        export.add_argument("id", type=int)

    def handle(self, *args, action, as_user=None, **options):
        actor = self._actor(as_user)
        if action == "list":
            self._list(actor, options["json"])
        else:
            self._export(actor, options["id"])

    def _actor(self, username):
        if not username:
            return Actor.system("opdrachtregel")
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"Onbekende gebruiker: {username}")
        return Actor.for_user(user)

    def _list(self, actor, as_json):
        rows = list(Trajectory.objects.visible_to(actor).select_related("client").order_by("id"))
        log.record_many(
            actor,
            LogAction.READ,
            [t.client_id for t in rows],
            detail="trajectlijst (opdrachtregel)",
            organisations={t.client_id: t.organisation_id for t in rows},
        )
        items = [
            {
                "id": t.pk,
                "client": t.client.name,
                "client_name": t.client.name,
                "phase": t.phase,
                "phase_number": Phase.number(t.phase),
                "status": t.status,
            }
            for t in rows
        ]
        if as_json:
            self.stdout.write(json.dumps(items, ensure_ascii=False, indent=2))
        else:
            for item in items:
                self.stdout.write(
                    f"{item['id']:>6}  {item['client']:<40} {item['phase_number']}. {Phase(item['phase']).label}"
                )

    def _export(self, actor, pk):
        # The export holds the whole file (profile, logbook, evaluations), so it needs the file section, as on
        # the web: a Wmo consultant reading identity and plan through a consent gets no export.
        trajectory = export_queryset(Trajectory.objects.visible_to(actor, Section.FILE).filter(pk=pk)).first()
        if trajectory is None:
            raise CommandError(f"Traject {pk} bestaat niet of u heeft er geen toegang toe.")
        log.record(actor, LogAction.EXPORT, trajectory.client_id, trajectory, "export JSON (opdrachtregel)")
        self.stdout.write(json.dumps(export_trajectory(trajectory), ensure_ascii=False, indent=2))
