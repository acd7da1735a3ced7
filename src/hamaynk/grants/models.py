"""Grant calls, their versioned application forms, applications (with typed key answers and
a budget table), clarifications, and grants."""

from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hamaynk.communities.models import Community
from hamaynk.core.i18n import localized
from hamaynk.core.links import object_url
from hamaynk.core.models import TimeStampedModel
from hamaynk.core.numbers import CURRENCIES
from hamaynk.core.ownership import Owner
from hamaynk.core.parsing import EARLIEST, LATEST, validate_programme_date
from hamaynk.networks.models import Network
from hamaynk.questionnaires.models import VersionedDefinition


class Call(TimeStampedModel):
    """An open call for proposals (առաջարկների բաց մրցույթ) of a network."""

    class Kind(models.TextChoices):
        SEED = "seed", _("seed grant")
        DEVELOPMENT = "development", _("development grant")
        SCALING = "scaling", _("scaling grant")
        INNOVATION = "innovation", _("Innovation Challenge grant")
        THEMATIC = "thematic", _("thematic grant")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("announced")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")
        DECIDED = "decided", _("decided")
        ARCHIVED = "archived", _("archived")

    PUBLIC_STATUSES = ("published", "open", "closed", "decided")

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="calls",
                                verbose_name=_("network"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    slug = models.SlugField(_("short address"), unique=True)
    title_hy = models.CharField(_("title in Armenian"), max_length=300)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    description_hy = models.TextField(_("description in Armenian"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT, db_index=True)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, default="EUR")
    envelope = models.DecimalField(_("total envelope"), max_digits=14, decimal_places=2,
                                   validators=[MinValueValidator(Decimal("0"))])
    min_award = models.DecimalField(_("minimum per award"), max_digits=14, decimal_places=2,
                                    default=Decimal("0"),
                                    validators=[MinValueValidator(Decimal("0"))])
    max_award = models.DecimalField(_("maximum per award"), max_digits=14, decimal_places=2,
                                    validators=[MinValueValidator(Decimal("0"))])
    min_cofinancing_pct = models.DecimalField(
        _("minimum co-financing (%)"), max_digits=5, decimal_places=2, default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))])
    opens_at = models.DateTimeField(_("opens"), validators=[validate_programme_date])
    closes_at = models.DateTimeField(_("closes"), validators=[validate_programme_date])
    # Eligibility, as data: checked before anyone writes a word.
    eligible_statuses = models.JSONField(_("member statuses that may apply"), default=list,
                                         blank=True)
    eligible_countries = models.JSONField(_("countries that may apply"), default=list,
                                          blank=True)
    requires_completed_kind = models.CharField(
        _("requires a completed grant of kind"), max_length=20, blank=True,
        choices=Kind.choices)
    eligible_cohort = models.ForeignKey(
        "learning.Cohort", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("only communities of the coaching cohort"))
    # codes of requirements other modules register (grants/extensions.py), e.g. an
    # intervention in scaling in the community's portfolio
    further_requirements = models.JSONField(_("further requirements"), default=list,
                                            blank=True)

    class Meta:
        ordering = ["-opens_at", "pk"]
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")),
                                   name="call_closes_after_it_opens"),
            models.CheckConstraint(condition=Q(max_award__gte=models.F("min_award")),
                                   name="call_max_award_at_least_min"),
            models.CheckConstraint(condition=Q(envelope__gte=0, min_award__gte=0,
                                               min_cofinancing_pct__gte=0,
                                               min_cofinancing_pct__lte=100),
                                   name="call_amounts_not_negative"),
            models.CheckConstraint(condition=Q(opens_at__gte=EARLIEST, closes_at__lte=LATEST),
                                   name="call_moments_within_programme_years"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")

    def get_absolute_url(self) -> str:
        return object_url("grants:call", self.slug)

    def is_open(self, now: datetime | None = None) -> bool:
        """Whether applications may be started, changed and submitted at `now` (default: this
        moment): the call is open and `opens_at <= now < closes_at`. The one answer services,
        views and templates use."""
        now = timezone.now() if now is None else now
        return self.status == self.Status.OPEN and self.opens_at <= now < self.closes_at

    @classmethod
    def open_at(cls, now: datetime | None = None) -> models.Q:
        """The same rule as `is_open`, as a filter: the calls open at `now`."""
        now = timezone.now() if now is None else now
        return models.Q(status=cls.Status.OPEN, opens_at__lte=now, closes_at__gt=now)

    @property
    def current_form(self) -> "FormVersion | None":
        return self.form_for("application")

    def form_for(self, purpose: str) -> "FormVersion | None":
        return self.form_versions.filter(purpose=purpose).order_by("-number").first()

    file_permission = "grants.view_call"  # its documents are public

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.network_id)


