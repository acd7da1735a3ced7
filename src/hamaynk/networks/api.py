"""The networks' API, and the registry's communities with their networks (the directory's
reads live here: `networks.selectors.community_directory`)."""

from typing import Annotated, Any

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja import Path as PathEx
from ninja.pagination import paginate
from ninja.security import django_auth

from hamaynk.communities.models import Community, Country, Region
from hamaynk.core.api import FilterText, Pages, Slug, iso
from hamaynk.networks import selectors

# Operation ids are the ones the API published when its routers lived in `hamaynk.api`
# (a client generated from the document keeps its method names).
router = Router(tags=["networks"])


class MembershipOut(Schema):
    network: str = Field(alias="network.slug")
    status: str
    since: str | None

    @staticmethod
    def resolve_since(obj: Any) -> str | None:  # computed: the date as ISO text
        return iso(obj.since)


class CommunityOut(Schema):
    id: int
    name_hy: str
    name_en: str
    region: str = Field(alias="region.code")
    country: str = Field(alias="region.country.code")
    population: int | None
    website: str
    official_code: str
    is_verified: bool
    networks: list[MembershipOut] = Field(alias="memberships")
    url: str = Field(alias="get_absolute_url")


class CommunityFilters(Schema):
    country: FilterText | None = None
    region: FilterText | None = None
    network: FilterText | None = None
    q: FilterText = ""


@router.get("/communities", response=list[CommunityOut], tags=["registry"],
             operation_id="hamaynk_api_communities_communities")
@paginate(Pages, page_size=50, max_page_size=200)
def communities(request: HttpRequest, filters: Query[CommunityFilters]) -> Any:
    """Verified, current communities; filter by country, region (ISO 3166-2), network slug
    and name (either script). An unknown filter value gives an empty list."""
    country = region = network = None
    if filters.country:
        country = Country.objects.filter(code=filters.country.upper()).first()
    if filters.region:
        region = Region.objects.filter(code=filters.region.upper()).first()
    if filters.network:
        network = selectors.network_by_slug_or_none(filters.network)
    if (filters.country and not country) or (filters.region and not region) or \
            (filters.network and not network):
        return Community.objects.none()
    return selectors.community_directory(country=country, region=region, network=network,
                                         query=filters.q)


@router.get("/communities/{community_id}", response=CommunityOut, tags=["registry"],
             operation_id="hamaynk_api_communities_community")
def community(request: HttpRequest,
              community_id: Annotated[int, PathEx(ge=1, le=2**63 - 1)]) -> Any:
    return selectors.community_profile(pk=community_id, user=request.user)


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
    community_hy: str = Field(alias="community.name_hy")
    community_en: str = Field(alias="community.name_en")
    region: str = Field(alias="community.region.code")
    country: str = Field(alias="community.region.country.code")
    status: str
    since: str | None

    @staticmethod
    def resolve_since(obj: Any) -> str | None:  # computed: the date as ISO text
        return iso(obj.since)


class MemberFilters(Schema):
    country: FilterText = ""
    region: FilterText = ""
    status: FilterText = ""


class ApplicationOut(Schema):
    id: int
    network: str = Field(alias="network.slug")
    community_id: int
    community_hy: str = Field(alias="community.name_hy")
    status: str
    submitted_at: str | None
    review_message: str

    @staticmethod
    def resolve_submitted_at(obj: Any) -> str | None:  # computed: the moment as ISO text
        return iso(obj.submitted_at)


@router.get("/networks", response=list[NetworkOut],
             operation_id="hamaynk_api_networks_networks")
def networks(request: HttpRequest) -> Any:
    return selectors.networks_with_counts()


@router.get("/networks/{slug}/members", response=list[MemberOut],
             operation_id="hamaynk_api_networks_members")
@paginate(Pages, page_size=50, max_page_size=200)
def members(request: HttpRequest, slug: Slug, filters: Query[MemberFilters]) -> Any:
    """The network's public member directory (current members, suspended included)."""
    network = selectors.network_by_slug_or_none(slug)
    if network is None:
        raise Http404
    return selectors.network_members(network=network, country=filters.country.upper(),
                                     region=filters.region.upper(), status=filters.status)


@router.get("/me/applications", response=list[ApplicationOut], auth=django_auth,
             operation_id="hamaynk_api_networks_my_applications")
@paginate(Pages, page_size=50, max_page_size=200)
def my_applications(request: HttpRequest) -> Any:
    """The membership applications of the communities the signed-in person acts for."""
    return selectors.my_applications(user=request.user)
