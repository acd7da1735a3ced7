"""Sensemaking: the recurring sessions of the community's team with its coach, the decisions
taken there (each changes the portfolio in one step, through the services), the snapshots
that show the portfolio as it was, and comments (the coach's, the cohort's peers')."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hamaynk.core.models import TimeStampedModel
from hamaynk.core.ownership import Owner
from hamaynk.portfolios.models.interventions import Intervention
from hamaynk.portfolios.models.portfolio import Portfolio, PortfolioPart


class SensemakingSession(PortfolioPart):
    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE,
                                  related_name="sessions")
    held_on = models.DateField(_("day"))
    language = models.CharField(_("language of the session"), max_length=5,
                                choices=settings.LANGUAGES, default="hy")
    participants = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                          related_name="+", verbose_name=_("participants"))
    patterns = models.TextField(_("patterns observed"), blank=True)
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+", verbose_name=_("coach"))
    logged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["portfolio", "-held_on", "-pk"]
        verbose_name = _("sensemaking session")
        verbose_name_plural = _("sensemaking sessions")
        indexes = [models.Index(fields=["portfolio", "held_on"])]

    def __str__(self) -> str:
        return f"{self.portfolio} — {self.held_on:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("portfolios:session", args=[self.pk])


class Decision(TimeStampedModel):
    """A decision of a session, applied to the portfolio in one step: put an intervention in
    a cluster, pivot it (a new hypothesis), stop it, scale it, or add a new one."""

    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("cluster")
        PIVOT = "pivot", _("pivot")
        STOP = "stop", _("stop")
        SCALE = "scale", _("scale")
        NEW = "new", _("new intervention")

    session = models.ForeignKey(SensemakingSession, on_delete=models.CASCADE,
                                related_name="decisions")
    kind = models.CharField(_("decision"), max_length=10, choices=Kind.choices)
    intervention = models.ForeignKey(Intervention, on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="decisions",
                                     verbose_name=_("intervention"))
    reason = models.TextField(_("reason"))
    details = models.JSONField(default=dict, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")

    class Meta:
        ordering = ["session", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def ownership(self) -> Owner:
        return self.session.ownership()


class Snapshot(PortfolioPart):
    """The portfolio as it was at a moment (a session's start and its close, or when asked):
    its mission, challenges, stakeholders, interventions and their links, as plain data."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE,
                                  related_name="snapshots")
    label = models.CharField(_("label"), max_length=200)
    session = models.ForeignKey(SensemakingSession, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="snapshots")
    data = models.JSONField(default=dict)
    taken_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, related_name="+")

    class Meta:
        ordering = ["portfolio", "-created_at", "-pk"]
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")
        indexes = [models.Index(fields=["portfolio", "created_at"])]

    def __str__(self) -> str:
        return self.label


class Comment(PortfolioPart):
    """A comment on the portfolio (or one intervention): the coach's, a peer community's,
    the secretariat's."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="comments")
    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, null=True,
                                     blank=True, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               related_name="+")
    text = models.TextField(_("comment"))

    class Meta:
        ordering = ["portfolio", "created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["portfolio", "created_at"])]
