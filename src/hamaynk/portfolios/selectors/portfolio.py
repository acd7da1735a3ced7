"""Portfolio reads: one portfolio for a viewer who may see it (else a 404), with its parts."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.http import Http404

from hamaynk.core.lookups import one
from hamaynk.portfolios.models import (
    Challenge,
    Cluster,
    Evidence,
    Intervention,
    Mission,
    Portfolio,
    SensemakingSession,
    Stakeholder,
)


def portfolio_for_viewer(*, pk: int, user: Any, perm: str = "portfolios.view_portfolio"
                         ) -> Portfolio:
    """A portfolio the viewer may see (or do `perm` on); anything else is a 404."""
    portfolio = one(Portfolio.objects.select_related(
        "community__region", "network", "member__cohort", "member__coach").filter(pk=pk))
    if portfolio is None or not user.has_perm(perm, portfolio):
        raise Http404
    return portfolio


@dataclass
class PortfolioPage:
    portfolio: Portfolio
    mission: Mission | None
    challenges: list[Challenge]
    stakeholders: list[Stakeholder]
    clusters: list[Cluster]
    interventions: list[Intervention]
    sessions: list[SensemakingSession]


SESSIONS_SHOWN = 5


def portfolio_page(portfolio: Portfolio) -> PortfolioPage:
    """Everything the portfolio page shows, in a fixed number of queries: the mission, the
    challenges with their evidence, the stakeholders, the interventions with what they
    address and involve, and the latest sessions."""
    challenges = list(portfolio.challenges.prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.select_related("file"))))
    stakeholders = list(portfolio.stakeholders.select_related(
        "organisation", "contact__organisation"))
    interventions = list(portfolio.interventions.select_related("cluster")
                         .prefetch_related("challenges", "stakeholders", "related"))
    return PortfolioPage(
        portfolio=portfolio, mission=Mission.objects.filter(portfolio=portfolio).first(),
        challenges=challenges, stakeholders=stakeholders,
        clusters=list(portfolio.clusters.all()), interventions=interventions,
        sessions=list(portfolio.sessions.all()[:SESSIONS_SHOWN]))


def intervention_for_viewer(*, pk: int, user: Any) -> Intervention:
    intervention = one(Intervention.objects.select_related(
        "portfolio__community", "portfolio__member__cohort", "portfolio__member__coach",
        "cluster").filter(pk=pk))
    if intervention is None or not user.has_perm("portfolios.view_portfolio", intervention):
        raise Http404
    return intervention


def session_for_viewer(*, pk: int, user: Any) -> SensemakingSession:
    session = one(SensemakingSession.objects.select_related(
        "portfolio__community", "portfolio__member__cohort", "portfolio__member__coach",
        "coach").filter(pk=pk))
    if session is None or not user.has_perm("portfolios.view_portfolio", session):
        raise Http404
    return session
