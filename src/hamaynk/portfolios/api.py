"""The portfolio API: one portfolio as its page shows it — the mission, challenges,
stakeholders and interventions — for whoever may see the page (its community's people, its
coach, the network's secretariat, the cohort's peers once shared), through the page's own
selector and permission: 404 for what one may not see, as for what does not exist."""

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.security import django_auth

from hamaynk.portfolios.selectors import funding
from hamaynk.portfolios.selectors import portfolio as selectors

router = Router(tags=["portfolios"])


class MissionOut(Schema):
    statement_hy: str
    statement_en: str
    horizon: int
    indicator_hy: str
    unit: str
    baseline: Decimal | None
    target: Decimal
    building_blocks: list[str]


class ChallengeOut(Schema):
    id: int
    title_hy: str
    title_en: str


class StakeholderOut(Schema):
    id: int
    name: str
    organisation_id: int | None
    contact_id: int | None
    role: str
    influence: int
    interest: int

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj)


class InterventionOut(Schema):
    id: int
    title_hy: str
    title_en: str
    kind: str
    status: str
    stop_reason: str
    budget: Decimal | None
    currency: str
    funding: str
    cluster: str | None
    challenges: list[int]
    stakeholders: list[int]
    related: list[int]

    @staticmethod
    def resolve_cluster(obj: Any) -> str | None:
        return obj.cluster.name_hy if obj.cluster_id else None

    @staticmethod
    def resolve_challenges(obj: Any) -> list[int]:
        return [c.pk for c in obj.challenges.all()]

    @staticmethod
    def resolve_stakeholders(obj: Any) -> list[int]:
        return [s.pk for s in obj.stakeholders.all()]

    @staticmethod
    def resolve_related(obj: Any) -> list[int]:
        return [r.pk for r in obj.related.all()]


class PortfolioOut(Schema):
    id: int
    community: str
    network: str
    sharing: str
    mission: MissionOut | None
    challenges: list[ChallengeOut]
    stakeholders: list[StakeholderOut]
    interventions: list[InterventionOut]


@router.get("/portfolios/{portfolio_id}", response=PortfolioOut, auth=django_auth,
            operation_id="hamaynk_api_portfolio")
def portfolio(request: HttpRequest, portfolio_id: int) -> Any:
    """A portfolio with its mission, challenges, stakeholders and interventions."""
    found = selectors.portfolio_for_viewer(pk=portfolio_id, user=request.user)
    page = selectors.portfolio_page(found, with_links=True)
    return {"id": found.pk, "community": found.community.name_hy,
            "network": found.network.slug, "sharing": found.sharing, "mission": page.mission,
            "challenges": page.challenges, "stakeholders": page.stakeholders,
            "interventions": page.interventions}


class GrantOut(Schema):
    call: str
    kind: str
    state: str
    amount: Decimal
    currency: str
    url: str


@router.get("/portfolios/interventions/{intervention_id}/grants", response=list[GrantOut],
            auth=django_auth, operation_id="hamaynk_api_intervention_grants")
def intervention_grants(request: HttpRequest, intervention_id: int) -> Any:
    """The grants that fund an intervention, as its page shows them to the caller (the
    cohort's peers see awarded grants only, without the application's address)."""
    found = selectors.intervention_for_viewer(pk=intervention_id, user=request.user)
    return funding.intervention_grants(found, request.user)
