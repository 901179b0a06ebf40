from django.apps import AppConfig
from django.db.models.signals import post_migrate


def ensure_tallies(using="default", **kwargs):
    """After migrate: the triggers that keep the Overzicht's running totals are there, as the code writes them
    (support/tallies.py); if not, they are installed and the totals counted afresh."""
    from steunwerk.support import tallies

    tallies.ensure(using)


def ensure_name_index(using="default", **kwargs):
    """After migrate, on SQLite: the trigram index for searching on part of a name is there (support/name_index.py)."""
    from steunwerk.support import name_index

    name_index.ensure(using)


class SupportConfig(AppConfig):
    name = "steunwerk.support"
    verbose_name = "Ondersteuning"

    def ready(self):
        from steunwerk.support import step_counts  # noqa: F401  (connects the signals)

        post_migrate.connect(ensure_tallies, sender=self, dispatch_uid="support_ensure_tallies")
        post_migrate.connect(ensure_name_index, sender=self, dispatch_uid="support_ensure_name_index")
