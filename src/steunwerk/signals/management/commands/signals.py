import json
import sys

from django.core.management.base import BaseCommand

from steunwerk.signals.urgency import Urgency, UrgencyError


class Command(BaseCommand):
    help = "Signalering on the command line: score a signal with the urgency instrument."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("score", help='read {"safety","health","wellbeing","extent","duration"} as JSON on stdin')

    def handle(self, *args, action, **options):
        if action == "score":
            self._score()

    def _fail(self, message):
        self.stderr.write(message)
        sys.exit(2)

    def _score(self):
        try:
            data = json.loads(sys.stdin.read())
        except json.JSONDecodeError as exc:
            self._fail(
                f"Geen geldige JSON op standaardinvoer ({exc.msg}). Verwacht: "
                '{"safety": 0-2, "health": 0-2, "wellbeing": 0-2, '
                '"extent": "individual"|"several"|"minor"|"over_75", '
                '"duration": "incidental"|"structural_short"|"structural_long"}'
            )
        try:
            urgency = Urgency.from_dict(data)
        except UrgencyError as exc:
            self._fail(str(exc))
        self.stdout.write(json.dumps(urgency.as_dict(), ensure_ascii=False))
