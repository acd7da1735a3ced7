from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The pages that gather every module: the home page and a person's own page."""

    name = "hamaynk.portal"
    label = "portal"
    verbose_name = _("Portal")
