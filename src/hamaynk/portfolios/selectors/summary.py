"""The public face of a portfolio its head has published: the list of published portfolios
and one portfolio's summary — its mission, the challenges' titles, the interventions by
status, the organisations it works with (never a person's name) and the grants awarded for
its interventions. Evidence, risks, the workplan, sessions and comments stay inside."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page
from django.db.models import QuerySet

from hamaynk.core.pagination import paginate
from hamaynk.portfolios.models import (
    Challenge,
    Intervention,
    Mission,
    Portfolio,
    Stakeholder,
)
from hamaynk.portfolios.selectors.funding import GrantRow, awarded_for_interventions

SHOWN = 100  # a portfolio holds a few dozen of each: a bound, not a page


def published(page: Any) -> Page:
    """The portfolios published by their communities, by community name."""
    found: QuerySet[Portfolio] = (
        Portfolio.objects.filter(sharing=Portfolio.Sharing.PUBLIC)
        .select_related("community__region", "member__cohort", "network")
        .only("pk", "sharing", "community__name_hy", "community__name_en",
              "community__region__name_hy", "community__region__name_en",
              "member__cohort__name_hy", "member__cohort__name_en", "network__short_name")
        .order_by("community__name_hy", "pk"))
    return paginate(found, page)


@dataclass
class Summary:
    portfolio: Portfolio
    mission: Mission | None
    challenges: list[Challenge]
    interventions: list[Intervention]
    organisations: list[str]
    grants: list[GrantRow]


def summary(portfolio: Portfolio) -> Summary:
    """What the public summary shows, in a fixed number of queries."""
    stakeholders = (Stakeholder.objects.filter(portfolio=portfolio, organisation__isnull=False)
                    .select_related("organisation")
                    .only("portfolio_id", "organisation__name_hy", "organisation__name_en")
                    .order_by("-influence", "organisation__name_hy")[:SHOWN])
    return Summary(
        portfolio=portfolio, mission=Mission.objects.filter(portfolio=portfolio).first(),
        challenges=list(portfolio.challenges.only("portfolio_id", "title_hy", "title_en")
                        .order_by("order", "pk")[:SHOWN]),
        interventions=list(portfolio.interventions.select_related("cluster").only(
            "portfolio_id", "title_hy", "title_en", "kind", "status", "cluster__name_hy",
            "cluster__name_en").order_by("status", "title_hy", "pk")[:SHOWN]),
        organisations=[s.organisation.name for s in stakeholders if s.organisation],
        grants=awarded_for_interventions(portfolio, limit=SHOWN))
