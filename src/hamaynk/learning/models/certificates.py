"""Certificates: issued the moment a completion (or an event's attendance) is recorded, each
with a code that anyone can check on a public page — genuine, or revoked and why. What it
certifies is copied onto it (the name as the person wrote it, the title, the hours), so it
reads the same whatever later happens to the course or the account."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Community
from hamaynk.core.i18n import localized
from hamaynk.core.models import TimeStampedModel
from hamaynk.core.ownership import Owner
from hamaynk.networks.models import Network


class Certificate(TimeStampedModel):
    code = models.CharField(_("verification code"), max_length=20, unique=True)
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("issued by"))
    person = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="certificates",
                               verbose_name=_("person"))
    community = models.ForeignKey(Community, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("community"))
    name = models.CharField(_("name on the certificate"), max_length=200)
    title_hy = models.CharField(_("title in Armenian"), max_length=400)
    title_en = models.CharField(_("title in English"), max_length=400, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1, null=True,
                                blank=True)
    completed_on = models.DateField(_("completed on"))
    participation = models.BooleanField(_("of participation"), default=False)
    # what it certifies: "learning.enrolment" and its id (one certificate each)
    source_kind = models.CharField(max_length=60, blank=True)
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-completed_on", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [models.UniqueConstraint(
            fields=["source_kind", "source_id"], condition=models.Q(source_id__isnull=False),
            name="certificate_one_per_source")]
        indexes = [models.Index(fields=["person", "-completed_on"],
                                name="certificate_person_recent")]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def get_absolute_url(self) -> str:
        return reverse("learning:certificate", args=[self.code])

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.network_id, community_id=self.community_id)