class FormVersion(VersionedDefinition):
    """One version of a call's application or report form (a questionnaire). Frozen once
    the call opens; applications point to the version they answered."""

    class Purpose(models.TextChoices):
        APPLICATION = "application", _("application form")
        PROGRESS = "progress", _("progress report")
        FINANCIAL = "financial", _("financial report")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="form_versions")
    purpose = models.CharField(max_length=20, choices=Purpose.choices,
                               default=Purpose.APPLICATION)

    class Meta:
        ordering = ["call", "purpose", "-number"]
        constraints = [models.UniqueConstraint(fields=["call", "purpose", "number"],
                                               name="form_version_unique_number")]

    def __str__(self) -> str:
        return f"{self.call} {self.purpose} v{self.number}"


class BudgetCategory(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="budget_categories")
    order = models.PositiveSmallIntegerField(default=0)
    name_hy = models.CharField(_("name in Armenian"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)

    class Meta:
        ordering = ["call", "order", "pk"]

    def __str__(self) -> str:
        return localized(self, "name")


class Application(TimeStampedModel):
    """A community's proposal to a call. The key answers are typed, indexed columns."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        WITHDRAWN = "withdrawn", pgettext_lazy("application status", "withdrawn")
        INELIGIBLE = "ineligible", _("not eligible")
        IN_REVIEW = "in_review", _("in review")
        MORE_INFO = "more_info", _("more information asked")
        AWARDED = "awarded", _("awarded")
        REJECTED = "rejected", _("rejected")

    OPEN_STATUSES = ("draft", "submitted")
    REVIEWABLE_STATUSES = ("in_review", "more_info")

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications",
                             verbose_name=_("call"))
    community = models.ForeignKey(Community, on_delete=models.PROTECT, db_index=False,
                                  related_name="grant_applications", verbose_name=_("community"))
    form_version = models.ForeignKey(FormVersion, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1)
    title = models.CharField(_("project title"), max_length=300, blank=True)
    amount_requested = models.DecimalField(_("amount requested"), max_digits=14,
                                           decimal_places=2, default=Decimal("0"),
                                           validators=[MinValueValidator(Decimal("0"))])
    own_contribution = models.DecimalField(_("own contribution"), max_digits=14,
                                           decimal_places=2, default=Decimal("0"),
                                           validators=[MinValueValidator(Decimal("0"))])
    answers = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=8, default="hy")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+")
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # Kept by the review services so that list pages never aggregate per row.
    review_count = models.PositiveSmallIntegerField(_("reviews"), default=0)
    # reviewers assigned and not stood down for a conflict of interest (the work queue's
    # "applications without reviewers" is then an index walk, not an anti-join over reviews)
    reviewers_assigned = models.PositiveSmallIntegerField(_("reviewers assigned"), default=0)
    score_mean = models.DecimalField(_("mean score"), max_digits=6, decimal_places=2, null=True,
                                     blank=True, db_index=True)
    score_spread = models.DecimalField(_("spread"), max_digits=6, decimal_places=2, null=True,
                                       blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("grant application")
        verbose_name_plural = _("grant applications")
        constraints = [models.UniqueConstraint(fields=["call", "community"],
                                               name="grant_application_one_per_community"),
                       models.CheckConstraint(condition=Q(amount_requested__gte=0,
                                                          own_contribution__gte=0),
                                              name="grant_application_amounts_not_negative")]
        indexes = [models.Index(fields=["call", "status", "-submitted_at"]),
                   models.Index(fields=["call", "amount_requested"]),
                   # a call's applications in one status from one region: an index-only
                   # walk joined to the region's communities (count 7 -> 2 ms at 6,000)
                   models.Index(fields=["call", "status", "community"],
                                name="application_call_status_comm"),
                   # a community's applications, and a region's in one call: each of the
                   # region's communities is looked up by (community, call, status) — with
                   # the foreign key's own one-column index PostgreSQL read every call's
                   # applications of each community and dropped the others (page 5 -> 1.4 ms)
                   models.Index(fields=["community", "call", "status"],
                                name="application_community_call"),
                   # the secretariat's list as it opens: a call's submitted applications
                   # (drafts are never listed), newest first; a page is read from the index
                   # instead of sorting the call's rows (page 1 at 6,250: 3.5 -> 0.1 ms)
                   models.Index(fields=["call", "-submitted_at", "-id"],
                                condition=~Q(status="draft"),
                                name="application_listed_submitted"),
                   # the secretariat's work queue across its calls, oldest first: what to
                   # screen, and what waits for reviewers (scale: 113 + 755 ms -> a few ms)
                   models.Index(fields=["submitted_at", "id", "call"],
                                condition=Q(status="submitted"), name="application_to_screen"),
                   models.Index(fields=["submitted_at", "id", "call"],
                                condition=Q(status="in_review", reviewers_assigned=0),
                                name="application_awaiting_reviewer")]
        # The ranking's order (best mean first, unscored last) has PostgreSQL indexes made
        # by migrations 0014 (the listed applications: not drafts) and 0013 (the ranked
        # ones): SQLite cannot index NULLS LAST.

    def __str__(self) -> str:
        return self.title or f"{self.community} — {self.call}"

    def get_absolute_url(self) -> str:
        return object_url("grants:application", self.pk)

    @property
    def total_cost(self) -> Decimal:
        """The project's total: what the grant pays plus the community's own contribution."""
        return self.amount_requested + self.own_contribution

    file_permission = "grants.view_application_files"

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.call.network_id, community_id=self.community_id)


class BudgetLine(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="budget_lines")
    category = models.ForeignKey(BudgetCategory, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("category"))
    description = models.CharField(_("item"), max_length=300)
    requested = models.DecimalField(_("from the grant"), max_digits=14, decimal_places=2,
                                    validators=[MinValueValidator(Decimal("0"))])
    own_contribution = models.DecimalField(_("own contribution"), max_digits=14,
                                           decimal_places=2, default=Decimal("0"),
                                           validators=[MinValueValidator(Decimal("0"))])
    order = models.PositiveSmallIntegerField(default=0)
    # The one-time token of the "Add a line" form that added this line: the same form posted
    # twice (a double click) adds one line.
    client_token = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["application", "order", "pk"]
        constraints = [models.CheckConstraint(condition=Q(requested__gte=0,
                                                          own_contribution__gte=0),
                                              name="budget_line_amounts_not_negative"),
                       models.UniqueConstraint(fields=["application", "client_token"],
                                               name="grants_budgetline_one_line_per_token")]

    def __str__(self) -> str:
        return self.description

    @property
    def total(self) -> Decimal:
        return self.requested + self.own_contribution


class Clarification(TimeStampedModel):
    """The secretariat asks the applicant something; the applicant answers in the platform."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="clarifications")
    question = models.TextField(_("question"))
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                 related_name="+")
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.question[:60]


