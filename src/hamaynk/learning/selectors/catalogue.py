"""The catalogue's reads: the public list with its filters, an opportunity and its
sessions, a network's own list for its secretariat, and the hook for recommendations."""

import datetime
import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from hamaynk.communities.models import Community
from hamaynk.core.lookups import one
from hamaynk.learning.models import Enrolment, Material, Opportunity, Session, Topic
from hamaynk.learning.models.catalogue import LANGUAGE_CHOICES
from hamaynk.networks.models import Network

E = Enrolment.Status
MONTH = re.compile(r"^(20[2-9]\d)-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class CatalogueFilters:
    """The catalogue's filters as parsed: an unknown value is no filter (never a 500)."""

    topic: str = ""
    format: str = ""
    language: str = ""
    month: str = ""  # YYYY-MM, in the viewer's zone
    country: str = ""  # ISO code of a session's country

    @classmethod
    def parse(cls, data: Any, *, topics: list[str], countries: list[str]) -> "CatalogueFilters":
        def pick(name: str, allowed: list[str]) -> str:
            value = str(data.get(name) or "")
            return value if value in allowed else ""

        month = str(data.get("month") or "")
        return cls(topic=pick("topic", topics),
                   format=pick("format", list(Opportunity.Format.values)),
                   language=pick("language", [c for c, _label in LANGUAGE_CHOICES]),
                   month=month if MONTH.match(month) else "",
                   country=pick("country", countries))

    def key(self) -> tuple[str, ...]:
        return (self.topic, self.format, self.language, self.month, self.country)


def month_bounds(month: str) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of a month and of the next, in the active (viewer's) zone."""
    year, number = (int(part) for part in month.split("-"))
    zone = timezone.get_current_timezone()
    start = datetime.datetime(year, number, 1, tzinfo=zone)
    end = datetime.datetime(year + number // 12, number % 12 + 1, 1, tzinfo=zone)
    return start, end


def topic_choices() -> list[Topic]:
    return list(Topic.objects.order_by("order", "slug"))


def _next_start() -> Subquery:
    return Subquery(Session.objects.filter(opportunity=OuterRef("pk"),
                                           starts_at__gte=timezone.now())
                    .order_by("starts_at").values("starts_at")[:1])


def public_opportunities(*, filters: CatalogueFilters | None = None) -> QuerySet[Opportunity]:
    """Published opportunities, newest first, each with its next session's start."""
    filters = filters or CatalogueFilters()
    qs = (Opportunity.objects.filter(status=Opportunity.Status.PUBLISHED)
          .select_related("network").prefetch_related("topics")
          .annotate(next_start=_next_start()).order_by("-published_at", "-pk"))
    if filters.topic:
        qs = qs.filter(topics__slug=filters.topic)
    if filters.format:
        qs = qs.filter(format=filters.format)
    if filters.language:
        qs = qs.filter(languages__contains=filters.language)
    sessions = Session.objects.filter(opportunity=OuterRef("pk"))
    if filters.month:
        start, end = month_bounds(filters.month)
        sessions = sessions.filter(starts_at__gte=start, starts_at__lt=end)
    if filters.country:
        sessions = sessions.filter(country__code=filters.country)
    if filters.month or filters.country:
        qs = qs.filter(Exists(sessions))
    return qs


def opportunity_for_viewer(*, pk: int, user: Any) -> Opportunity:
    """A published opportunity, or any of the network's for its secretariat; else 404."""
    opportunity = one(Opportunity.objects.select_related("network")
                      .prefetch_related("topics").filter(pk=pk))
    if opportunity is None or not user.has_perm("learning.view_opportunity", opportunity):
        raise Http404
    return opportunity


def opportunity_for_manager(*, pk: int, user: Any) -> Opportunity:
    opportunity = one(Opportunity.objects.select_related("network").filter(pk=pk))
    if opportunity is None or not user.has_perm("learning.manage_catalogue", opportunity):
        raise Http404
    return opportunity


def _seats(status: str) -> Coalesce:
    """How many of the session's enrolments have `status`: counted in the (session, status)
    index, row by row (a join would carry every enrolment through the query first)."""
    return Coalesce(Subquery(
        Enrolment.objects.filter(session=OuterRef("pk"), status=status).order_by()
        .values("session").annotate(n=Count("pk")).values("n"),
        output_field=IntegerField()), 0)


def with_seats(qs: QuerySet[Session]) -> QuerySet[Session]:
    """Sessions with their confirmed, waiting and awaiting-approval counts."""
    return qs.annotate(confirmed=_seats(E.CONFIRMED), waitlisted=_seats(E.WAITLISTED),
                       requested=_seats(E.REQUESTED))


def sessions_of(*, opportunity: Opportunity) -> QuerySet[Session]:
    return with_seats(opportunity.sessions.select_related("country")).order_by("starts_at", "pk")


def materials_of(*, opportunity: Opportunity) -> QuerySet[Material]:
    return opportunity.materials.select_related("file").order_by("pk")


def session_for_viewer(*, pk: int, user: Any) -> Session:
    session = one(with_seats(Session.objects.select_related("opportunity__network", "country")
                             .filter(pk=pk)))
    if session is None or not user.has_perm("learning.view_opportunity", session.opportunity):
        raise Http404
    return session


def session_for_manager(*, pk: int, user: Any, seats: bool = True) -> Session:
    """A session its organiser manages (else a 404); `seats`: with its seat counts (the
    attendance sheet counts its own)."""
    found = Session.objects.select_related("opportunity__network", "country").filter(pk=pk)
    session = one(with_seats(found) if seats else found)
    if session is None or not user.has_perm("learning.manage_catalogue", session):
        raise Http404
    return session


def network_opportunities(*, network: Network, user: Any) -> QuerySet[Opportunity]:
    """Every opportunity of the network, drafts and archived included (its secretariat's)."""
    if not user.has_perm("learning.manage_catalogue", network):
        raise Http404
    return (Opportunity.objects.filter(network=network)
            .annotate(session_count=Count("sessions", distinct=True),
                      next_start=_next_start())
            .order_by("status", "-updated_at", "-pk"))


def recommended_for(*, community: Community) -> QuerySet[Opportunity]:
    """Opportunities recommended to a community from its needs assessment. The hook only:
    capacity needs are not assessed yet, so nothing is recommended (the capacity module
    will match a community's needs to the opportunities' topics here)."""
    return Opportunity.objects.none()



def networks_managed(*, user: Any) -> list[Network]:
    """The networks whose catalogue the viewer manages (their secretariat's)."""
    from hamaynk.accounts.permissions import network_ids_served

    if getattr(user, "is_superuser", False) and user.is_active:
        return list(Network.objects.order_by("slug"))
    served = network_ids_served(user)
    return list(Network.objects.filter(pk__in=served).order_by("slug")) if served else []
