from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfoliosConfig(AppConfig):
    name = "hamaynk.portfolios"
    label = "portfolios"
    verbose_name = _("Mission-oriented portfolios")

    def ready(self) -> None:
        from hamaynk.core import counts
        from hamaynk.portfolios import audit_labels, caching, permissions, states  # noqa: F401
        from hamaynk.portfolios.extensions import register
        from hamaynk.portfolios.models import Intervention, Portfolio
        from hamaynk.portfolios.work import register_work

        counts.track(Portfolio, Intervention)
        register_work()  # its items in the work queue
        register()  # what it adds to grants: a call's requirement, an application's link
        caching.connect()  # the portfolio page's cached sections follow their rows
