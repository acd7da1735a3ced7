"""Networks of local governments (M4EG, the Communities Association of Armenia), who serves
them (secretariat, reviewers, coaches) and which communities are members.

Membership applications, statuses by network rules and commitments come with the
membership issue; this is the part the registry and the roles need now."""

import re
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hamaynk.communities.models import Community, Region
from hamaynk.core.i18n import localized
from hamaynk.core.links import object_url
from hamaynk.core.models import TimeStampedModel
from hamaynk.core.ownership import Owner
from hamaynk.core.parsing import validate_programme_date


class Network(TimeStampedModel):
    slug = models.SlugField(unique=True)
    short_name = models.CharField(_("short name"), max_length=40)
    name_hy = models.CharField(_("name in Armenian"), max_length=300)
    name_en = models.CharField(_("name in English"), max_length=300)
    description_hy = models.TextField(_("description in Armenian"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    website = models.URLField(_("website"), blank=True)
    time_zone = models.CharField(max_length=64, default="Asia/Yerevan")
    # Membership rules (the secretariat edits them in the network's settings).
    status_on_approval = models.CharField(
        _("status on approval"), max_length=20, default="member",
        choices=[("member", _("member")), ("junior", _("junior member"))])
    requires_plan = models.BooleanField(
        _("members submit a Local Economic Development Plan (LEDP)"), default=False)
    plan_due_months = models.PositiveSmallIntegerField(
        _("LEDP due within (months after joining)"), default=12)
    suspension_grace_days = models.PositiveSmallIntegerField(
        _("days after the LEDP due date before suspension"), default=0)
    requires_edo = models.BooleanField(_("an Economic Development Officer must be named"),
                                       default=False)
    dues_amount = models.DecimalField(_("annual dues"), max_digits=12, decimal_places=2,
                                      null=True, blank=True,
                                      validators=[MinValueValidator(Decimal("0"))])
    dues_currency = models.CharField(_("currency"), max_length=3, blank=True,
                                     choices=[(c, c) for c in ("AMD", "EUR", "USD", "MDL", "UAH")])

    class Meta:
        ordering = ["slug"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        constraints = [models.CheckConstraint(
            condition=Q(dues_amount__isnull=True) | Q(dues_amount__gte=0),
            name="network_dues_not_negative")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")

    def get_absolute_url(self) -> str:
        return object_url("networks:detail", self.slug)

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.pk)


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


class Commitment(models.Model):
    """One commitment a member accepts when it joins (accepted one by one in the application)."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="commitments")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_hy = models.TextField(_("text in Armenian"))
    text_en = models.TextField(_("text in English"), blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["network", "order", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return localized(self, "text")


class CouncilTemplate(TimeStampedModel):
    """The network's texts for the council decision package, per language, edited by the
    secretariat. Placeholders: {community}, {network}, {marz}."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE,
                                related_name="council_templates")
    language = models.CharField(_("language"), max_length=8,
                                choices=[("hy", _("Armenian")), ("en", _("English"))])
    title = models.CharField(_("decision title"), max_length=500)
    legal_basis = models.TextField(_("legal basis"), help_text=_("One legal reference per line."))
    points = models.TextField(_("decision points"), help_text=_("One point per line."))
    entry_into_force = models.TextField(_("entry into force"))
    justification = models.TextField(_("justification"),
                                     help_text=_("Paragraphs separated by an empty line."))
    co_financing = models.DecimalField(_("co-financing from the community budget"),
                                       max_digits=14, decimal_places=2, null=True, blank=True,
                                       validators=[MinValueValidator(Decimal("0"))])

    class Meta:
        verbose_name = _("council decision template")
        verbose_name_plural = _("council decision templates")
        constraints = [models.UniqueConstraint(fields=["network", "language"],
                                               name="council_template_one_per_language"),
                       models.CheckConstraint(
                           condition=Q(co_financing__isnull=True) | Q(co_financing__gte=0),
                           name="council_template_co_financing_not_negative")]

    def __str__(self) -> str:
        return f"{self.network.short_name} ({self.language})"


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
    plan_due = models.DateField(_("LEDP due"), null=True, blank=True)
    status_before_suspension = models.CharField(max_length=20, blank=True)
    status_reason = models.TextField(_("reason"), blank=True)
    reminded_30_at = models.DateTimeField(null=True, blank=True)
    reminded_7_at = models.DateTimeField(null=True, blank=True)
    application = models.OneToOneField("MembershipApplication", on_delete=models.SET_NULL,
                                       null=True, blank=True, related_name="membership")
    # The member directory's order — the community's region code, then its Armenian name —
    # kept on the row so that one index serves it (a sort across the joined community and
    # region was most of a page's time): set when a membership is first saved, and moved by
    # `follow_community` when the community is renamed or changes region.
    listed_region = models.CharField(max_length=10, blank=True, editable=False)
    listed_name = models.CharField(max_length=200, blank=True, editable=False)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["network", "community"],
                                               name="membership_unique")]
        indexes = [models.Index(fields=["network", "status"]),
                   models.Index(fields=["status", "plan_due"]),
                   models.Index(fields=["network", "listed_region", "listed_name", "id"],
                                name="membership_listed_order")]

    def __str__(self) -> str:
        return f"{self.community} — {self.network.short_name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.listed_region and self.community_id:
            self.listed_region, self.listed_name = Community.objects.filter(
                pk=self.community_id).values_list("region__code", "name_hy").get()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "listed_region",
                                           "listed_name"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return object_url("networks:membership", self.pk)

    file_permission = "networks.view_membership"  # who may open its plans

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.network_id, community_id=self.community_id)


