"""The portfolio's options: interventions (experiments, pilots, scale-ups), each a hypothesis
with a status, a budget and its funding, the challenges it addresses, the stakeholders
involved, its related interventions, and a cluster (a theme of the portfolio)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hamaynk.core.i18n import localized
from hamaynk.core.numbers import CURRENCIES
from hamaynk.portfolios.models.portfolio import Challenge, Portfolio, PortfolioPart, Stakeholder


class Cluster(PortfolioPart):
    """A theme that groups interventions on the canvas ("green tourism", "local produce")."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="clusters")
    name_hy = models.CharField(_("name in Armenian"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    order = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["portfolio", "order", "pk"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        constraints = [models.UniqueConstraint(fields=["portfolio", "name_hy"],
                                               name="cluster_name_once")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Intervention(PortfolioPart):
    """An option of the portfolio: "if … then … because …", tested and then scaled, or
    stopped with the reason. Its status moves only through the state table (states.py)."""

    class Kind(models.TextChoices):
        EXPERIMENT = "experiment", _("experiment")
        PILOT = "pilot", _("pilot")
        SCALE_UP = "scale_up", _("scale-up")

    class Status(models.TextChoices):
        IDEA = "idea", _("idea")
        TESTING = "testing", _("testing")
        SCALING = "scaling", _("scaling")
        STOPPED = "stopped", _("stopped")

    class Funding(models.TextChoices):
        NONE = "none", _("not funded yet")
        OWN = "own", _("the community's own budget")
        DONOR = "donor", _("a donor")
        GRANT = "grant", _("a Hamaynk grant")

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE,
                                  related_name="interventions")
    title_hy = models.CharField(_("title in Armenian"), max_length=300)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    hypothesis_if = models.TextField(_("if we …"))
    hypothesis_then = models.TextField(_("then …"))
    hypothesis_because = models.TextField(_("because …"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices,
                            default=Kind.EXPERIMENT)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.IDEA)
    stop_reason = models.TextField(_("why it was stopped"), blank=True)
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, null=True,
                                 blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, default="AMD")
    funding = models.CharField(_("funding"), max_length=10, choices=Funding.choices,
                               default=Funding.NONE)
    funder = models.CharField(_("funder"), max_length=300, blank=True)
    cluster = models.ForeignKey(Cluster, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="interventions", verbose_name=_("cluster"))
    challenges = models.ManyToManyField(Challenge, blank=True, related_name="interventions",
                                        verbose_name=_("challenges it addresses"))
    stakeholders = models.ManyToManyField(Stakeholder, blank=True,
                                          related_name="interventions",
                                          verbose_name=_("stakeholders involved"))
    related = models.ManyToManyField("self", blank=True, symmetrical=True,
                                     verbose_name=_("related interventions"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["portfolio", "cluster__order", "pk"]
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        indexes = [models.Index(fields=["portfolio", "status"])]
        constraints = [
            models.CheckConstraint(condition=~Q(status="stopped") | ~Q(stop_reason=""),
                                   name="intervention_stopped_says_why"),
            models.CheckConstraint(condition=Q(budget__isnull=True) | Q(budget__gte=0),
                                   name="intervention_budget_not_negative"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def status_label(self) -> str:
        return str(self.Status(self.status).label)

    @property
    def kind_label(self) -> str:
        return str(self.Kind(self.kind).label)

    def get_absolute_url(self) -> str:
        return reverse("portfolios:intervention", args=[self.pk])
