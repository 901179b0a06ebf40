from django.apps import AppConfig


class MethodsConfig(AppConfig):
    name = "steunwerk.methods"
    verbose_name = "Methodewijzer"
