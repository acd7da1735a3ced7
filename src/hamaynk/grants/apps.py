from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "hamaynk.grants"
    label = "grants"
    verbose_name = _("Grants")

    def ready(self) -> None:
        from hamaynk.core import counts
        from hamaynk.grants import audit_labels, notices, permissions  # noqa: F401
        from hamaynk.grants.models import Application, Grant
        from hamaynk.grants.work import register_work

        counts.track(Application, Grant)
        register_work()  # its items in the work queue
