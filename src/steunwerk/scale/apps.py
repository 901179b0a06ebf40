from django.apps import AppConfig


class ScaleConfig(AppConfig):
    name = "steunwerk.scale"
    verbose_name = "Schaal en snelheid"
