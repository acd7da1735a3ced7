from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "hamaynk.communities"
    label = "communities"
    verbose_name = _("Communities")

    def ready(self) -> None:
        from hamaynk.communities import (
            audit_labels,  # noqa: F401
            permissions,  # noqa: F401 - registers the rules
        )
