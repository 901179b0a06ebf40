from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def refresh_statistics(using="default", **kwargs):
    """After migrate: let the query planner see the indexes a migration just added. SQLite keeps no statistics
    for a new index until ANALYZE runs, and then may pick a worse index it does know about; a bounded ANALYZE
    (a sample per index) costs a fraction of a second even on a large database."""
    connection = connections[using]
    if connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit=1000")
        cursor.execute("ANALYZE")


class ScaleConfig(AppConfig):
    name = "steunwerk.scale"
    verbose_name = "Schaal en snelheid"

    def ready(self):
        # migrate signals only apps with models, once each: hang on to one of those, so this runs once.
        post_migrate.connect(refresh_statistics, sender=self.apps.get_app_config("support"),
                             dispatch_uid="scale_refresh_statistics")
