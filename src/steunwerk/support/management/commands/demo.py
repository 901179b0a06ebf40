from django.core.management.base import BaseCommand

from steunwerk.support import demo


class Command(BaseCommand):
    help = "Load the demo data (fictional people, the Bram case). Safe to run again."

    def handle(self, *args, **options):
        bram = demo.load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data present. Sign in as 'professional' (or teamleider, beheerder, wmoconsulent, collega, mee) "
                f"with password '{demo.DEMO_PASSWORD}'. Bram's trajectory: {bram.trajectories.first().pk}."
            )
        )
