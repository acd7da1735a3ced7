"""The learning module's tables, by part: cohorts (the selected communities and their
coaches); the catalogue, its sessions and the enrolments; coaching paths come in their own
files."""

from hamaynk.learning.models.catalogue import (
    Enrolment,
    Material,
    Opportunity,
    Session,
    Topic,
)
from hamaynk.learning.models.cohorts import Cohort, CohortMember

__all__ = ["Cohort", "CohortMember", "Enrolment", "Material", "Opportunity", "Session",
           "Topic"]
