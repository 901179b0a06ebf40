from django.core.management.base import BaseCommand

from steunwerk.support import tallies


class Command(BaseCommand):
    help = ("Check the running totals behind the Overzicht: the database triggers that keep them are installed as "
            "the code writes them (else they are installed and the totals counted afresh). With --rebuild the "
            "totals are counted afresh in any case.")

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="count every total afresh from the trajectories")
        parser.add_argument("--database", default="default")

    def handle(self, *args, rebuild=False, database="default", **options):
        if tallies.ensure(database):
            self.stdout.write("Triggers geïnstalleerd en totalen opnieuw geteld.")
        elif rebuild:
            tallies.rebuild(database)
            self.stdout.write("Totalen opnieuw geteld.")
        else:
            self.stdout.write("Triggers aanwezig; de totalen worden bijgehouden.")
