"""A community's portfolio in a coaching cohort: its mission, the challenges found in
sensemaking (with their evidence) and its stakeholders from the shared registry."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Community, Contact, Organisation
from hamaynk.core.i18n import localized
from hamaynk.core.models import TimeStampedModel
from hamaynk.core.ownership import Owner
from hamaynk.learning.models import CohortMember
from hamaynk.networks.models import Network

SCALE = [MinValueValidator(1), MaxValueValidator(5)]  # influence, interest, likelihood, impact


class Portfolio(TimeStampedModel):
    """One per community of a cohort. Its community's head and staff write it; the coach and
    the network's secretariat see it; the cohort's other communities see it when it is
    shared with them; anyone sees its summary once it is published."""

    class Sharing(models.TextChoices):
        PRIVATE = "private", _("the community, its coach and the secretariat")
        COHORT = "cohort", _("also the other communities of the cohort")
        PUBLIC = "public", _("also everyone (a public summary)")

    member = models.OneToOneField(CohortMember, on_delete=models.PROTECT,
                                  related_name="portfolio")
    # kept with the member's, for the owner and the lists (a member never changes community)
    community = models.ForeignKey(Community, on_delete=models.PROTECT, related_name="+")
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    sharing = models.CharField(_("who sees it"), max_length=10, choices=Sharing.choices,
                               default=Sharing.PRIVATE)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("mission-oriented portfolio")
        verbose_name_plural = _("mission-oriented portfolios")
        indexes = [models.Index(fields=["network", "sharing"])]

    def __str__(self) -> str:
        return str(self.community)

    def get_absolute_url(self) -> str:
        return reverse("portfolios:portfolio", args=[self.pk])

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.network_id, community_id=self.community_id)


class PortfolioPart(TimeStampedModel):
    """A row of a portfolio (its `portfolio` field): owned as its portfolio is."""

    portfolio: "models.ForeignKey[Portfolio, Portfolio]"

    class Meta:
        abstract = True

    def ownership(self) -> Owner:
        return self.portfolio.ownership()


class Mission(TimeStampedModel):
    """The statement of intent with a horizon and a measurable ambition ("by 2028, 30 % of
    Akunk's households earn from a non-farm activity"), and the building blocks of the
    community's local economic development plan it serves."""

    portfolio = models.OneToOneField(Portfolio, on_delete=models.CASCADE, related_name="mission")
    statement_hy = models.TextField(_("mission in Armenian"))
    statement_en = models.TextField(_("mission in English"), blank=True)
    horizon = models.PositiveSmallIntegerField(_("horizon (year)"))
    indicator_hy = models.CharField(_("what is measured, in Armenian"), max_length=300)
    indicator_en = models.CharField(_("what is measured, in English"), max_length=300,
                                    blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True,
                                   blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    building_blocks = models.JSONField(_("building blocks of the development plan"),
                                       default=list, blank=True)

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")

    def __str__(self) -> str:
        return self.statement

    @property
    def statement(self) -> str:
        return localized(self, "statement")

    @property
    def indicator(self) -> str:
        return localized(self, "indicator")

    def ownership(self) -> Owner:
        return self.portfolio.ownership()


class Challenge(PortfolioPart):
    """A challenge found in sensemaking, with its evidence."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE,
                                  related_name="challenges")
    title_hy = models.CharField(_("challenge in Armenian"), max_length=300)
    title_en = models.CharField(_("challenge in English"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["portfolio", "order", "pk"]
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")


class Evidence(TimeStampedModel):
    """What shows a challenge is real: a note, a figure with its source, a link or a file."""

    file_permission = "portfolios.view_evidence_file"  # whoever may see the portfolio

    class Kind(models.TextChoices):
        NOTE = "note", _("note")
        DATA = "data", _("data")
        LINK = "link", _("link")
        FILE = "file", _("file")

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("what it shows"), blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    file = models.ForeignKey("core.StoredFile", on_delete=models.PROTECT, null=True,
                             blank=True, related_name="+", verbose_name=_("file"))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, related_name="+")

    class Meta:
        ordering = ["challenge", "created_at", "pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def ownership(self) -> Owner:
        return self.challenge.ownership()


class Stakeholder(PortfolioPart):
    """An organisation or a person of the shared registry as this portfolio sees them: their
    role, and their influence and interest (1–5) for the grid."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE,
                                  related_name="stakeholders")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="+",
                                     verbose_name=_("organisation"))
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("person"))
    role = models.CharField(_("role"), max_length=300, blank=True)
    influence = models.PositiveSmallIntegerField(_("influence"), validators=SCALE)
    interest = models.PositiveSmallIntegerField(_("interest"), validators=SCALE)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["portfolio", "-influence", "-interest", "pk"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        constraints = [
            models.CheckConstraint(condition=Q(organisation__isnull=False)
                                   | Q(contact__isnull=False), name="stakeholder_is_someone"),
            models.CheckConstraint(condition=Q(influence__gte=1, influence__lte=5,
                                               interest__gte=1, interest__lte=5),
                                   name="stakeholder_scales"),
            models.UniqueConstraint(fields=["portfolio", "organisation"],
                                    condition=Q(contact__isnull=True),
                                    name="stakeholder_organisation_once"),
            models.UniqueConstraint(fields=["portfolio", "contact"],
                                    condition=Q(contact__isnull=False),
                                    name="stakeholder_contact_once"),
        ]

    def __str__(self) -> str:
        return str(self.contact or self.organisation)
