"""The learning catalogue: topics, a network's learning opportunities (courses, workshops,
webinars …) with their materials, their sessions (a place or a link, moments in the
session's own time zone, seats and quotas) and the enrolments communities make for their
people.

Attendance (attendance.py) hangs off an enrolment and one of its session's days
(`Session.days()`: the session's dates in its own zone), so a multi-day session is taken
day by day without a table of days here."""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hamaynk.communities.models import Community, Country
from hamaynk.core.i18n import localized
from hamaynk.core.models import TimeStampedModel
from hamaynk.core.ownership import Owner
from hamaynk.networks.models import Network

LANGUAGE_CHOICES = [("hy", _("Armenian")), ("en", _("English")), ("ru", _("Russian")),
                    ("ro", _("Romanian")), ("uk", _("Ukrainian"))]
AUDIENCE_CHOICES = [("head", _("community heads")), ("staff", _("community staff")),
                    ("council", _("council members"))]


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(_("Write a time zone such as Asia/Yerevan or Europe/Chisinau."),
                              code="time_zone") from exc


def codes(value: str) -> list[str]:
    """The codes kept in a comma-separated column ("hy,en")."""
    return [code for code in value.split(",") if code]


class Topic(models.Model):
    """A subject of learning (resource mobilisation, leadership …), kept as data."""

    slug = models.SlugField(unique=True)
    name_hy = models.CharField(_("name in Armenian"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return localized(self, "name")

    @property
    def name(self) -> str:
        return localized(self, "name")


class Opportunity(TimeStampedModel):
    """A learning opportunity a network offers; its sessions are when and where it runs."""

    class Kind(models.TextChoices):
        COURSE = "course", _("course")
        WORKSHOP = "workshop", _("workshop")
        WEBINAR = "webinar", _("webinar")
        ELEARNING = "elearning", _("e-learning")
        STUDY_VISIT = "study_visit", _("study visit")
        PEER_EXCHANGE = "peer_exchange", _("peer exchange")

    class Format(models.TextChoices):
        ONLINE = "online", _("online")
        OFFLINE = "offline", _("in person")
        HYBRID = "hybrid", _("hybrid")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="opportunities",
                                verbose_name=_("network"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    topics = models.ManyToManyField(Topic, blank=True, related_name="opportunities",
                                    verbose_name=_("topics"))
    languages = models.CharField(_("languages"), max_length=40, default="hy",
                                 help_text="Comma-separated codes: hy,en")
    audience = models.CharField(_("audience"), max_length=40, blank=True,
                                help_text="Comma-separated: head,staff,council")
    # No shared registry of organisations yet: a partner is named; empty is the network.
    provider_hy = models.CharField(_("provider in Armenian"), max_length=300, blank=True)
    provider_en = models.CharField(_("provider in English"), max_length=300, blank=True)
    title_hy = models.CharField(_("title in Armenian"), max_length=300)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    description_hy = models.TextField(_("description in Armenian"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    hours = models.DecimalField(_("hours of learning"), max_digits=5, decimal_places=1,
                                null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    # Completion rules: the days a person must attend (empty: every day of the session) and,
    # where the opportunity has a quiz (`LearningForm` of purpose "quiz"), the share of its
    # points to pass, in per cent.
    days_required = models.PositiveSmallIntegerField(_("days attended to complete"),
                                                     null=True, blank=True)
    pass_mark = models.PositiveSmallIntegerField(_("quiz pass mark (%)"), null=True,
                                                 blank=True)
    version = models.PositiveIntegerField(default=1)

    file_permission = "learning.view_opportunity"  # its materials are public once published

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("learning opportunity")
        verbose_name_plural = _("learning opportunities")
        indexes = [models.Index(fields=["status", "published_at", "id"]),
                   models.Index(fields=["network", "status"])]
        constraints = [models.CheckConstraint(condition=Q(hours__isnull=True) | Q(hours__gt=0),
                                              name="opportunity_hours_positive"),
                       models.CheckConstraint(condition=Q(days_required__isnull=True)
                                              | Q(days_required__gte=1),
                                              name="opportunity_days_required_positive"),
                       models.CheckConstraint(condition=Q(pass_mark__isnull=True)
                                              | Q(pass_mark__lte=100),
                                              name="opportunity_pass_mark_percent")]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def provider(self) -> str:
        return localized(self, "provider") or self.network.name

    # The labels by the enums (`get_kind_display()` rebuilds a dict of every choice, each
    # label translated, for every call: a list of 25 cards pays for it 50 times).
    @property
    def kind_label(self) -> str:
        return str(self.Kind(self.kind).label)

    @property
    def format_label(self) -> str:
        return str(self.Format(self.format).label)

    @property
    def status_label(self) -> str:
        return str(self.Status(self.status).label)

    def language_labels(self) -> list[str]:
        labels = dict(LANGUAGE_CHOICES)
        return [str(labels.get(code, code)) for code in codes(self.languages)]

    def audience_labels(self) -> list[str]:
        labels = dict(AUDIENCE_CHOICES)
        return [str(labels.get(code, code)) for code in codes(self.audience)]

    def get_absolute_url(self) -> str:
        return reverse("learning:opportunity", args=[self.pk])

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.network_id)


class Material(TimeStampedModel):
    """A link or a file that goes with an opportunity (slides, a reading, a recording)."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE,
                                    related_name="materials")
    title_hy = models.CharField(_("title in Armenian"), max_length=300)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    file = models.ForeignKey("core.StoredFile", on_delete=models.PROTECT, null=True,
                             blank=True, related_name="+")

    class Meta:
        ordering = ["opportunity", "pk"]
        constraints = [models.CheckConstraint(
            condition=(Q(file__isnull=True) & ~Q(url="")) | (Q(file__isnull=False) & Q(url="")),
            name="material_link_or_file")]

    def __str__(self) -> str:
        return localized(self, "title")

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.opportunity.network_id)


class Session(TimeStampedModel):
    """One run of an opportunity: when, where, how many seats and how they are shared."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE,
                                    related_name="sessions")
    label_hy = models.CharField(_("label in Armenian"), max_length=200, blank=True)
    label_en = models.CharField(_("label in English"), max_length=200, blank=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("country"))
    place_hy = models.CharField(_("place in Armenian"), max_length=300, blank=True)
    place_en = models.CharField(_("place in English"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Asia/Yerevan",
                                 validators=[validate_time_zone])
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(_("seats"))
    community_quota = models.PositiveIntegerField(_("seats per community"), null=True,
                                                  blank=True)
    country_quota = models.PositiveIntegerField(_("seats per country"), null=True, blank=True)
    enrolment_deadline = models.DateTimeField(_("enrolment closes"))
    cancellation_cutoff = models.DateTimeField(_("cancellation possible until"), null=True,
                                               blank=True)
    needs_approval = models.BooleanField(_("the organiser approves each enrolment"),
                                         default=False)
    # Set by the daily task once the reminder before / the feedback request after is sent.
    reminded_at = models.DateTimeField(null=True, blank=True)
    feedback_asked_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [models.Index(fields=["opportunity", "starts_at"]),
                   models.Index(fields=["starts_at"]),
                   # the sessions just ended (attendance still to take, feedback to ask)
                   models.Index(fields=["ends_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                   name="session_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="session_capacity_positive"),
            models.CheckConstraint(condition=Q(community_quota__isnull=True)
                                   | Q(community_quota__gte=1), name="session_quota_positive"),
            models.CheckConstraint(condition=Q(country_quota__isnull=True)
                                   | Q(country_quota__gte=1),
                                   name="session_country_quota_positive"),
        ]

    def __str__(self) -> str:
        label = localized(self, "label")
        return f"{self.opportunity} — {label}" if label else str(self.opportunity)

    @property
    def label(self) -> str:
        return localized(self, "label")

    @property
    def place(self) -> str:
        return localized(self, "place")

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def days(self) -> list[datetime.date]:
        """The session's dates in its own zone: what attendance is taken for."""
        first = self.starts_at.astimezone(self.zone).date()
        last = self.ends_at.astimezone(self.zone).date()
        return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]

    def cancellable_until(self) -> datetime.datetime:
        return self.cancellation_cutoff or self.starts_at

    def get_absolute_url(self) -> str:
        return reverse("learning:session", args=[self.pk])

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.opportunity.network_id)


class Enrolment(TimeStampedModel):
    """A seat asked for by a community for one of its people."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("awaiting approval")
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")
        DECLINED = "declined", _("declined")

    ACTIVE = (Status.REQUESTED, Status.CONFIRMED, Status.WAITLISTED)

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="enrolments")
    community = models.ForeignKey(Community, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("community"))
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="enrolments", verbose_name=_("person"))
    enrolled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    # The place in the waiting list: the moment the enrolment was made (earliest first).
    queued_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    # Recorded when the opportunity's completion rules are met (the certificate follows).
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["queued_at", "pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        indexes = [models.Index(fields=["session", "status", "queued_at", "id"]),
                   models.Index(fields=["community", "status"]),
                   models.Index(fields=["status", "created_at"]),
                   models.Index(fields=["community", "completed_at"])]
        constraints = [models.UniqueConstraint(
            fields=["session", "person"], condition=Q(status__in=["requested", "confirmed",
                                                                   "waitlisted"]),
            name="enrolment_one_active_per_person")]

    def __str__(self) -> str:
        return f"{self.person} — {self.session}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def status_label(self) -> str:
        """As `get_status_display()`, without rebuilding every choice (see Opportunity)."""
        return str(self.Status(self.status).label)

    def get_absolute_url(self) -> str:
        return reverse("learning:our_learning") + f"?community={self.community_id}"

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.session.opportunity.network_id,
                        community_id=self.community_id)
