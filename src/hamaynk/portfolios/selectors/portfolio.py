"""Portfolio reads: one portfolio for a viewer who may see it (else a 404), with its parts;
the index of the portfolios a viewer follows; the registry's matches for a stakeholder; the
influence / interest grid."""

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.core.paginator import Page
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from hamaynk.accounts.permissions import network_ids_served, verified_community_ids
from hamaynk.communities.models import Contact, Organisation
from hamaynk.core.lookups import one
from hamaynk.core.pagination import paginate
from hamaynk.learning.models import CohortMember
from hamaynk.portfolios.models import (
    Challenge,
    Cluster,
    Evidence,
    Intervention,
    Mission,
    Portfolio,
    SensemakingSession,
    Stakeholder,
)


def portfolio_for_viewer(*, pk: int, user: Any, perm: str = "portfolios.view_portfolio"
                         ) -> Portfolio:
    """A portfolio the viewer may see (or do `perm` on); anything else is a 404."""
    portfolio = one(Portfolio.objects.select_related(
        "community__region", "network", "member__cohort", "member__coach").filter(pk=pk))
    if portfolio is None or not user.has_perm(perm, portfolio):
        raise Http404
    return portfolio


SESSIONS_SHOWN = 5


class PortfolioPage:
    """Everything the portfolio page shows, each part read (in one query or two) when first
    asked for: a cached section of the page asks nothing, so its rows are never read.
    `with_links`: the interventions with what they address, involve and relate to (the
    API's; the page does not list them)."""

    def __init__(self, portfolio: Portfolio, *, with_links: bool = False) -> None:
        self.portfolio = portfolio
        self.with_links = with_links

    @cached_property
    def mission(self) -> Mission | None:
        return Mission.objects.filter(portfolio=self.portfolio).first()

    @cached_property
    def challenges(self) -> list[Challenge]:
        return list(self.portfolio.challenges.prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.select_related("file"))))

    @cached_property
    def stakeholders(self) -> list[Stakeholder]:
        return list(self.portfolio.stakeholders.select_related(
            "organisation", "contact__organisation"))

    @cached_property
    def clusters(self) -> list[Cluster]:
        return list(self.portfolio.clusters.all())

    @cached_property
    def interventions(self) -> list[Intervention]:
        found = self.portfolio.interventions.select_related("cluster")
        if self.with_links:
            return list(found.prefetch_related("challenges", "stakeholders", "related"))
        return list(found.only(  # the page's table: what its columns show
            "portfolio_id", "title_hy", "title_en", "kind", "status", "budget", "currency",
            "cluster__name_hy", "cluster__name_en"))

    @cached_property
    def sessions(self) -> list[SensemakingSession]:
        return list(self.portfolio.sessions.all()[:SESSIONS_SHOWN])


def portfolio_page(portfolio: Portfolio, *, with_links: bool = False) -> PortfolioPage:
    """The portfolio page's parts (`PortfolioPage`), in a fixed number of queries."""
    return PortfolioPage(portfolio, with_links=with_links)


def intervention_for_viewer(*, pk: int, user: Any) -> Intervention:
    intervention = one(Intervention.objects.select_related(
        "portfolio__community", "portfolio__member__cohort", "portfolio__member__coach",
        "cluster").filter(pk=pk))
    if intervention is None or not user.has_perm("portfolios.view_portfolio", intervention):
        raise Http404
    return intervention


def session_for_viewer(*, pk: int, user: Any) -> SensemakingSession:
    session = one(SensemakingSession.objects.select_related(
        "portfolio__community", "portfolio__member__cohort", "portfolio__member__coach",
        "coach").filter(pk=pk))
    if session is None or not user.has_perm("portfolios.view_portfolio", session):
        raise Http404
    return session


# --- the index: the portfolios a viewer follows, and the cohort communities without one ----

GROUP_LIMIT = 50  # a person acts for, or coaches, a handful of communities: a bound, not a page


@dataclass
class PortfolioIndex:
    mine: list[CohortMember]  # the communities I act for (head or staff)
    coached: list[CohortMember]  # the communities I coach
    shared: list[Portfolio]  # the cohort's other portfolios shared with my community
    network: Page | None  # the secretariat's: its networks' cohort communities, paginated


def _members() -> QuerySet[CohortMember]:
    return (CohortMember.objects.select_related("cohort__network", "community__region",
                                                "portfolio", "coach")
            .order_by("cohort__network__short_name", "cohort__name_hy", "community__name_hy",
                      "pk"))


def portfolio_index(*, user: Any, page: Any = None) -> PortfolioIndex:
    """Every cohort community the viewer follows, with its portfolio or none yet, grouped
    by why they see it; each group bounded, the secretariat's paginated."""
    mine_ids = verified_community_ids(user)
    served = network_ids_served(user)
    mine = list(_members().filter(community_id__in=mine_ids)[:GROUP_LIMIT]) if mine_ids else []
    coached = list(_members().filter(coach_id=user.pk).exclude(
        community_id__in=mine_ids)[:GROUP_LIMIT])
    shared: list[Portfolio] = []
    if mine_ids:
        shared = list(Portfolio.objects.select_related("community__region", "member__cohort")
                      .filter(member__cohort__members__community_id__in=mine_ids)
                      .exclude(sharing=Portfolio.Sharing.PRIVATE)
                      .exclude(community_id__in=mine_ids).distinct()
                      .order_by("community__name_hy", "pk")[:GROUP_LIMIT])
    network = (paginate(_members().filter(cohort__network_id__in=served), page)
               if served else None)
    return PortfolioIndex(mine=mine, coached=coached, shared=shared, network=network)


