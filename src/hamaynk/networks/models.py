"""Networks of local governments (M4EG, the Communities Association of Armenia), who serves
them (secretariat, reviewers, coaches) and which communities are members.

Membership applications, statuses by network rules and commitments come with the
membership issue; this is the part the registry and the roles need now."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Community
from hamaynk.core.i18n import localized
from hamaynk.core.models import TimeStampedModel


class Network(TimeStampedModel):
    slug = models.SlugField(unique=True)
    short_name = models.CharField(_("short name"), max_length=40)
    name_hy = models.CharField(_("name in Armenian"), max_length=300)
    name_en = models.CharField(_("name in English"), max_length=300)
    description_hy = models.TextField(_("description in Armenian"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    website = models.URLField(_("website"), blank=True)
    time_zone = models.CharField(max_length=64, default="Asia/Yerevan")

    class Meta:
        ordering = ["slug"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")

    def get_absolute_url(self) -> str:
        return reverse("networks:detail", args=[self.slug])


class NetworkRole(TimeStampedModel):
    """A person serves a network: its secretariat, a reviewer, a coach."""

    class Role(models.TextChoices):
        SECRETARIAT = "secretariat", _("secretariat")
        REVIEWER = "reviewer", _("reviewer")
        COACH = "coach", _("coach")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="network_roles")
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("network role")
        verbose_name_plural = _("network roles")
        constraints = [models.UniqueConstraint(fields=["user", "network", "role"],
                                               name="network_role_unique")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}, {self.network.short_name}"


class Membership(TimeStampedModel):
    class Status(models.TextChoices):
        MEMBER = "member", _("member")
        JUNIOR = "junior", _("junior member")
        ACTING = "acting", _("acting member")
        SUSPENDED = "suspended", _("suspended")
        WITHDRAWN = "withdrawn", _("withdrawn")

    VISIBLE_STATUSES = ("member", "junior", "acting", "suspended")

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="memberships",
                                verbose_name=_("network"))
    community = models.ForeignKey(Community, on_delete=models.PROTECT,
                                  related_name="memberships", verbose_name=_("community"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.MEMBER)
    since = models.DateField(_("member since"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["network", "community"],
                                               name="membership_unique")]
        indexes = [models.Index(fields=["network", "status"])]

    def __str__(self) -> str:
        return f"{self.community} — {self.network.short_name}"
