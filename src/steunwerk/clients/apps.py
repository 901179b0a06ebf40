from django.apps import AppConfig


class ClientsConfig(AppConfig):
    name = "steunwerk.clients"
    verbose_name = "Cliënten"
