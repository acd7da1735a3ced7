from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "hamaynk.networks"
    label = "networks"
    verbose_name = _("Networks")

    def ready(self) -> None:
        from hamaynk.core.audit import register_actions
        from hamaynk.networks import permissions  # noqa: F401 - registers the rules

        register_actions({
            "networks.role.granted": _("Network role granted"),
            "networks.role.revoked": _("Network role removed"),
        })
