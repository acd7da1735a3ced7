"""The learning module's tables, by part: cohorts (the selected communities and their
coaches); the catalogue, sessions and enrolments, and coaching paths come in their own files."""

from hamaynk.learning.models.certificates import Certificate
from hamaynk.learning.models.cohorts import Cohort, CohortMember

__all__ = ["Certificate", "Cohort", "CohortMember"]
