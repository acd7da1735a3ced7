"""The learning API: published opportunities (with the catalogue's filters), their
sessions, a signed-in person's own enrolments; the public check of a certificate by its
code (what its public page shows, no more); the coaching reads — a cohort's communities with
their progress (for whoever may see the cohort page) and a community's coaching log (for
whoever may see it), through the pages' own selectors and permissions: 404 for what one may
not see, as for what does not exist."""

from typing import Any

from django.db.models import IntegerField, Value
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.security import django_auth

from hamaynk.communities.models import Country
from hamaynk.core.api import FilterText, Pages, iso
from hamaynk.learning.selectors import catalogue as selectors
from hamaynk.learning.selectors import coaching
from hamaynk.learning.selectors import enrolment as enrolments
from hamaynk.learning.selectors.certificates import certificate_by_code
from hamaynk.learning.services.coaching import today_of

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


class CertificateOut(Schema):
    """What the certificate's public page shows, no more (no person id, no e-mail)."""

    code: str
    status: str
    name: str
    participation: bool
    title_hy: str
    title_en: str
    hours: float | None
    completed_on: str
    issued_by_hy: str = Field(alias="network.name_hy")
    issued_by_en: str = Field(alias="network.name_en")
    community_id: int | None
    community_name_hy: str | None
    community_name_en: str | None
    revoked_on: str | None
    revoked_reason: str

    @staticmethod
    def resolve_status(obj: Any) -> str:
        return "revoked" if obj.is_revoked else "genuine"

    @staticmethod
    def resolve_hours(obj: Any) -> float | None:
        return float(obj.hours) if obj.hours else None

    @staticmethod
    def resolve_completed_on(obj: Any) -> str:
        return obj.completed_on.isoformat()

    @staticmethod
    def resolve_community_name_hy(obj: Any) -> str | None:
        return obj.community.name_hy if obj.community_id else None

    @staticmethod
    def resolve_community_name_en(obj: Any) -> str | None:
        return obj.community.name_en if obj.community_id else None

    @staticmethod
    def resolve_revoked_on(obj: Any) -> str | None:
        return obj.revoked_at.date().isoformat() if obj.revoked_at else None

    @staticmethod
    def resolve_revoked_reason(obj: Any) -> str:
        return obj.revoked_reason if obj.revoked_at else ""


@router.get("/learning/certificates/{code}", response=CertificateOut,
            operation_id="hamaynk_api_learning_certificate")
def certificate(request: HttpRequest, code: str) -> Any:
    """The public check of a certificate by its code (case, spaces and look-alike letters
    forgiven): genuine or revoked (with the date and the reason), and what it certifies."""
    if len(code) > 40 or "\x00" in code:
        raise Http404
    found = certificate_by_code(code)
    if found is None:
        raise Http404
    return found


class CohortMemberOut(Schema):
    id: int
    community_id: int
    community_name_hy: str = Field(alias="community.name_hy")
    community_name_en: str = Field(alias="community.name_en")
    region: str = Field(alias="community.region.code")
    coach: str | None
    team_size: int
    steps_total: int
    steps_done: int
    steps_overdue: int
    open_actions: int
    last_session: str | None

    @staticmethod
    def resolve_coach(obj: Any) -> str | None:
        return obj.coach.get_full_name() if obj.coach_id else None

    @staticmethod
    def resolve_last_session(obj: Any) -> str | None:
        return iso(obj.last_session)


@router.get("/learning/cohorts/{cohort_id}/members", response=list[CohortMemberOut],
            auth=django_auth, operation_id="hamaynk_api_learning_cohort_members")
@paginate(Pages, page_size=50, max_page_size=200)
def cohort_members(request: HttpRequest, cohort_id: int) -> Any:
    """A cohort's communities with their progress on the path, by name: for the cohort's
    network's secretariat and its coaches (the cohort page's readers)."""
    if not 0 < cohort_id < 2**63:
        raise Http404
    cohort = coaching.cohort_for_viewer(pk=cohort_id, user=request.user)
    steps = cohort.steps.count()
    return coaching.cohort_members(cohort=cohort, today=today_of(cohort)).annotate(
        steps_total=Value(steps, output_field=IntegerField()))


class ActionOut(Schema):
    id: int
    text: str
    owner: str
    due_date: str
    done: bool
    carried_over: bool

    @staticmethod
    def resolve_owner(obj: Any) -> str:
        return obj.owner.get_full_name()

    @staticmethod
    def resolve_due_date(obj: Any) -> str:
        return obj.due_date.isoformat()

    @staticmethod
    def resolve_done(obj: Any) -> bool:
        return obj.done_at is not None

    @staticmethod
    def resolve_carried_over(obj: Any) -> bool:
        return obj.carried_over_in_id is not None


class CoachingSessionOut(Schema):
    id: int
    held_on: str
    coach: str | None
    attendees: list[str]
    notes: str
    actions: list[ActionOut]
    carried_over: list[ActionOut]

    @staticmethod
    def resolve_held_on(obj: Any) -> str:
        return obj.held_on.isoformat()

    @staticmethod
    def resolve_coach(obj: Any) -> str | None:
        return obj.coach.get_full_name() if obj.coach_id else None

    @staticmethod
    def resolve_attendees(obj: Any) -> list[str]:
        return [person.get_full_name() for person in obj.attendees.all()]

    @staticmethod
    def resolve_actions(obj: Any) -> list[Any]:
        return list(obj.actions.all())

    @staticmethod
    def resolve_carried_over(obj: Any) -> list[Any]:
        return list(obj.carried_actions.all())


@router.get("/learning/coaching/{member_id}/log", response=list[CoachingSessionOut],
            auth=django_auth, operation_id="hamaynk_api_learning_coaching_log")
@paginate(Pages, page_size=20, max_page_size=100)
def coaching_log(request: HttpRequest, member_id: int) -> Any:
    """A cohort community's coaching log, the latest session first: who came, the notes,
    the actions agreed and carried over. For the secretariat, the community's coach and its
    own people (the log page's readers)."""
    if not 0 < member_id < 2**63:
        raise Http404
    member = coaching.member_for_viewer(pk=member_id, user=request.user)
    return coaching.member_sessions(member)
