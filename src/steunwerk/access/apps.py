from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "steunwerk.access"
    verbose_name = "Toegang"
