"""The tables of mission-oriented portfolios (DESIGN.md: models hold no workflow)."""

from hamaynk.portfolios.models.funding import GrantLink
from hamaynk.portfolios.models.interventions import Cluster, Intervention
from hamaynk.portfolios.models.portfolio import (
    Challenge,
    Evidence,
    Mission,
    Portfolio,
    Stakeholder,
)
from hamaynk.portfolios.models.practice import LearningEntry, LearningQuestion, Milestone, Risk
from hamaynk.portfolios.models.sensemaking import Comment, Decision, SensemakingSession, Snapshot

__all__ = ["Challenge", "Cluster", "Comment", "Decision", "Evidence", "GrantLink", "Intervention",
           "LearningEntry", "LearningQuestion", "Milestone", "Mission", "Portfolio", "Risk",
           "SensemakingSession", "Snapshot", "Stakeholder"]
