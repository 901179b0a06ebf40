from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "steunwerk.support"
    verbose_name = "Ondersteuning"

    def ready(self):
        from steunwerk.support import step_counts  # noqa: F401  (connects the signals)
