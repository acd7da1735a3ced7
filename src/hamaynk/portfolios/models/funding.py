"""The grants that fund an intervention: a grant application names the intervention it
funds (seed, then development, then scaling may fund the same one). The link lives here,
in portfolios, which reads grants; grants knows nothing of portfolios (pyproject's import
contract)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hamaynk.core.models import TimeStampedModel
from hamaynk.core.ownership import Owner
from hamaynk.portfolios.models.interventions import Intervention


class GrantLink(TimeStampedModel):
    """An application and the intervention it funds (an application funds one)."""

    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE,
                                     related_name="grant_links",
                                     verbose_name=_("intervention"))
    application = models.OneToOneField("grants.Application", on_delete=models.CASCADE,
                                       related_name="+", verbose_name=_("grant application"))
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, related_name="+")

    class Meta:
        ordering = ["intervention", "pk"]
        verbose_name = _("grant of an intervention")
        verbose_name_plural = _("grants of interventions")

    def __str__(self) -> str:
        return f"{self.intervention} ← {self.application_id}"

    def ownership(self) -> Owner:
        return self.intervention.ownership()
