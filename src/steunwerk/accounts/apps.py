from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "steunwerk.accounts"
    verbose_name = "Accounts"
