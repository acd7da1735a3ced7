from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "hamaynk.api"
    label = "api"
    verbose_name = "API"
