"""What happened at a session: attendance day by day, the answers a person gave (to the
registration questions, the quiz, the feedback questionnaire), each against the version of
the opportunity's questionnaire they answered."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hamaynk.core.ownership import Owner
from hamaynk.learning.models.catalogue import Enrolment, Opportunity
from hamaynk.questionnaires.models import VersionedDefinition


class Attendance(models.Model):
    """One person's presence on one day of a session (`Session.days()`)."""

    class Mark(models.TextChoices):
        PRESENT = "present", _("present")
        LATE = "late", _("late")
        ABSENT = "absent", _("absent")

    ATTENDED = (Mark.PRESENT, Mark.LATE)

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE,
                                  related_name="attendance")
    day = models.DateField(_("day"))
    mark = models.CharField(_("attendance"), max_length=8, choices=Mark.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["enrolment", "day"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["enrolment", "day"],
                                               name="attendance_one_per_day")]

    def __str__(self) -> str:
        return f"{self.enrolment} {self.day} {self.mark}"

    def ownership(self) -> Owner:
        return self.enrolment.ownership()


class LearningForm(VersionedDefinition):
    """One version of an opportunity's questionnaire: the registration questions asked when
    a person is enrolled, the quiz (its choices carry points; `Opportunity.pass_mark`), or the
    feedback questionnaire sent after the session. Frozen once someone answers it."""

    class Purpose(models.TextChoices):
        REGISTRATION = "registration", _("registration questions")
        QUIZ = "quiz", _("quiz")
        FEEDBACK = "feedback", _("feedback questionnaire")

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE,
                                    related_name="forms")
    purpose = models.CharField(max_length=12, choices=Purpose.choices)

    class Meta:
        ordering = ["opportunity", "purpose", "-number"]
        constraints = [models.UniqueConstraint(fields=["opportunity", "purpose", "number"],
                                               name="learning_form_unique_number")]

    def __str__(self) -> str:
        return f"{self.opportunity} {self.purpose} v{self.number}"

    def ownership(self) -> Owner:
        return Owner.of(network_id=self.opportunity.network_id)


class Response(models.Model):
    """A person's answers to one of the opportunity's questionnaires, for one enrolment;
    a quiz's carries its score (per cent of the points)."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE,
                                  related_name="responses")
    purpose = models.CharField(max_length=12, choices=LearningForm.Purpose.choices)
    form = models.ForeignKey(LearningForm, on_delete=models.PROTECT, related_name="responses")
    answers = models.JSONField(default=dict)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["enrolment", "purpose"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "purpose"],
                                    name="learning_response_one_per_purpose"),
            models.CheckConstraint(condition=Q(score__isnull=True) | Q(score__lte=100),
                                   name="learning_response_score_percent")]

    def __str__(self) -> str:
        return f"{self.enrolment} {self.purpose}"

    def ownership(self) -> Owner:
        return self.enrolment.ownership()
