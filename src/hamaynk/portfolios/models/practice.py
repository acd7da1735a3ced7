"""How the portfolio learns and keeps on course: learning questions with their evidence log
and what was learned, a risk register, and a workplan of milestones."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hamaynk.core.models import TimeStampedModel
from hamaynk.core.ownership import Owner
from hamaynk.portfolios.models.interventions import Intervention
from hamaynk.portfolios.models.portfolio import SCALE, Portfolio, PortfolioPart


class LearningQuestion(PortfolioPart):
    """What the portfolio wants to learn ("do visitors stay a second night if …?"), with what
    was learned once it is answered."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE,
                                  related_name="questions")
    question = models.TextField(_("learning question"))
    intervention = models.ForeignKey(Intervention, on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="questions",
                                     verbose_name=_("intervention"))
    learned = models.TextField(_("what was learned"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["portfolio", "answered_at", "pk"]
        verbose_name = _("learning question")
        verbose_name_plural = _("learning questions")

    def __str__(self) -> str:
        return self.question[:80]


class LearningEntry(TimeStampedModel):
    """An entry of a question's evidence log: what was observed, on a day, with a file."""

    question = models.ForeignKey(LearningQuestion, on_delete=models.CASCADE,
                                 related_name="entries")
    noted_on = models.DateField(_("day"))
    text = models.TextField(_("what was observed"))
    file = models.ForeignKey("core.StoredFile", on_delete=models.PROTECT, null=True,
                             blank=True, related_name="+", verbose_name=_("file"))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, related_name="+")

    class Meta:
        ordering = ["question", "-noted_on", "-pk"]
        verbose_name = _("evidence log entry")
        verbose_name_plural = _("evidence log entries")

    def ownership(self) -> Owner:
        return self.question.ownership()


class Risk(PortfolioPart):
    """A risk of the portfolio: how likely, how bad (1–5), what is done about it, by whom."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="risks")
    description = models.TextField(_("risk"))
    likelihood = models.PositiveSmallIntegerField(_("likelihood"), validators=SCALE)
    impact = models.PositiveSmallIntegerField(_("impact"), validators=SCALE)
    mitigation = models.TextField(_("what is done about it"), blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+", verbose_name=_("owner"))
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["portfolio", "closed_at", "-impact", "-likelihood", "pk"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        constraints = [models.CheckConstraint(
            condition=models.Q(likelihood__gte=1, likelihood__lte=5, impact__gte=1,
                               impact__lte=5), name="risk_scales")]

    def __str__(self) -> str:
        return self.description[:80]


class Milestone(PortfolioPart):
    """A step of the portfolio's workplan, due on a day, done or not."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE,
                                  related_name="milestones")
    title = models.CharField(_("milestone"), max_length=300)
    due_date = models.DateField(_("due date"))
    intervention = models.ForeignKey(Intervention, on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="milestones",
                                     verbose_name=_("intervention"))
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["portfolio", "due_date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        indexes = [models.Index(fields=["portfolio", "done_at", "due_date"])]

    def __str__(self) -> str:
        return self.title