class CallQuestion(TimeStampedModel):
    """The call's public Q&A: anyone signed in asks, the secretariat answers publicly."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    question = models.TextField(_("question"))
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                 related_name="+")
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.question[:60]


class Grant(TimeStampedModel):
    """An awarded grant. (The award, agreement, tranches and reports come with the review
    and after-award work; eligibility already reads completed grants.)"""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        COMPLETED = "completed", _("completed")
        TERMINATED = "terminated", _("terminated")

    application = models.OneToOneField(Application, on_delete=models.PROTECT,
                                       related_name="grant")
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="grants")
    community = models.ForeignKey(Community, on_delete=models.PROTECT, related_name="grants")
    amount = models.DecimalField(_("amount awarded"), max_digits=14, decimal_places=2,
                                 validators=[MinValueValidator(Decimal("0"))])
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.ACTIVE)
    awarded_at = models.DateTimeField(_("awarded"))

    class Meta:
        ordering = ["-awarded_at"]
        indexes = [models.Index(fields=["community", "status"]),
                   models.Index(fields=["-awarded_at", "-id"], name="grant_awarded_order")]
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0),
                                              name="grant_amount_not_negative")]

    def __str__(self) -> str:
        return f"{self.community} — {self.call}"

    def get_absolute_url(self) -> str:
        return object_url("grants:grant", self.pk)

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.call.network_id, community_id=self.community_id)


class Tranche(TimeStampedModel):
    """One payment of a grant; it may wait for a report to be accepted."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        PAID = "paid", _("paid")

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="tranches")
    order = models.PositiveSmallIntegerField(default=1)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2,
                                 validators=[MinValueValidator(Decimal("0.01"))])
    due_date = models.DateField(_("due date"))
    waits_for = models.CharField(_("waits for the report"), max_length=20, blank=True,
                                 choices=[("", _("no report")),
                                          ("progress", _("progress report")),
                                          ("financial", _("financial report"))])
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.PLANNED)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    paid_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                null=True, blank=True, related_name="+")
    payment_reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    report = models.OneToOneField("GrantReport", on_delete=models.SET_NULL, null=True,
                                  blank=True, related_name="tranche")

    class Meta:
        ordering = ["grant", "order"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0),
                                              name="tranche_amount_positive")]
        # the secretariat's payments to make, the earliest due first, across its grants: the
        # first few are read from the index instead of sorting every planned tranche
        indexes = [models.Index(fields=["due_date", "id"], condition=Q(status="planned"),
                                name="tranche_planned_due")]

    def __str__(self) -> str:
        return f"{self.grant} #{self.order}"

    def ownership(self) -> Owner:
        return self.grant.ownership()


