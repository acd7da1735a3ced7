from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "hamaynk.demo"
    label = "demo"
    verbose_name = "Demo data"
