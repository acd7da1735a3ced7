from typing import Annotated, Any

from django.apps import apps
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja import Path as PathEx
from ninja.pagination import PageNumberPagination, paginate

from hamaynk.api.schemas import CommunityOut, CountryOut, FilterText, RegionOut
from hamaynk.communities import selectors
from hamaynk.communities.models import Community, Country, Region

router = Router(tags=["registry"])


class Pages(PageNumberPagination):
    """Page-number pagination with bounds, so an absurd page number is a 422, not a 500."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, le=200)


@router.get("/countries", response=list[CountryOut])
def countries(request: HttpRequest) -> Any:
    return Country.objects.all()


class RegionFilters(Schema):
    country: FilterText | None = None


@router.get("/regions", response=list[RegionOut])
def regions(request: HttpRequest, filters: Query[RegionFilters]) -> Any:
    qs = Region.objects.select_related("country")
    if filters.country:
        qs = qs.filter(country__code=filters.country.upper())
    return qs


class CommunityFilters(Schema):
    country: FilterText | None = None
    region: FilterText | None = None
    network: FilterText | None = None
    q: FilterText = ""


@router.get("/communities", response=list[CommunityOut])
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
        network = apps.get_model("networks", "Network").objects.filter(
            slug=filters.network).first()
    if (filters.country and not country) or (filters.region and not region) or \
            (filters.network and not network):
        return Community.objects.none()
    return selectors.community_directory(country=country, region=region, network=network,
                                         query=filters.q)


@router.get("/communities/{community_id}", response=CommunityOut)
def community(request: HttpRequest,
              community_id: Annotated[int, PathEx(ge=1, le=2**63 - 1)]) -> Any:
    return selectors.community_for_viewer(pk=community_id, user=request.user)
