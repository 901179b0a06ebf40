from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "steunwerk.resources"
    verbose_name = "Sociale kaart"
