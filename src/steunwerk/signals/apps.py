from django.apps import AppConfig


class SignalsConfig(AppConfig):
    name = "steunwerk.signals"
    verbose_name = "Signalering"
