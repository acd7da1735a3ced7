from typing import Annotated, Any

from ninja import Schema
from pydantic import AfterValidator, StringConstraints

from hamaynk.core.parsing import has_nul


class CountryOut(Schema):
    code: str
    name_hy: str
    name_en: str


class RegionOut(Schema):
    code: str
    country: str
    kind: str
    name_hy: str
    name_en: str
    genitive_hy: str

    @staticmethod
    def resolve_country(obj: Any) -> str:
        return obj.country.code


class MembershipOut(Schema):
    network: str
    status: str
    since: str | None

    @staticmethod
    def resolve_network(obj: Any) -> str:
        return obj.network.slug

    @staticmethod
    def resolve_since(obj: Any) -> str | None:
        return obj.since.isoformat() if obj.since else None


class CommunityOut(Schema):
    id: int
    name_hy: str
    name_en: str
    region: str
    country: str
    population: int | None
    website: str
    official_code: str
    is_verified: bool
    networks: list[MembershipOut]
    url: str

    @staticmethod
    def resolve_region(obj: Any) -> str:
        return obj.region.code

    @staticmethod
    def resolve_country(obj: Any) -> str:
        return obj.region.country.code

    @staticmethod
    def resolve_networks(obj: Any) -> list[Any]:
        return list(obj.memberships.all())

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return obj.get_absolute_url()


def _no_nul(value: str) -> str:
    if has_nul(value):
        raise ValueError("Null characters are not allowed.")
    return value


# Every free-text query value of the API: bounded, and never a NUL character (PostgreSQL
# refuses it in a query, which would be a 500): a 422 with the reason instead.
FilterText = Annotated[str, StringConstraints(max_length=200), AfterValidator(_no_nul)]
Slug = Annotated[str, StringConstraints(pattern=r"^[-a-zA-Z0-9_]{1,50}$")]
