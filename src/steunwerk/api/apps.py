from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "steunwerk.api"
    verbose_name = "API"