_NUMBER_SIGN = re.compile(r"^\s*(?:№\s*|(?:N|No)(?:\s*[.:]\s*|\s+|(?=\d)))")


def bare_decision_number(number: str) -> str:
    """"N 45-Ա", "№45-Ա", "N. 45-Ա" → "45-Ա": the sign is the layout's, not the number's."""
    text = number.strip()
    while (bare := _NUMBER_SIGN.sub("", text)) != text:
        text = bare
    return text


def fill_listed_order(memberships: "models.QuerySet[Membership]") -> int:
    """Set the listed order of memberships made in bulk (bulk inserts skip `save`)."""
    of = Community.objects.filter(pk=OuterRef("community_id"))
    return memberships.update(listed_region=Subquery(of.values("region__code")[:1]),
                              listed_name=Subquery(of.values("name_hy")[:1]))


def follow_community(sender: type[Community], instance: Community, **_kwargs: Any) -> None:
    """A community was saved: its memberships' listed order follows its name and region."""
    Membership.objects.filter(community=instance).update(
        listed_region=Subquery(Region.objects.filter(pk=instance.region_id).values("code")[:1]),
        listed_name=instance.name_hy)


class MembershipApplication(TimeStampedModel):
    """A community's application to join a network: prepared by its staff, signed and
    submitted by its head, reviewed by the secretariat."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", pgettext_lazy("application status", "withdrawn")

    OPEN_STATUSES = ("draft", "submitted", "changes_requested")
    EDITABLE_STATUSES = ("draft", "changes_requested")

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="applications",
                                verbose_name=_("network"))
    community = models.ForeignKey(Community, on_delete=models.PROTECT,
                                  related_name="membership_applications",
                                  verbose_name=_("community"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT, db_index=True)
    version = models.PositiveIntegerField(default=1)
    motivation = models.TextField(_("why the community wants to join"), blank=True)
    edo_name = models.CharField(_("Economic Development Officer / contact person"),
                                max_length=200, blank=True)
    edo_position = models.CharField(_("position"), max_length=200, blank=True)
    edo_email = models.EmailField(_("email"), blank=True)
    edo_phone = models.CharField(_("phone"), max_length=40, blank=True)
    accepted_commitments = models.ManyToManyField(Commitment, blank=True,
                                                  related_name="+",
                                                  verbose_name=_("commitments accepted"))
    decision_number = models.CharField(_("council decision number"), max_length=40, blank=True)
    decision_date = models.DateField(_("council decision date"), null=True, blank=True,
                                     validators=[validate_programme_date])
    decision_scan = models.ForeignKey("core.StoredFile", on_delete=models.SET_NULL, null=True,
                                      blank=True, related_name="+",
                                      verbose_name=_("adopted council decision (scan)"))
    prepared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+")
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="+")
    signed_name = models.CharField(_("signed by (full name)"), max_length=200, blank=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    signed_scan = models.ForeignKey("core.StoredFile", on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+",
                                    verbose_name=_("signed application (scan)"))
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    review_message = models.TextField(_("message from the secretariat"), blank=True)

    class Meta:
        ordering = ["-submitted_at", "-created_at"]
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        constraints = [models.UniqueConstraint(
            fields=["network", "community"],
            condition=models.Q(status__in=["draft", "submitted", "changes_requested"]),
            name="application_one_open_per_community_and_network")]
        indexes = [models.Index(fields=["network", "status", "-submitted_at"])]

    def __str__(self) -> str:
        return f"{self.community} → {self.network.short_name}"

    def get_absolute_url(self) -> str:
        return object_url("networks:application", self.pk)

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def decision_reference(self) -> str:
        """The council decision's number as it is written, "N 45-Ա": the "N" once, however
        the number was typed (rows saved before the number was stored bare included)."""
        number = bare_decision_number(self.decision_number)
        return f"N {number}" if number else ""

    file_permission = "networks.view_application"  # who may open its scans

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.network_id, community_id=self.community_id)


class DevelopmentPlan(TimeStampedModel):
    """A Local Economic Development Plan (LEDP) submitted by a member for approval."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("awaiting review")
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned for changes")

    class Block(models.TextChoices):
        REGULATORY = "regulatory", _("Regulatory and institutional framework")
        FINANCE = "finance", _("Access to finance")
        LAND = "land", _("Land and infrastructure")
        SKILLS = "skills", _("Skills and human capital, inclusiveness")
        POSITIONING = "positioning", _("External positioning and marketing")

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(_("title"), max_length=300)
    file = models.ForeignKey("core.StoredFile", on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("plan document"))
    building_blocks = models.JSONField(_("building blocks covered"), default=list)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.SUBMITTED)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    message = models.TextField(_("message from the secretariat"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        constraints = [models.UniqueConstraint(
            fields=["membership"], condition=models.Q(status="submitted"),
            name="plan_one_awaiting_review_per_membership")]

    def __str__(self) -> str:
        return self.title

    def block_labels(self) -> list[str]:
        labels = dict(self.Block.choices)
        return [str(labels[b]) for b in self.building_blocks if b in labels]

    def ownership(self) -> Owner:
        return self.membership.ownership()