class GrantReport(TimeStampedModel):
    """A progress or financial report, on a form the secretariat defines for the call."""

    class Status(models.TextChoices):
        DUE = "due", pgettext_lazy("report status", "due")
        SUBMITTED = "submitted", _("submitted")
        ACCEPTED = "accepted", _("accepted")
        RETURNED = "returned", _("returned for changes")

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="reports")
    purpose = models.CharField(_("report"), max_length=20,
                               choices=[("progress", _("progress report")),
                                        ("financial", _("financial report"))])
    form_version = models.ForeignKey(FormVersion, on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DUE, db_index=True)
    answers = models.JSONField(default=dict, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    message = models.TextField(_("message from the secretariat"), blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)  # bumped by every change (services)

    class Meta:
        ordering = ["grant", "due_date", "pk"]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} — {self.grant}"

    def get_absolute_url(self) -> str:
        return reverse("grants:report", args=[self.pk])

    file_permission = "grants.view_report_files"

    def ownership(self) -> Owner:
        return self.grant.ownership()


class Criterion(models.Model):
    """One criterion of a call's rubric: weight, scale and guidance for reviewers."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(default=0)
    name_hy = models.CharField(_("name in Armenian"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    guidance_hy = models.TextField(_("guidance in Armenian"), blank=True)
    guidance_en = models.TextField(_("guidance in English"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2,
                                 default=Decimal("1"),
                                 validators=[MinValueValidator(Decimal("0.01"))])
    scale_max = models.PositiveSmallIntegerField(
        _("highest score"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)])

    class Meta:
        ordering = ["call", "order", "pk"]

    def __str__(self) -> str:
        return localized(self, "name")

    @property
    def guidance(self) -> str:
        return localized(self, "guidance")


class Screening(TimeStampedModel):
    """The secretariat's eligibility screening of one application, with its checklist."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE,
                                       related_name="screening")
    checks = models.JSONField(default=list)  # [{"code", "label", "ok", "note"}]
    eligible = models.BooleanField()
    note = models.TextField(_("note"), blank=True)
    screened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+")

    def __str__(self) -> str:
        return f"{self.application} — {self.eligible}"


class Review(TimeStampedModel):
    """One reviewer's work on one application: conflict declaration first, then scores."""

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("assigned")
        CONFLICT = "conflict", _("conflict of interest")
        IN_PROGRESS = "in_progress", _("in progress")
        SUBMITTED = "submitted", _("submitted")

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="grant_reviews")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.ASSIGNED)
    conflict_note = models.TextField(_("conflict of interest"), blank=True)
    comment = models.TextField(_("comment"), blank=True)
    total = models.DecimalField(_("score"), max_digits=6, decimal_places=2, null=True,
                                blank=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["application", "pk"]
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"],
                                               name="review_one_per_reviewer")]
        indexes = [models.Index(fields=["reviewer", "status", "-created_at"],
                                name="review_queue_order")]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.application}"

    def get_absolute_url(self) -> str:
        return object_url("grants:review", self.pk)

    def ownership(self) -> Owner:
        return self.application.ownership()


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "criterion"],
                                               name="score_one_per_criterion")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class Determination(TimeStampedModel):
    """The secretariat's decision on an application, with its written reason."""

    class Outcome(models.TextChoices):
        AWARD = "award", _("award")
        REJECT = "reject", _("reject")
        MORE_INFO = "more_info", _("ask for more information")

    application = models.ForeignKey(Application, on_delete=models.CASCADE,
                                    related_name="determinations")
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices)
    amount = models.DecimalField(_("amount awarded"), max_digits=14, decimal_places=2,
                                 null=True, blank=True,
                                 validators=[MinValueValidator(Decimal("0"))])
    reason = models.TextField(_("reason"))
    off_ranking_justification = models.TextField(_("why this differs from the ranking"),
                                                 blank=True)
    rank_at_decision = models.PositiveIntegerField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.CheckConstraint(
            condition=Q(amount__isnull=True) | Q(amount__gte=0),
            name="determination_amount_not_negative")]

    def __str__(self) -> str:
        return f"{self.application}: {self.outcome}"


class CallDocument(TimeStampedModel):
    """A public document of a call: guidelines, templates, the budget form."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="documents")
    title_hy = models.CharField(_("title in Armenian"), max_length=300)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    file = models.ForeignKey("core.StoredFile", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["call", "pk"]

    def __str__(self) -> str:
        return localized(self, "title")

    def ownership(self) -> Owner:
        return self.call.ownership()
