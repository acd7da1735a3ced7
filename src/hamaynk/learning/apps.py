from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "hamaynk.learning"
    label = "learning"
    verbose_name = _("Learning")

    def ready(self) -> None:
        from hamaynk.core.audit import register_actions
        from hamaynk.learning import certificate_notices, permissions  # noqa: F401
        from hamaynk.learning.work import register_work

        register_work()  # its items in the work queue

        register_actions({
            "learning.cohort.created": _("Cohort created"),
            "learning.cohort.community_added": _("Community added to the cohort"),
            "learning.cohort.community_removed": _("Community removed from the cohort"),
            "learning.certificate.issued": _("Certificate issued"),
            "learning.certificate.revoked": _("Certificate revoked"),
        })
