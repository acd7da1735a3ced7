from typing import Any

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from ninja.security import django_auth

from hamaynk.api.communities import Pages
from hamaynk.api.schemas import FilterText, Slug
from hamaynk.networks import selectors
from hamaynk.networks.models import Network

router = Router(tags=["networks"])


class NetworkOut(Schema):
    slug: str
    short_name: str
    name_hy: str
    name_en: str
    website: str
    member_count: int
    status_on_approval: str
    requires_plan: bool
    plan_due_months: int


class MemberOut(Schema):
    community_id: int
    community_hy: str
    community_en: str
    region: str
    country: str
    status: str
    since: str | None

    @staticmethod
    def resolve_community_id(obj: Any) -> int:
        return obj.community_id

    @staticmethod
    def resolve_community_hy(obj: Any) -> str:
        return obj.community.name_hy

    @staticmethod
    def resolve_community_en(obj: Any) -> str:
        return obj.community.name_en

    @staticmethod
    def resolve_region(obj: Any) -> str:
        return obj.community.region.code

    @staticmethod
    def resolve_country(obj: Any) -> str:
        return obj.community.region.country.code

    @staticmethod
    def resolve_since(obj: Any) -> str | None:
        return obj.since.isoformat() if obj.since else None


class MemberFilters(Schema):
    country: FilterText = ""
    region: FilterText = ""
    status: FilterText = ""


class ApplicationOut(Schema):
    id: int
    network: str
    community_id: int
    community_hy: str
    status: str
    submitted_at: str | None
    review_message: str

    @staticmethod
    def resolve_network(obj: Any) -> str:
        return obj.network.slug

    @staticmethod
    def resolve_community_hy(obj: Any) -> str:
        return obj.community.name_hy

    @staticmethod
    def resolve_submitted_at(obj: Any) -> str | None:
        return obj.submitted_at.isoformat() if obj.submitted_at else None


@router.get("/networks", response=list[NetworkOut])
def networks(request: HttpRequest) -> Any:
    return selectors.networks_with_counts()


@router.get("/networks/{slug}/members", response=list[MemberOut])
@paginate(Pages, page_size=50, max_page_size=200)
def members(request: HttpRequest, slug: Slug, filters: Query[MemberFilters]) -> Any:
    """The network's public member directory (current members, suspended included)."""
    network = Network.objects.filter(slug=slug).first()
    if network is None:
        raise Http404
    return selectors.network_members(network=network, country=filters.country.upper(),
                                     region=filters.region.upper(), status=filters.status)


@router.get("/me/applications", response=list[ApplicationOut], auth=django_auth)
@paginate(Pages, page_size=50, max_page_size=200)
def my_applications(request: HttpRequest) -> Any:
    """The membership applications of the communities the signed-in person acts for."""
    return selectors.my_applications(user=request.user)
