from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate
from ninja.security import django_auth

from hamaynk.api.communities import Pages
from hamaynk.grants import selectors

router = Router(tags=["grants"])


class CallOut(Schema):
    slug: str
    network: str
    kind: str
    status: str
    title_hy: str
    title_en: str
    currency: str
    envelope: Decimal
    min_award: Decimal
    max_award: Decimal
    opens_at: str
    closes_at: str

    @staticmethod
    def resolve_network(obj: Any) -> str:
        return obj.network.slug

    @staticmethod
    def resolve_opens_at(obj: Any) -> str:
        return obj.opens_at.isoformat()

    @staticmethod
    def resolve_closes_at(obj: Any) -> str:
        return obj.closes_at.isoformat()


class AwardOut(Schema):
    id: int
    call: str
    community_id: int
    community_hy: str
    community_en: str
    title: str
    amount: Decimal
    currency: str
    awarded_at: str

    @staticmethod
    def resolve_call(obj: Any) -> str:
        return obj.call.slug

    @staticmethod
    def resolve_community_hy(obj: Any) -> str:
        return obj.community.name_hy

    @staticmethod
    def resolve_community_en(obj: Any) -> str:
        return obj.community.name_en

    @staticmethod
    def resolve_title(obj: Any) -> str:
        return obj.application.title

    @staticmethod
    def resolve_awarded_at(obj: Any) -> str:
        return obj.awarded_at.isoformat()


class MyApplicationOut(Schema):
    id: int
    call: str
    community_id: int
    title: str
    status: str
    amount_requested: Decimal
    submitted_at: str | None

    @staticmethod
    def resolve_call(obj: Any) -> str:
        return obj.call.slug

    @staticmethod
    def resolve_submitted_at(obj: Any) -> str | None:
        return obj.submitted_at.isoformat() if obj.submitted_at else None


@router.get("/calls", response=list[CallOut])
@paginate(Pages, page_size=50, max_page_size=200)
def calls(request: HttpRequest) -> Any:
    """Announced, open, closed and decided calls for proposals."""
    return selectors.public_calls()


@router.get("/awards", response=list[AwardOut])
@paginate(Pages, page_size=50, max_page_size=200)
def awards(request: HttpRequest) -> Any:
    """Awarded grants (also as 360Giving open data at /grants/awards/360giving.json)."""
    return selectors.public_awards()


@router.get("/me/grant-applications", response=list[MyApplicationOut], auth=django_auth)
@paginate(Pages, page_size=50, max_page_size=200)
def my_grant_applications(request: HttpRequest) -> Any:
    return selectors.my_grant_applications(user=request.user)
