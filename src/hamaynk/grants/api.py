"""The grants' API: public calls and awards, a signed-in person's own applications."""

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate
from ninja.security import django_auth

from hamaynk.core.api import Pages, iso
from hamaynk.grants import selectors

# Operation ids are the ones the API published when its routers lived in `hamaynk.api`
# (a client generated from the document keeps its method names).
router = Router(tags=["grants"])


class CallOut(Schema):
    slug: str
    network: str = Field(alias="network.slug")
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
    def resolve_opens_at(obj: Any) -> str:  # computed: the moment as ISO text
        return obj.opens_at.isoformat()

    @staticmethod
    def resolve_closes_at(obj: Any) -> str:  # computed: the moment as ISO text
        return obj.closes_at.isoformat()


class AwardOut(Schema):
    id: int
    call: str = Field(alias="call.slug")
    community_id: int
    community_hy: str = Field(alias="community.name_hy")
    community_en: str = Field(alias="community.name_en")
    title: str = Field(alias="application.title")
    amount: Decimal
    currency: str
    awarded_at: str

    @staticmethod
    def resolve_awarded_at(obj: Any) -> str:  # computed: the moment as ISO text
        return obj.awarded_at.isoformat()


class MyApplicationOut(Schema):
    id: int
    call: str = Field(alias="call.slug")
    community_id: int
    title: str
    status: str
    amount_requested: Decimal
    submitted_at: str | None

    @staticmethod
    def resolve_submitted_at(obj: Any) -> str | None:  # computed: the moment as ISO text
        return iso(obj.submitted_at)


@router.get("/calls", response=list[CallOut],
             operation_id="hamaynk_api_grants_calls")
@paginate(Pages, page_size=50, max_page_size=200)
def calls(request: HttpRequest) -> Any:
    """Announced, open, closed and decided calls for proposals."""
    return selectors.public_calls()


@router.get("/awards", response=list[AwardOut],
             operation_id="hamaynk_api_grants_awards")
@paginate(Pages, page_size=50, max_page_size=200)
def awards(request: HttpRequest) -> Any:
    """Awarded grants (also as 360Giving open data at /grants/awards/360giving.json)."""
    return selectors.public_awards()


@router.get("/me/grant-applications", response=list[MyApplicationOut], auth=django_auth,
             operation_id="hamaynk_api_grants_my_grant_applications")
@paginate(Pages, page_size=50, max_page_size=200)
def my_grant_applications(request: HttpRequest) -> Any:
    return selectors.my_grant_applications(user=request.user)
