from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "hamaynk.learning"
    label = "learning"
    verbose_name = _("Learning")

    def ready(self) -> None:
        from hamaynk.core import counts
        from hamaynk.core.audit import register_actions
        from hamaynk.learning import (  # noqa: F401
            certificate_notices,
            coaching_notices,
            notices,
            permissions,
            states,
        )
        from hamaynk.learning.models import Enrolment, Opportunity, Session
        from hamaynk.learning.work import register_work

        counts.track(Opportunity, Session, Enrolment)
        register_work()  # its items in the work queue

        register_actions({
            "learning.form.changed": _("Questionnaire of the opportunity changed"),
            "learning.feedback.given": _("Feedback given"),
            "learning.session.reminded": _("Reminder of the session sent"),
            "learning.session.feedback_asked": _("Feedback on the session asked"),
            "learning.cohort.created": _("Cohort created"),
            "learning.cohort.community_added": _("Community added to the cohort"),
            "learning.cohort.community_removed": _("Community removed from the cohort"),
            "learning.certificate.issued": _("Certificate issued"),
            "learning.certificate.revoked": _("Certificate revoked"),
            "learning.cohort.coaches_set": _("Coaches of the cohort saved"),
            "learning.member.coach_assigned": _("Coach assigned to the community"),
            "learning.member.team_set": _("Team of the community saved"),
            "learning.step.added": _("Step added to the path"),
            "learning.step.changed": _("Step of the path changed"),
            "learning.step.removed": _("Step removed from the path"),
            "learning.step.moved": _("Step of the path moved"),
            "learning.step.done": _("Step marked done"),
            "learning.step.undone": _("Step marked not done"),
            "learning.session.logged": _("Coaching session logged"),
            "learning.action.done": _("Agreed action done"),
            "learning.submission.handed_in": _("Assignment handed in"),
            "learning.submission.changed": _("Assignment changed"),
            "learning.submission.reviewed": _("Assignment reviewed"),
            "learning.opportunity.created": _("Learning opportunity created"),
            "learning.opportunity.updated": _("Learning opportunity changed"),
            "learning.opportunity.published": _("Learning opportunity published"),
            "learning.opportunity.draft": _("Learning opportunity taken back to draft"),
            "learning.opportunity.archived": _("Learning opportunity archived"),
            "learning.material.added": _("Learning material added"),
            "learning.material.removed": _("Learning material removed"),
            "learning.session.created": _("Session added"),
            "learning.session.updated": _("Session changed"),
            "learning.enrolment.created": _("Enrolment made"),
            "learning.enrolment.approved": _("Enrolment approved"),
            "learning.enrolment.declined": _("Enrolment declined"),
            "learning.enrolment.promoted": _("Enrolment confirmed from the waiting list"),
            "learning.enrolment.cancelled": _("Enrolment cancelled"),
            "learning.enrolment.handed_over": _("Seat handed to a colleague"),
            "learning.enrolment.completed": _("Completion recorded"),
            "learning.attendance.recorded": _("Attendance taken"),
            "learning.quiz.submitted": _("Quiz answered"),
        })
