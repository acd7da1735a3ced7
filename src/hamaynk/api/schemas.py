from typing import Any

from ninja import Schema


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