def member_for_starting(*, pk: int | None, user: Any) -> CohortMember:
    """A cohort community whose portfolio the viewer may start (else a 404)."""
    member = one(CohortMember.objects.select_related("cohort").filter(pk=pk or 0))
    if member is None or not user.has_perm("portfolios.start_portfolio", member):
        raise Http404
    return member


# --- the parts a community edits ------------------------------------------------------------

def challenge_for_editor(*, pk: int | None, user: Any) -> Challenge:
    challenge = one(Challenge.objects.select_related(
        "portfolio__community", "portfolio__member__cohort").prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.select_related("file")))
        .filter(pk=pk or 0))
    if challenge is None or not user.has_perm("portfolios.edit_portfolio", challenge):
        raise Http404
    return challenge


def stakeholder_for_editor(*, pk: int | None, user: Any) -> Stakeholder:
    stakeholder = one(Stakeholder.objects.select_related(
        "portfolio__community", "portfolio__member__cohort", "organisation",
        "contact__organisation").filter(pk=pk or 0))
    if stakeholder is None or not user.has_perm("portfolios.edit_portfolio", stakeholder):
        raise Http404
    return stakeholder


REGISTRY_PAGE = 10


@dataclass
class RegistryMatches:
    query: str
    organisations: Page
    people: Page


def registry_search(*, query: str, organisations_page: Any = None, people_page: Any = None
                    ) -> RegistryMatches:
    """Organisations (by their Armenian or English name) and people (by name) of the shared
    registry that match the words typed, ten at a time each."""
    query = " ".join(query.split())[:100]
    organisations = Organisation.objects.none()
    people = Contact.objects.none()
    if query:
        organisations = Organisation.objects.select_related("country").filter(
            Q(name_hy__icontains=query) | Q(name_en__icontains=query)).order_by(
            "name_hy", "name_en", "pk")
        people = Contact.objects.select_related("organisation").filter(
            full_name__icontains=query).order_by("full_name", "pk")
    return RegistryMatches(query=query,
                           organisations=paginate(organisations, organisations_page,
                                                  REGISTRY_PAGE),
                           people=paginate(people, people_page, REGISTRY_PAGE))


def stakeholder_organisations(portfolio: Portfolio) -> QuerySet[Organisation]:
    """The organisations the portfolio names as stakeholders: where a new person may work."""
    return Organisation.objects.filter(
        pk__in=portfolio.stakeholders.filter(organisation__isnull=False)
        .values("organisation_id")).order_by("name_hy", "name_en", "pk")


# --- the influence / interest grid -----------------------------------------------------------

@dataclass
class GridDot:
    number: int
    name: str
    short: str
    influence: int
    interest: int
    x: int
    y: int


GRID_CELL = 96
GRID_MARGIN = 48
GRID_PER_CELL = 4  # dots drawn in one cell; the others are counted ("+2")


def stakeholder_grid(stakeholders: list[Stakeholder], *, narrow: bool = False
                     ) -> tuple[list[GridDot], list[dict[str, int]]]:
    """Where each stakeholder's dot goes on the 5 × 5 grid (interest across, influence up),
    numbered as in the table, stacked within a cell; and the cells with more than fit.
    `narrow` (a phone): larger dots two by two, numbers only (the table names them)."""
    dots, overflow, seen = [], [], Counter[tuple[int, int]]()
    for number, s in enumerate(stakeholders, start=1):
        cell = (s.interest, s.influence)
        seen[cell] += 1
        if seen[cell] > GRID_PER_CELL:
            continue
        name = str(s.contact.full_name if s.contact else s.organisation)
        left = GRID_MARGIN + (s.interest - 1) * GRID_CELL
        top = GRID_MARGIN + (5 - s.influence) * GRID_CELL
        if narrow:
            x = left + 26 + ((seen[cell] - 1) % 2) * 44
            y = top + 26 + ((seen[cell] - 1) // 2) * 44
        else:
            x, y = left + 12, top + 14 + (seen[cell] - 1) * 22
        dots.append(GridDot(number=number, name=name,
                            short=name if len(name) <= 10 else name[:9] + "…",
                            influence=s.influence, interest=s.interest, x=x, y=y))
    for (interest, influence), count in seen.items():
        if count > GRID_PER_CELL:
            overflow.append({"more": count - GRID_PER_CELL,
                             "x": GRID_MARGIN + interest * GRID_CELL - 8,
                             "y": GRID_MARGIN + (6 - influence) * GRID_CELL - 8})
    return dots, overflow


def portfolio_stakeholders(portfolio: Portfolio) -> list[Stakeholder]:
    """The stakeholders in the page's order (the grid numbers them as the table does)."""
    return list(portfolio.stakeholders.select_related("organisation", "contact__organisation"))


def mission_of(portfolio: Portfolio) -> Mission | None:
    return Mission.objects.filter(portfolio=portfolio).first()


@dataclass
class RegistryChoice:
    organisation: Organisation | None
    contact: Contact | None

    def __str__(self) -> str:
        return str(self.contact or self.organisation)


def registry_choice(*, organisation: int | None, contact: int | None) -> RegistryChoice | None:
    """The organisation or person chosen in the registry (a person wins); None when none is
    chosen; a 404 when the chosen one is not there."""
    if contact is not None:
        person = one(Contact.objects.select_related("organisation").filter(pk=contact))
        if person is None:
            raise Http404
        return RegistryChoice(organisation=None, contact=person)
    if organisation is not None:
        found = one(Organisation.objects.filter(pk=organisation))
        if found is None:
            raise Http404
        return RegistryChoice(organisation=found, contact=None)
    return None
