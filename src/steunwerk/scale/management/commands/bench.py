import json

from django.core.management.base import BaseCommand, CommandError

from steunwerk.scale.bench import run


class Command(BaseCommand):
    help = "Measure named scenarios through the whole Django stack as a signed-in professional."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", dest="as_json")
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument("--http", action="store_true",
                            help="also measure the dossier page's throughput through gunicorn (2 workers) on loopback")
        parser.add_argument("--seconds", type=int, default=10, help="duration of the --http measurement")

    def handle(self, *args, as_json, runs, http, seconds, **options):
        try:
            result = run(runs=runs)
        except RuntimeError as exc:
            raise CommandError(str(exc))
        if http:
            from steunwerk.scale.bench import busiest_professional, scenarios
            from steunwerk.scale.http_bench import run_http

            user = busiest_professional()
            result["http"] = run_http(user, scenarios(user)["client_dossier"], seconds=seconds)
        if as_json:
            self.stdout.write(json.dumps(result, indent=2))
            return
        self.stdout.write(f"{result['clients']} cliënten, {result['database']}; "
                          f"vloer p50 {result['floor']['p50_ms']} ms, p95 {result['floor']['p95_ms']} ms")
        for name, s in result["scenarios"].items():
            self.stdout.write(f"{name:<24} p50 {s['p50_ms']:>7} ms  p95 {s['p95_ms']:>7} ms  max {s['max_ms']:>7} ms  "
                              f"{s['queries']} queries  (HTTP {s['status']})")
        if "http" in result:
            h = result["http"]
            self.stdout.write(f"HTTP dossier via gunicorn ({h['workers']} workers): {h['requests_per_second']} verzoeken/s "
                              f"({h['requests']} in {h['seconds']} s, {h['errors']} fouten)")
