import time

from django.core.management.base import BaseCommand, CommandError

from steunwerk.scale.generate import generate, print_progress


class Command(BaseCommand):
    help = "Generate synthetic clients with trajectories, goals, plans, logbooks, networks and signals."

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args, clients, seed, quiet, **options):
        if clients < 1 or clients > 5_000_000:
            raise CommandError("--clients moet tussen 1 en 5.000.000 liggen.")
        start = time.perf_counter()
        counts = generate(clients, seed=seed, progress=None if quiet else print_progress)
        seconds = time.perf_counter() - start
        rows = ", ".join(f"{k}: {v}" for k, v in counts.items())
        self.stdout.write(
            f"{clients} synthetische cliënten in {seconds:.1f} s ({clients / seconds * 60:,.0f} per minuut). {rows}"
        )
