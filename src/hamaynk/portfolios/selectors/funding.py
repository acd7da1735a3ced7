"""Reads of the grants that fund interventions: an intervention's grants as its viewer may
see them, the open calls its community may apply to for it, and what an application may
name."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from hamaynk.grants import eligibility
from hamaynk.grants.models import Application, Call
from hamaynk.grants.selectors import open_calls
from hamaynk.portfolios.models import GrantLink, Intervention, Portfolio


@dataclass(frozen=True)
class ReportRow:
    purpose: str
    state: str
    due_date: Any


@dataclass(frozen=True)
class GrantRow:
    call: str
    kind: str
    state: str  # the grant's status once awarded, else the application's
    amount: Decimal
    currency: str
    url: str  # "" when the viewer may not open the application
    intervention: str = ""
    reports: tuple[ReportRow, ...] = ()


def _row(application: Application, user: Any | None, *, intervention: str = "",
         with_reports: bool = False, follows: bool = False) -> GrantRow | None:
    """The application as `user` may see it (None: the public): whole for its community and
    its network's secretariat; for anyone else only once awarded (public, as in the open
    data), without a link — and without its reports' states, unless they follow the
    portfolio (its coach); None when they may not see it at all."""
    grant = getattr(application, "grant", None)
    may_open = user is not None and user.has_perm("grants.view_application", application)
    if not may_open and grant is None:
        return None
    reports = tuple(ReportRow(r.get_purpose_display(), r.get_status_display(), r.due_date)
                    for r in grant.reports.all()) if (
        grant and with_reports and (may_open or follows)) else ()
    return GrantRow(
        call=application.call.title, kind=application.call.get_kind_display(),
        state=grant.get_status_display() if grant else application.get_status_display(),
        amount=grant.amount if grant else application.amount_requested,
        currency=application.call.currency,
        url=application.get_absolute_url() if may_open else "",
        intervention=intervention, reports=reports)


def intervention_grants(intervention: Intervention, user: Any) -> list[GrantRow]:
    """Each application naming the intervention, as `user` may see it (`_row`)."""
    links = (GrantLink.objects.filter(intervention=intervention)
             .select_related("application__call__network", "application__community",
                             "application__grant").order_by("application__created_at"))
    rows = [_row(link.application, user) for link in links]
    return [row for row in rows if row is not None]


def portfolio_grants(portfolio: Portfolio, user: Any, *, limit: int) -> list[GrantRow]:
    """The grants of the portfolio's community in its network, with their reports, and the
    applications that name one of its interventions — for the session pack (`_row`)."""
    linked = {link.application_id: link.intervention.title for link in
              GrantLink.objects.filter(intervention__portfolio=portfolio)
              .select_related("intervention").only("application_id", "intervention__title_hy",
                                                   "intervention__title_en")[:limit]}
    applications = (Application.objects
                    .filter(Q(pk__in=linked) | Q(community=portfolio.community_id,
                                                  call__network=portfolio.network_id,
                                                  status=Application.Status.AWARDED))
                    .exclude(status=Application.Status.WITHDRAWN)
                    .select_related("call__network", "community", "grant")
                    .prefetch_related("grant__reports").order_by("-created_at", "-pk")[:limit])
    follows = user.has_perm("portfolios.run_sensemaking", portfolio)
    rows = [_row(a, user, intervention=linked.get(a.pk, ""), with_reports=True,
                 follows=follows) for a in applications]
    return [row for row in rows if row is not None]


def calls_to_apply(intervention: Intervention) -> list[Call]:
    """The open calls the intervention's community may apply to and has not yet."""
    community = intervention.portfolio.community
    applied = Application.objects.filter(community=community).values("call_id")
    return [call for call in open_calls().exclude(pk__in=applied)
            if eligibility.is_eligible(call, community)]


def funded_by(application: Application) -> GrantLink | None:
    return (GrantLink.objects.select_related("intervention__portfolio__member")
            .filter(application=application).first())


def fundable_interventions(application: Application, *,
                           keep: int | None = None) -> QuerySet[Intervention]:
    """What the application may name: its community's interventions that are not stopped
    (and `keep`, the one it names now, even if stopped since)."""
    return (Intervention.objects.filter(portfolio__community=application.community_id)
            .filter(~Q(status=Intervention.Status.STOPPED) | Q(pk=keep))
            .only("pk", "title_hy", "title_en", "status").order_by("title_hy", "pk"))


def application_to_name(*, pk: int, user: Any) -> Application:
    """The application whose funded intervention `user` may say (a 404 otherwise)."""
    application = (Application.objects.select_related("call__network", "community")
                   .filter(pk=pk).first())
    if application is None or not user.has_perm("portfolios.name_funded_intervention",
                                                  application):
        raise Http404
    return application


def awarded_for_interventions(portfolio: Portfolio, *, limit: int) -> list[GrantRow]:
    """The grants awarded for the portfolio's interventions, as the public sees them (its
    published summary), the latest first."""
    links = (GrantLink.objects.filter(intervention__portfolio=portfolio,
                                      application__status=Application.Status.AWARDED)
             .select_related("intervention", "application__call", "application__grant")
             .order_by("-application__grant__awarded_at")[:limit])
    rows = [_row(link.application, None, intervention=link.intervention.title)
            for link in links]
    return [row for row in rows if row is not None]
