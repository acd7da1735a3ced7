"""The learning module's tables, by part: cohorts (the selected communities and their
coaches), coaching paths (steps, progress, sessions, agreed actions, assignments); the
catalogue, sessions and enrolments; attendance and the answers to an opportunity's
questionnaires; certificates."""

from hamaynk.learning.models.attendance import Attendance, LearningForm, Response
from hamaynk.learning.models.catalogue import (
    Enrolment,
    Material,
    Opportunity,
    Session,
    Topic,
)
from hamaynk.learning.models.certificates import Certificate
from hamaynk.learning.models.coaching import (
    AgreedAction,
    CoachingSession,
    PathStep,
    StepProgress,
    Submission,
)
from hamaynk.learning.models.cohorts import Cohort, CohortMember

__all__ = ["AgreedAction", "Attendance", "Certificate", "CoachingSession", "Cohort", "CohortMember",
           "Enrolment", "LearningForm", "Material", "Opportunity", "PathStep", "Response",
           "Session", "StepProgress",
           "Submission", "Topic"]
