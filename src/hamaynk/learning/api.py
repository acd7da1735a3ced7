"""The learning catalogue's API: published opportunities (with the catalogue's filters),
their sessions, and a signed-in person's own enrolments."""

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.security import django_auth

from hamaynk.communities.models import Country
from hamaynk.core.api import FilterText, Pages, iso
from hamaynk.learning.selectors import catalogue as selectors
from hamaynk.learning.selectors import enrolment as enrolments

router = Router(tags=["learning"])


class OpportunityOut(Schema):
    id: int
    network: str = Field(alias="network.slug")
    kind: str
    format: str
    status: str
    title_hy: str
    title_en: str
    description_hy: str
    description_en: str
    languages: list[str]
    audience: list[str]
    topics: list[str]
    hours: float | None
    next_start: str | None

    @staticmethod
    def resolve_languages(obj: Any) -> list[str]:
        return [code for code in obj.languages.split(",") if code]

    @staticmethod
    def resolve_audience(obj: Any) -> list[str]:
        return [code for code in obj.audience.split(",") if code]

    @staticmethod
    def resolve_topics(obj: Any) -> list[str]:
        return [topic.slug for topic in obj.topics.all()]

    @staticmethod
    def resolve_hours(obj: Any) -> float | None:
        return float(obj.hours) if obj.hours is not None else None

    @staticmethod
    def resolve_next_start(obj: Any) -> str | None:  # computed: the moment as ISO text
        return iso(getattr(obj, "next_start", None))


class SessionOut(Schema):
    id: int
    label_hy: str
    label_en: str
    country: str | None
    place_hy: str
    place_en: str
    online: bool
    time_zone: str
    starts_at: str
    ends_at: str
    capacity: int
    community_quota: int | None
    country_quota: int | None
    confirmed: int
    waitlisted: int
    enrolment_deadline: str
    needs_approval: bool

    @staticmethod
    def resolve_country(obj: Any) -> str | None:
        return obj.country.code if obj.country_id else None

    @staticmethod
    def resolve_online(obj: Any) -> bool:
        return bool(obj.online_url)

    @staticmethod
    def resolve_starts_at(obj: Any) -> str:
        return obj.starts_at.isoformat()

    @staticmethod
    def resolve_ends_at(obj: Any) -> str:
        return obj.ends_at.isoformat()

    @staticmethod
    def resolve_enrolment_deadline(obj: Any) -> str:
        return obj.enrolment_deadline.isoformat()


class MyEnrolmentOut(Schema):
    id: int
    session: int = Field(alias="session_id")
    opportunity: int = Field(alias="session.opportunity_id")
    title_hy: str = Field(alias="session.opportunity.title_hy")
    title_en: str = Field(alias="session.opportunity.title_en")
    community_id: int
    status: str
    starts_at: str

    @staticmethod
    def resolve_starts_at(obj: Any) -> str:
        return obj.session.starts_at.isoformat()


class CatalogueQuery(Schema):
    topic: FilterText = ""
    format: FilterText = ""
    language: FilterText = ""
    month: FilterText = ""
    country: FilterText = ""


@router.get("/learning/opportunities", response=list[OpportunityOut],
            operation_id="hamaynk_api_learning_opportunities")
@paginate(Pages, page_size=50, max_page_size=200)
def opportunities(request: HttpRequest, filters: Query[CatalogueQuery]) -> Any:
    """The public catalogue: published learning opportunities, newest first (the
    catalogue's filters; an unknown value is no filter)."""
    parsed = selectors.CatalogueFilters.parse(
        filters.dict(), topics=[t.slug for t in selectors.topic_choices()],
        countries=list(Country.objects.values_list("code", flat=True)))
    return selectors.public_opportunities(filters=parsed)


@router.get("/learning/opportunities/{opportunity_id}/sessions", response=list[SessionOut],
            operation_id="hamaynk_api_learning_sessions")
@paginate(Pages, page_size=50, max_page_size=200)
def sessions(request: HttpRequest, opportunity_id: int) -> Any:
    if not 0 < opportunity_id < 2**63:
        raise Http404
    opportunity = selectors.opportunity_for_viewer(pk=opportunity_id, user=request.user)
    return selectors.sessions_of(opportunity=opportunity)


@router.get("/me/enrolments", response=list[MyEnrolmentOut], auth=django_auth,
            operation_id="hamaynk_api_learning_my_enrolments")
@paginate(Pages, page_size=50, max_page_size=200)
def my_enrolments(request: HttpRequest) -> Any:
    """The signed-in person's own enrolments (whoever made them), the latest first."""
    return enrolments.my_enrolments(user=request.user)
