"""Reads of applications: one application, a call's list of them, a person's own."""

from decimal import Decimal
from typing import Any

from django.db.models import F, Q, QuerySet
from django.http import Http404

from hamaynk.accounts.permissions import verified_community_ids
from hamaynk.accounts.viewer import Viewer
from hamaynk.communities.models import Community
from hamaynk.core.i18n import language_columns
from hamaynk.core.lookups import one
from hamaynk.grants.models import Application, Call


def application_for_viewer(*, pk: int, user: Viewer) -> Application:
    application = one(Application.objects
                      .select_related("call__network", "community__region__country",
                                      "form_version")
                      .filter(pk=pk))
    if application is None or not user.has_perm("grants.view_application", application):
        raise Http404
    return application


APPLICATION_SORTS: dict[str, tuple[str | Any, ...]] = {
    "submitted": ("-submitted_at", "-pk"),
    "score": (F("score_mean").desc(nulls_last=True), "pk"),
    "amount": ("-amount_requested", "pk"),
    "community": ("community__name_hy", "pk"),
}


def call_applications(*, call: Call, user: Viewer, status: str = "", region: str = "",
                      query: str = "", min_score: Decimal | None = None,
                      sort: str = "submitted") -> QuerySet[Application]:
    """The secretariat's list of a call's applications: filters on indexed columns, and a
    fixed number of queries whatever the number of rows (the scores are kept on the row)."""
    if not user.has_perm("grants.manage_call", call):
        raise Http404
    qs = (Application.objects.filter(call=call).exclude(status=Application.Status.DRAFT)
          .select_related("community__region")
          .order_by(*APPLICATION_SORTS.get(sort, APPLICATION_SORTS["submitted"])))
    if status in Application.Status.values:
        qs = qs.filter(status=status)
    if region:
        qs = qs.filter(community__region__code=region)
    if min_score is not None:
        qs = qs.filter(score_mean__gte=min_score)
    for word in " ".join(query.split()).casefold().split():
        # the community by a subquery, not a join: its names are searched through their
        # own (trigram) index instead of joining every community to every application
        named = Community.objects.filter(search_text__contains=word).values("pk")
        qs = qs.filter(Q(title__icontains=word) | Q(community__in=named))
    return qs


def my_grant_applications(*, user: Viewer) -> QuerySet[Application]:
    return (Application.objects.filter(community_id__in=verified_community_ids(user))
            .select_related("call", "community").order_by("-updated_at"))


def application_listing(qs: QuerySet[Application], *extra: str) -> QuerySet[Application]:
    """Only the columns the application lists and the ranking show (no answers, no budget)."""
    return qs.only(*extra, "call_id", "status", "version", "title", "amount_requested",
                   "submitted_at", "review_count", "score_mean", "score_spread", "updated_at",
                   "community__updated_at",
                   "community__region_id", *language_columns(via="community"),
                   *language_columns(via="community__region"))
