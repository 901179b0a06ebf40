from django.core.management.base import BaseCommand

from steunwerk.scale.statistics import refresh


class Command(BaseCommand):
    help = (
        "Refresh the query planner's statistics (ANALYZE). Run it after a migrate that adds indexes and after a "
        "bulk load. With --full: on SQLite every row instead of a sample, on PostgreSQL also VACUUM."
    )

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="read every row (SQLite); VACUUM too (PostgreSQL)")
        parser.add_argument("--database", default="default")

    def handle(self, *args, full=False, database="default", **options):
        refresh(database, full=full)
        self.stdout.write("Statistieken bijgewerkt.")
