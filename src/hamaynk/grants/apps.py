from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "hamaynk.grants"
    label = "grants"
    verbose_name = _("Grants")

    def ready(self) -> None:
        from hamaynk.grants import audit_labels, notices, permissions  # noqa: F401
