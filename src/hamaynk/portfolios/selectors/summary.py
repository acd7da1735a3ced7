"""The public face of a portfolio its head has published: the list of published portfolios
and one portfolio's summary — its mission, the challenges' titles, the interventions by
status, the organisations it works with (never a person's name) and the grants awarded for
its interventions. Evidence, risks, the workplan, sessions and comments stay inside."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page
from django.db.models import QuerySet

from hamaynk.core.pagination import paginate
from hamaynk.grants.models import Application
from hamaynk.portfolios.models import (
    Challenge,
    GrantLink,
    Intervention,
    Mission,
    Portfolio,
    Stakeholder,
)

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
class PublicGrant:
    intervention: str
    call: str
    kind: str
    amount: Any
    currency: str


@dataclass
class Summary:
    portfolio: Portfolio
    mission: Mission | None
    challenges: list[Challenge]
    interventions: list[Intervention]
    organisations: list[str]
    grants: list[PublicGrant]


def summary(portfolio: Portfolio) -> Summary:
    """What the public summary shows, in a fixed number of queries."""
    stakeholders = (Stakeholder.objects.filter(portfolio=portfolio, organisation__isnull=False)
                    .select_related("organisation")
                    .only("portfolio_id", "organisation__name_hy", "organisation__name_en")
                    .order_by("-influence", "organisation__name_hy")[:SHOWN])
    links = (GrantLink.objects.filter(intervention__portfolio=portfolio,
                                      application__status=Application.Status.AWARDED)
             .select_related("intervention", "application__call", "application__grant")
             .order_by("-application__grant__awarded_at")[:SHOWN])
    return Summary(
        portfolio=portfolio, mission=Mission.objects.filter(portfolio=portfolio).first(),
        challenges=list(portfolio.challenges.only("portfolio_id", "title_hy", "title_en")
                        .order_by("order", "pk")[:SHOWN]),
        interventions=list(portfolio.interventions.select_related("cluster").only(
            "portfolio_id", "title_hy", "title_en", "kind", "status", "cluster__name_hy",
            "cluster__name_en").order_by("status", "title_hy", "pk")[:SHOWN]),
        organisations=[s.organisation.name for s in stakeholders if s.organisation],
        grants=[PublicGrant(intervention=link.intervention.title,
                            call=link.application.call.title,
                            kind=link.application.call.get_kind_display(),
                            amount=link.application.grant.amount,
                            currency=link.application.grant.currency)
                for link in links if getattr(link.application, "grant", None)])
