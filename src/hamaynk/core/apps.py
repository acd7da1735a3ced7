from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "hamaynk.core"
    label = "core"
    verbose_name = _("Platform core")

    def ready(self) -> None:
        from hamaynk.core import permissions  # noqa: F401 - registers core.view_file
