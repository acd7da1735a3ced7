"""Coaching cohorts: the selected communities that follow a coaching path together (the
rest of the learning module — topics, sessions, enrolments — comes with its own issue)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Community
from hamaynk.core.i18n import localized
from hamaynk.core.models import TimeStampedModel
from hamaynk.core.ownership import Owner
from hamaynk.networks.models import Network


class Cohort(TimeStampedModel):
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="cohorts",
                                verbose_name=_("network"))
    name_hy = models.CharField(_("name in Armenian"), max_length=300)
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)
    description_hy = models.TextField(_("description in Armenian"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    coaches = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="cohorts",
                                     verbose_name=_("coaches"))
    communities = models.ManyToManyField(Community, through="CohortMember",
                                         related_name="cohorts")

    class Meta:
        ordering = ["network", "-created_at"]
        verbose_name = _("coaching cohort")
        verbose_name_plural = _("coaching cohorts")

    def __str__(self) -> str:
        return localized(self, "name")

    def get_absolute_url(self) -> str:
        return reverse("learning:cohort", args=[self.pk])

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.network_id)


class CohortMember(TimeStampedModel):
    """A community selected into a cohort: why (recorded by the secretariat), its coach (one
    of the cohort's) and its team (people with a verified affiliation to the community)."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="members")
    community = models.ForeignKey(Community, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason for the selection"), blank=True)
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="coached_members",
                              verbose_name=_("coach"))
    team = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                  related_name="coaching_teams", verbose_name=_("team"))

    class Meta:
        ordering = ["cohort", "community__name_hy"]
        constraints = [models.UniqueConstraint(fields=["cohort", "community"],
                                               name="cohort_member_unique")]
        verbose_name = _("community of the cohort")
        verbose_name_plural = _("communities of the cohort")

    def __str__(self) -> str:
        return f"{self.community} — {self.cohort}"

    def get_absolute_url(self) -> str:
        return reverse("learning:member", args=[self.pk])

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.cohort.network_id, community_id=self.community_id)
