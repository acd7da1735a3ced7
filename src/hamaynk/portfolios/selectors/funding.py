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
from hamaynk.portfolios.models import GrantLink, Intervention


@dataclass(frozen=True)
class GrantRow:
    call: str
    kind: str
    state: str  # the grant's status once awarded, else the application's
    amount: Decimal
    currency: str
    url: str  # "" when the viewer may not open the application


def intervention_grants(intervention: Intervention, user: Any) -> list[GrantRow]:
    """Each application naming the intervention: the viewer sees the ones they may open
    (the community, its network's secretariat); the cohort's peers see awarded grants only
    (public, as in the open data), without a link."""
    links = (GrantLink.objects.filter(intervention=intervention)
             .select_related("application__call__network", "application__community",
                             "application__grant").order_by("application__created_at"))
    rows = []
    for link in links:
        application = link.application
        grant = getattr(application, "grant", None)
        may_open = user.has_perm("grants.view_application", application)
        if not may_open and grant is None:
            continue
        rows.append(GrantRow(
            call=application.call.title, kind=application.call.get_kind_display(),
            state=grant.get_status_display() if grant else application.get_status_display(),
            amount=grant.amount if grant else application.amount_requested,
            currency=application.call.currency,
            url=application.get_absolute_url() if may_open else ""))
    return rows


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
