import json
import statistics

from django.core.management.base import BaseCommand, CommandError

from steunwerk.scale.bench import run


class Command(BaseCommand):
    help = "Measure named scenarios through the whole Django stack as a signed-in professional."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", dest="as_json")
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument(
            "--http",
            action="store_true",
            help="also measure the dossier page's throughput through gunicorn (2 workers) on loopback",
        )
        parser.add_argument("--seconds", type=int, default=10, help="duration of each --http measurement")
        parser.add_argument(
            "--http-repeat",
            type=int,
            default=3,
            dest="http_repeat",
            help="--http measurements in a row; the median is reported (this machine's speed wanders)",
        )

    def handle(self, *args, as_json, runs, http, seconds, http_repeat, **options):
        try:
            result = run(runs=runs)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        if http:
            from steunwerk.scale.bench import busiest_professional, scenarios
            from steunwerk.scale.http_bench import run_http

            user = busiest_professional()
            path = scenarios(user)["client_dossier"]
            measured = [run_http(user, path, seconds=seconds) for _ in range(max(1, http_repeat))]
            rates = sorted(m["requests_per_second"] for m in measured)
            result["http"] = {
                **measured[0],
                "requests": sum(m["requests"] for m in measured),
                "errors": sum(m["errors"] for m in measured),
                "seconds": sum(m["seconds"] for m in measured),
                "requests_per_second": statistics.median(rates),
                "each_run": rates,
            }
        if as_json:
            self.stdout.write(json.dumps(result, indent=2))
            return
        self.stdout.write(
            f"{result['clients']} cliënten, {result['database']}; "
            f"vloer p50 {result['floor']['p50_ms']} ms, p95 {result['floor']['p95_ms']} ms"
        )
        for name, s in result["scenarios"].items():
            self.stdout.write(
                f"{name:<24} p50 {s['p50_ms']:>7} ms  p95 {s['p95_ms']:>7} ms  max {s['max_ms']:>7} ms  "
                f"{s['queries']} queries  (HTTP {s['status']})"
            )
        for name, s in result["uncached"].items():
            self.stdout.write(f"{name:<24} p50 {s['p50_ms']:>7} ms  p95 {s['p95_ms']:>7} ms  max {s['max_ms']:>7} ms")
        if "http" in result:
            h = result["http"]
            self.stdout.write(
                f"HTTP dossier via gunicorn ({h['workers']} workers): {h['requests_per_second']} verzoeken/s "
                f"(mediaan van {h['each_run']}; {h['requests']} in {h['seconds']} s, {h['errors']} fouten)"
            )
