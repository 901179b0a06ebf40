from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "steunwerk.support"
    verbose_name = "Ondersteuning"
