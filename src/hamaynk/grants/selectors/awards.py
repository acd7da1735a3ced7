"""Reads of grants awarded and their reports."""

import dataclasses

from django.db.models import QuerySet
from django.http import Http404

from hamaynk.accounts.viewer import Viewer
from hamaynk.communities.models import Affiliation, Region
from hamaynk.core.i18n import language_columns
from hamaynk.core.lookups import one
from hamaynk.documents.armenian import community_subject_hy
from hamaynk.grants.models import Grant, GrantReport, Tranche


def public_awards() -> QuerySet[Grant]:
    return (Grant.objects.select_related("call__network", "community__region__country",
                                         "application")
            .order_by("-awarded_at", "-pk"))


def public_awards_page() -> QuerySet[Grant]:
    """The public awards page: the columns it shows and nothing else (a full row of each
    joined table was most of the page's time)."""
    return (Grant.objects.select_related("call", "community__region", "application")
            .only("amount", "currency", "awarded_at", "call__slug", "call__title_hy",
                  "call__title_en", "application__title", "community__region__code",
                  "updated_at", "call__updated_at", "application__updated_at",
                  "community__updated_at",
                  *language_columns(via="community"), *language_columns(via="community__region"))
            .order_by("-awarded_at", "-pk"))


def grant_for_viewer(*, pk: int, user: Viewer) -> Grant:
    grant = one(Grant.objects.select_related("call__network", "community__region",
                                             "application").filter(pk=pk))
    if grant is None or not user.has_perm("grants.view_application", grant.application):
        raise Http404
    return grant


@dataclasses.dataclass(frozen=True)
class Agreement:
    """What the grant agreement names: the grant, its schedule and the grantee's parties."""

    grant: Grant
    tranches: list[Tranche]
    head_name: str  # the verified community head's full name; "" while there is none
    grantee_hy: str  # "Տավուշի մարզի Դիլիջան համայնքը": the community with its marz


def agreement_for_viewer(*, pk: int, user: Viewer) -> Agreement:
    grant = grant_for_viewer(pk=pk, user=user)
    head = (Affiliation.objects.filter(community=grant.community, role="head",
                                       status="verified")
            .select_related("user").first())
    region = grant.community.region
    genitive = region.genitive_hy if region.kind == Region.Kind.MARZ else ""
    return Agreement(grant=grant, tranches=list(grant.tranches.all()),
                     head_name=head.user.full_name if head else "",
                     grantee_hy=community_subject_hy(grant.community.name_hy or
                                                     grant.community.name, genitive))


def report_for_viewer(*, pk: int, user: Viewer) -> GrantReport:
    report = one(GrantReport.objects.select_related("grant__call__network", "grant__community",
                                                    "grant__application", "form_version")
                 .filter(pk=pk))
    if report is None or not user.has_perm("grants.view_application", report.grant.application):
        raise Http404
    return report
