"""The registry's API: countries and regions. (Communities, which the API shows with their
networks, are `networks.api`'s.)"""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from hamaynk.communities.models import Country, Region
from hamaynk.core.api import FilterText

# Operation ids are the ones the API published when its routers lived in `hamaynk.api`
# (a client generated from the document keeps its method names).
router = Router(tags=["registry"])


class CountryOut(Schema):
    code: str
    name_hy: str
    name_en: str


class RegionOut(Schema):
    code: str
    country: str = Field(alias="country.code")
    kind: str
    name_hy: str
    name_en: str
    genitive_hy: str


@router.get("/countries", response=list[CountryOut],
             operation_id="hamaynk_api_communities_countries")
def countries(request: HttpRequest) -> Any:
    return Country.objects.all()


class RegionFilters(Schema):
    country: FilterText | None = None


@router.get("/regions", response=list[RegionOut],
             operation_id="hamaynk_api_communities_regions")
def regions(request: HttpRequest, filters: Query[RegionFilters]) -> Any:
    qs = Region.objects.select_related("country")
    if filters.country:
        qs = qs.filter(country__code=filters.country.upper())
    return qs
