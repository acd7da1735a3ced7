"""Coaching paths: a cohort's ordered steps, each community's progress on them, its coaching
sessions with the actions agreed there, and the assignments it hands in for its coach's
review."""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hamaynk.core.i18n import localized
from hamaynk.core.models import StoredFile, TimeStampedModel
from hamaynk.core.ownership import Owner
from hamaynk.learning.models.cohorts import Cohort, CohortMember


class PathStep(TimeStampedModel):
    """One step of a cohort's path, in the order the communities follow it."""

    class Kind(models.TextChoices):
        MODULE = "module", _("learning module")
        COACHING = "coaching", _("coaching session")
        ASSIGNMENT = "assignment", _("assignment to hand in")
        SENSEMAKING = "sensemaking", _("sensemaking session")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title_hy = models.CharField(_("title in Armenian"), max_length=300)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    description_hy = models.TextField(_("description in Armenian"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    due_date = models.DateField(_("due date"))

    class Meta:
        ordering = ["cohort", "order", "pk"]
        verbose_name = _("step of the path")
        verbose_name_plural = _("steps of the path")
        indexes = [models.Index(fields=["cohort", "order"]),
                   models.Index(fields=["due_date"])]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.cohort.network_id)

    def is_overdue(self, today: date, done: bool) -> bool:
        return not done and self.due_date < today


class StepProgress(TimeStampedModel):
    """A step a community has done (no row: not done yet)."""

    step = models.ForeignKey(PathStep, on_delete=models.CASCADE, related_name="progress")
    member = models.ForeignKey(CohortMember, on_delete=models.CASCADE, related_name="progress")
    done_at = models.DateTimeField(_("done"))
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["step", "member"],
                                               name="step_progress_unique")]


class CoachingSession(TimeStampedModel):
    """One coaching session of a community with its coach: who came, what was said."""

    member = models.ForeignKey(CohortMember, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("date"))
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              related_name="+", verbose_name=_("coach"))
    attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+",
                                       verbose_name=_("who attended"))
    notes = models.TextField(_("notes"), blank=True)
    logged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, related_name="+")

    class Meta:
        ordering = ["member", "-held_on", "-pk"]
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        indexes = [models.Index(fields=["member", "held_on"])]

    def __str__(self) -> str:
        return f"{self.member.community} — {self.held_on:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("learning:log", args=[self.member_id]) + f"#session-{self.pk}"

    def ownership(self) -> Owner:
        return self.member.ownership()


class AgreedAction(TimeStampedModel):
    """An action agreed in a session: its owner (a team member) does it by its due date.
    Open until marked done; a later session may carry it over (it stays open)."""

    session = models.ForeignKey(CoachingSession, on_delete=models.CASCADE,
                                related_name="actions")
    member = models.ForeignKey(CohortMember, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("action"), max_length=500)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="agreed_actions", verbose_name=_("owner"))
    due_date = models.DateField(_("due date"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="+")
    carried_over_in = models.ForeignKey(CoachingSession, on_delete=models.SET_NULL, null=True,
                                        blank=True, related_name="carried_actions")

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("agreed action")
        verbose_name_plural = _("agreed actions")
        indexes = [models.Index(fields=["member", "done_at", "due_date"]),
                   models.Index(fields=["owner", "done_at"])]

    def __str__(self) -> str:
        return self.text

    @property
    def is_open(self) -> bool:
        return self.done_at is None

    def get_absolute_url(self) -> str:
        return reverse("learning:log", args=[self.member_id]) + f"#action-{self.pk}"

    def ownership(self) -> Owner:
        return self.member.ownership()


class Submission(TimeStampedModel):
    """A community's hand-in of an assignment step (text and files), reviewed by its coach:
    accepted (the step is done) or returned for changes (handed in again)."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("handed in")
        ACCEPTED = "accepted", _("accepted")
        RETURNED = "returned", _("returned for changes")

    step = models.ForeignKey(PathStep, on_delete=models.CASCADE, related_name="submissions")
    member = models.ForeignKey(CohortMember, on_delete=models.CASCADE,
                               related_name="submissions")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.SUBMITTED)
    text = models.TextField(_("text"), blank=True)
    files = models.ManyToManyField(StoredFile, blank=True, related_name="+")
    submitted_at = models.DateTimeField(_("handed in"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, related_name="+")
    comment = models.TextField(_("coach's comment"), blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    version = models.PositiveIntegerField(default=0)

    file_permission = "learning.view_member_files"

    class Meta:
        verbose_name = _("assignment handed in")
        verbose_name_plural = _("assignments handed in")
        constraints = [models.UniqueConstraint(fields=["step", "member"],
                                               name="submission_unique")]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.step} — {self.member.community}"

    def get_absolute_url(self) -> str:
        return reverse("learning:step", args=[self.member_id, self.step_id])

    def ownership(self) -> Owner:
        return self.member.ownership()
